import { createColumnHelper, type Row, type RowData } from '@tanstack/react-table';
import { areaName, professionName } from '../lib/vocabulary';
import type { TFunction } from 'i18next';
import type { Level, Ownership } from '../bindings';
import type { Language } from '../i18n/languages';
import { formatCount, nameCollator } from '../lib/format';
import type { GridColumn, GridFeatures } from './DataGrid';
import { LEVELS, OWNERSHIPS, type Programme, type Provider, type School, type Student, type Unit } from './model';
import { maskPersonalId } from './personalId';
import type { Vocabulary } from './vocabulary';

/** A kind's grid: its columns and the text its search box looks in. */
export type GridSpec<T extends RowData> = { columns: GridColumn<T>[]; searchText: (row: T) => string };

type Context = { t: TFunction; language: Language; vocabulary: Vocabulary };

function textSort<T extends RowData>(collator: Intl.Collator) {
  return (a: Row<GridFeatures, T>, b: Row<GridFeatures, T>, columnId: string) =>
    collator.compare(String(a.getValue(columnId) ?? ''), String(b.getValue(columnId) ?? ''));
}

function yesNo(t: TFunction, value: boolean): string {
  return value ? t('data.yes') : t('data.no');
}

function levelName(t: TFunction, level: Level | undefined): string {
  return level ? t(`data.levels.${level}`) : '';
}

function ownershipName(t: TFunction, ownership: Ownership | undefined | null): string {
  return ownership ? t(`data.ownership.${ownership}`) : t('data.ownership.none');
}

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);

function levelOptions(t: TFunction) {
  return LEVELS.map((level) => ({ value: level, label: t(`data.levels.${level}`) }));
}

function wordOptions(words: readonly string[], name: (word: string) => string = (w) => w) {
  return words.map((w) => ({ value: w, label: name(w) }));
}

function yesNoOptions(t: TFunction) {
  return [
    { value: 'yes', label: t('data.yes') },
    { value: 'no', label: t('data.no') },
  ];
}

export function schoolGrid({ t, language, vocabulary }: Context): GridSpec<School> {
  const h = createColumnHelper<GridFeatures, School>();
  const text = textSort<School>(nameCollator(language));
  return {
    searchText: (s) => `${s.id} ${s.name} ${levelName(t, s.level)}`,
    columns: h.columns([
      h.accessor('id', { header: t('data.columns.id'), sortFn: text, meta: { rowHeader: true, mono: true, width: '10rem' } }),
      h.accessor('name', { header: t('data.columns.name'), sortFn: text, meta: { width: '22rem' } }),
      h.accessor((s) => levelName(t, s.level), {
        id: 'level',
        header: t('data.columns.level'),
        sortFn: text,
        filterFn: (row, _id, value) => row.original.level === value,
        meta: { width: '12rem', filter: { label: t('data.columns.level'), options: levelOptions(t) } },
      }),
      h.accessor((s) => vocabulary.programmesBySchool.get(s.id) ?? 0, {
        id: 'programmes',
        header: t('data.columns.programmes'),
        sortFn: 'basic',
        sortDescFirst: true,
        cell: (info) => formatCount(info.getValue(), language),
        meta: { numeric: true, width: '9rem' },
      }),
      h.accessor((s) => vocabulary.studentsBySchool.get(s.id) ?? 0, {
        id: 'students',
        header: t('data.columns.students'),
        sortFn: 'basic',
        sortDescFirst: true,
        cell: (info) => formatCount(info.getValue(), language),
        meta: { numeric: true, width: '9rem' },
      }),
    ]),
  };
}

export function programmeGrid({ t, language, vocabulary }: Context): GridSpec<Programme> {
  const h = createColumnHelper<GridFeatures, Programme>();
  const text = textSort<Programme>(nameCollator(language));
  const schoolName = (id: string) => vocabulary.schools.get(id)?.name ?? id;
  return {
    searchText: (p) => `${p.id} ${p.name} ${schoolName(p.school)} ${p.profession}`,
    columns: h.columns([
      h.accessor('id', { header: t('data.columns.id'), sortFn: text, meta: { rowHeader: true, mono: true, width: '10rem' } }),
      h.accessor('name', { header: t('data.columns.name'), sortFn: text, meta: { width: '18rem' } }),
      h.accessor((p) => schoolName(p.school), {
        id: 'school',
        header: t('data.columns.school'),
        sortFn: text,
        filterFn: (row, _id, value) => row.original.school === value,
        meta: {
          width: '16rem',
          filter: {
            label: t('data.columns.school'),
            options: [...vocabulary.schools.values()].map((s) => ({ value: s.id, label: s.name })).sort(byLabel),
          },
        },
      }),
      h.accessor('profession', {
        header: t('data.columns.profession'),
        sortFn: text,
        filterFn: (row, _id, value) => row.original.profession === value,
        meta: {
          width: '11rem',
          mono: true,
          filter: { label: t('data.columns.profession'), options: wordOptions([...new Set([...vocabulary.programmes.values()].map((p) => p.profession))].sort(), (p) => professionName(p, t)) },
        },
      }),
      h.accessor((p) => levelName(t, vocabulary.levelOfProgramme.get(p.id)), { id: 'level', header: t('data.columns.level'), sortFn: text, meta: { width: '11rem' } }),
      h.accessor((p) => yesNo(t, p.trained_supervisor_required), {
        id: 'trained',
        header: t('data.columns.trainedRequired'),
        sortFn: text,
        meta: { width: '9rem' },
      }),
      h.accessor('max_students_per_supervisor', {
        header: t('data.columns.maxPerSupervisor'),
        sortFn: 'basic',
        sortDescFirst: true,
        cell: (info) => formatCount(info.getValue(), language),
        meta: { numeric: true, width: '9rem' },
      }),
      h.accessor((p) => vocabulary.studentsByProgramme.get(p.id) ?? 0, {
        id: 'students',
        header: t('data.columns.students'),
        sortFn: 'basic',
        sortDescFirst: true,
        cell: (info) => formatCount(info.getValue(), language),
        meta: { numeric: true, width: '8rem' },
      }),
    ]),
  };
}

export function providerGrid({ t, language, vocabulary }: Context): GridSpec<Provider> {
  const h = createColumnHelper<GridFeatures, Provider>();
  const text = textSort<Provider>(nameCollator(language));
  return {
    searchText: (p) => `${p.id} ${p.name} ${ownershipName(t, p.ownership)}`,
    columns: h.columns([
      h.accessor('id', { header: t('data.columns.id'), sortFn: text, meta: { rowHeader: true, mono: true, width: '10rem' } }),
      h.accessor('name', { header: t('data.columns.name'), sortFn: text, meta: { width: '22rem' } }),
      h.accessor((p) => ownershipName(t, p.ownership), {
        id: 'ownership',
        header: t('data.columns.ownership'),
        sortFn: text,
        filterFn: (row, _id, value) => (row.original.ownership ?? 'none') === value,
        meta: {
          width: '9rem',
          filter: {
            label: t('data.columns.ownership'),
            options: [
              ...OWNERSHIPS.map((o) => ({ value: o, label: t(`data.ownership.${o}`) })),
              { value: 'none', label: t('data.ownership.none') },
            ],
          },
        },
      }),
      h.accessor((p) => vocabulary.unitsByProvider.get(p.id) ?? 0, {
        id: 'units',
        header: t('data.columns.units'),
        sortFn: 'basic',
        sortDescFirst: true,
        cell: (info) => formatCount(info.getValue(), language),
        meta: { numeric: true, width: '7rem' },
      }),
      h.accessor((p) => p.remit.length, {
        id: 'remit',
        header: t('data.columns.remitProgrammes'),
        sortFn: 'basic',
        sortDescFirst: true,
        cell: (info) => formatCount(info.getValue(), language),
        meta: { numeric: true, width: '9rem' },
      }),
      h.accessor((p) => p.remit.reduce((sum, r) => sum + r.min_student_weeks, 0), {
        id: 'remitMin',
        header: t('data.columns.remitMin'),
        sortFn: 'basic',
        sortDescFirst: true,
        cell: (info) => formatCount(info.getValue(), language),
        meta: { numeric: true, width: '10rem' },
      }),
    ]),
  };
}

export function unitGrid({ t, language, vocabulary }: Context): GridSpec<Unit> {
  const h = createColumnHelper<GridFeatures, Unit>();
  const text = textSort<Unit>(nameCollator(language));
  const providerName = (id: string) => vocabulary.providers.get(id)?.name ?? id;
  return {
    searchText: (u) => `${u.id} ${u.name} ${providerName(u.provider)} ${u.areas.join(' ')}`,
    columns: h.columns([
      h.accessor('id', { header: t('data.columns.id'), sortFn: text, meta: { rowHeader: true, mono: true, width: '10rem' } }),
      h.accessor('name', { header: t('data.columns.name'), sortFn: text, meta: { width: '17rem' } }),
      h.accessor((u) => providerName(u.provider), {
        id: 'provider',
        header: t('data.columns.provider'),
        sortFn: text,
        filterFn: (row, _id, value) => row.original.provider === value,
        meta: {
          width: '14rem',
          filter: {
            label: t('data.columns.provider'),
            options: [...vocabulary.providers.values()].map((p) => ({ value: p.id, label: p.name })).sort(byLabel),
          },
        },
      }),
      h.accessor((u) => u.areas.map((a) => areaName(a, t)).join(', '), {
        id: 'areas',
        header: t('data.columns.areas'),
        sortFn: text,
        filterFn: (row, _id, value) => row.original.areas.includes(String(value)),
        meta: { width: '13rem', filter: { label: t('data.columns.area'), options: wordOptions(vocabulary.areas, (a) => areaName(a, t)) } },
      }),
      h.accessor((u) => u.levels.map((l) => t(`data.levelsShort.${l}`)).join(', '), {
        id: 'levels',
        header: t('data.columns.levels'),
        sortFn: text,
        filterFn: (row, _id, value) => row.original.levels.some((l) => l === value),
        meta: { width: '9rem', filter: { label: t('data.columns.level'), options: levelOptions(t) } },
      }),
      h.accessor((u) => u.capacity.reduce((sum, c) => sum + c.places, 0), {
        id: 'places',
        header: t('data.columns.places'),
        sortFn: 'basic',
        sortDescFirst: true,
        cell: (info) => formatCount(info.getValue(), language),
        meta: { numeric: true, width: '7rem' },
      }),
      h.accessor((u) => u.supervisors.length, {
        id: 'supervisors',
        header: t('data.columns.supervisors'),
        sortFn: 'basic',
        sortDescFirst: true,
        cell: (info) => formatCount(info.getValue(), language),
        meta: { numeric: true, width: '8rem' },
      }),
      h.accessor((u) => yesNo(t, Boolean(u.ipl)), {
        id: 'ipl',
        header: t('data.columns.ipl'),
        sortFn: text,
        filterFn: (row, _id, value) => Boolean(row.original.ipl) === (value === 'yes'),
        meta: { width: '6rem', filter: { label: t('data.columns.ipl'), options: yesNoOptions(t) } },
      }),
    ]),
  };
}

export function studentGrid({ t, language, vocabulary }: Context): GridSpec<Student> {
  const h = createColumnHelper<GridFeatures, Student>();
  const text = textSort<Student>(nameCollator(language));
  const programmeName = (id: string) => vocabulary.programmes.get(id)?.name ?? id;
  const programmeOptions = [...vocabulary.programmes.values()]
    .map((p) => ({ value: p.id, label: `${p.name} (${vocabulary.schools.get(p.school)?.name ?? p.school})` }))
    .sort(byLabel);
  return {
    // The search sees the date of birth, never the personal number's last four digits.
    searchText: (s) =>
      `${s.id} ${s.name} ${maskPersonalId(s.personal_id)} ${programmeName(s.programme)} ${s.needs.map((n) => n.area).join(' ')}`,
    columns: h.columns([
      h.accessor('id', { header: t('data.columns.id'), sortFn: text, meta: { rowHeader: true, mono: true, width: '8rem' } }),
      h.accessor('name', { header: t('data.columns.name'), sortFn: text, meta: { width: '14rem' } }),
      h.accessor((s) => maskPersonalId(s.personal_id), {
        id: 'personal_id',
        header: t('data.columns.personalId'),
        sortFn: text,
        meta: { mono: true, width: '10rem' },
      }),
      h.accessor((s) => programmeName(s.programme), {
        id: 'programme',
        header: t('data.columns.programme'),
        sortFn: text,
        filterFn: (row, _id, value) => row.original.programme === value,
        meta: { width: '16rem', filter: { label: t('data.columns.programme'), options: programmeOptions } },
      }),
      h.accessor((s) => [...new Set(s.needs.map((n) => areaName(n.area, t)))].join(', '), {
        id: 'areas',
        header: t('data.columns.needAreas'),
        sortFn: text,
        filterFn: (row, _id, value) => row.original.needs.some((n) => n.area === value),
        meta: { width: '13rem', filter: { label: t('data.columns.area'), options: wordOptions(vocabulary.areas, (a) => areaName(a, t)) } },
      }),
      h.accessor((s) => s.needs.length, {
        id: 'needs',
        header: t('data.columns.needs'),
        sortFn: 'basic',
        sortDescFirst: true,
        cell: (info) => formatCount(info.getValue(), language),
        meta: { numeric: true, width: '6rem' },
      }),
      h.accessor((s) => s.needs.reduce((sum, n) => sum + n.weeks, 0), {
        id: 'weeks',
        header: t('data.columns.needWeeks'),
        sortFn: 'basic',
        sortDescFirst: true,
        cell: (info) => formatCount(info.getValue(), language),
        meta: { numeric: true, width: '6rem' },
      }),
      h.accessor((s) => yesNo(t, s.minor), {
        id: 'minor',
        header: t('data.columns.minor'),
        sortFn: text,
        filterFn: (row, _id, value) => row.original.minor === (value === 'yes'),
        meta: { width: '6rem', filter: { label: t('data.columns.minor'), options: yesNoOptions(t) } },
      }),
    ]),
  };
}
