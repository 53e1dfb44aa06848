import { createColumnHelper, useTable, type ColumnDef, type Row, type SortingState } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Level, ProgrammeDemand } from '../bindings';
import { BodyCell, SortHead } from '../components/DataTable';
import type { Language } from '../i18n/languages';
import { useLanguage } from '../i18n/useLanguage';
import { countColumn } from '../lib/columns';
import { formatCount, nameCollator } from '../lib/format';
import { levelName, professionName } from './labels';
import { overviewTableFeatures, type OverviewFeatures } from './tables';

type Props = { programmes: ProgrammeDemand[] };

type CountKey = 'students' | 'needs' | 'need_weeks' | 'ipl_needs';
const COUNT_KEYS: readonly CountKey[] = ['students', 'needs', 'need_weeks', 'ipl_needs'];
const LEVELS: readonly Level[] = ['university', 'higher_vocational', 'upper_secondary'];

const INITIAL_SORTING: SortingState = [{ id: 'school', desc: false }];

type Totals = Record<CountKey, number>;

function sum(programmes: readonly ProgrammeDemand[]): Totals {
  const totals: Totals = { students: 0, needs: 0, need_weeks: 0, ipl_needs: 0 };
  for (const p of programmes) for (const key of COUNT_KEYS) totals[key] += p[key];
  return totals;
}

const helper = createColumnHelper<OverviewFeatures, ProgrammeDemand>();

function programmeColumns(t: TFunction, language: Language): ColumnDef<OverviewFeatures, ProgrammeDemand, any>[] {
  const collator = nameCollator(language);
  const count = (key: CountKey, header: string) => helper.accessor(key, countColumn(header, language));
  return helper.columns([
    helper.accessor('programme_name', {
      id: 'programme',
      header: t('overview.programmes.columns.programme'),
      sortFn: (a, b) => collator.compare(a.original.programme_name, b.original.programme_name),
      meta: { rowHeader: true },
      cell: (info) => (
        <span className="ov-name">
          <span className="ov-name__main">{info.row.original.programme_name}</span>
          <span className="ov-name__id">{info.row.original.programme}</span>
        </span>
      ),
    }),
    helper.accessor('school_name', {
      id: 'school',
      header: t('overview.programmes.columns.school'),
      sortFn: (a, b) =>
        collator.compare(a.original.school_name || a.original.school, b.original.school_name || b.original.school) ||
        collator.compare(a.original.programme_name, b.original.programme_name),
      cell: (info) => info.row.original.school_name || info.row.original.school,
    }),
    helper.accessor('level', {
      id: 'level',
      header: t('overview.programmes.columns.level'),
      sortFn: (a, b) => LEVELS.indexOf(a.original.level) - LEVELS.indexOf(b.original.level),
      cell: (info) => levelName(info.getValue(), t),
    }),
    helper.accessor('profession', {
      id: 'profession',
      header: t('overview.programmes.columns.profession'),
      sortFn: (a, b) => collator.compare(professionName(a.original.profession, t), professionName(b.original.profession, t)),
      cell: (info) => professionName(info.getValue(), t),
    }),
    count('students', t('overview.programmes.columns.students')),
    count('needs', t('overview.programmes.columns.needs')),
    count('need_weeks', t('overview.programmes.columns.needWeeks')),
    count('ipl_needs', t('overview.programmes.columns.iplNeeds')),
  ]);
}

/**
 * Needs by programme, grouped by school with a subtotal per school (or as one sortable list),
 * a total for the term, and the totals per education level.
 */
export function ProgrammeTable({ programmes }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const groupId = useId();
  const [grouped, setGrouped] = useState(true);
  const columns = useMemo(() => programmeColumns(t, language), [t, language]);

  const table = useTable({
    features: overviewTableFeatures,
    columns,
    data: programmes,
    initialState: { sorting: INITIAL_SORTING },
    enableSortingRemoval: false,
  });

  const rows = table.getRowModel().rows;
  const sorting = table.state.sorting;
  const schoolsDescending = sorting[0]?.id === 'school' && sorting[0].desc;
  const groups = useMemo(() => {
    const collator = nameCollator(language);
    const bySchool = new Map<string, { school: string; name: string; rows: Row<OverviewFeatures, ProgrammeDemand>[] }>();
    for (const row of rows) {
      const { school, school_name } = row.original;
      let group = bySchool.get(school);
      if (!group) {
        group = { school, name: school_name || school, rows: [] };
        bySchool.set(school, group);
      }
      group.rows.push(row);
    }
    const list = [...bySchool.values()].sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.school, b.school));
    return schoolsDescending ? list.reverse() : list;
  }, [rows, language, schoolsDescending]);

  const total = sum(programmes);
  const visibleColumns = table.getAllLeafColumns().filter((column) => !(grouped && column.id === 'school'));
  const columnCount = visibleColumns.length;

  const renderRow = (row: Row<OverviewFeatures, ProgrammeDemand>) => (
    <tr key={row.id}>
      {row
        .getAllCells()
        .filter((cell) => !(grouped && cell.column.id === 'school'))
        .map((cell) => (
          <BodyCell key={cell.id} meta={cell.column.columnDef.meta}>
            <table.FlexRender cell={cell} />
          </BodyCell>
        ))}
    </tr>
  );

  const totalsCells = (totals: Totals, label: string, className: string) => (
    <tr className={className}>
      <th scope="row" colSpan={columnCount - COUNT_KEYS.length}>
        {label}
      </th>
      {COUNT_KEYS.map((key) => (
        <td key={key} className="num">
          {formatCount(totals[key], language)}
        </td>
      ))}
    </tr>
  );

  return (
    <div className="ov-table-block">
      <div className="ov-toolbar">
        <input
          id={groupId}
          type="checkbox"
          checked={grouped}
          onChange={(event) => setGrouped(event.target.checked)}
          data-testid="programmes-grouped"
        />
        <label htmlFor={groupId}>{t('overview.programmes.groupBySchool')}</label>
      </div>
      <div className="table-frame">
        <table className="data-table ov-table" data-testid="programme-table">
          <caption className="sr-only">{t('overview.programmes.caption')}</caption>
          <SortHead
            groups={table.getHeaderGroups()}
            render={(header) => <table.FlexRender header={header} />}
            hidden={(header) => grouped && header.column.id === 'school'}
          />
          {grouped ? (
            groups.map((group) => (
              <tbody key={group.school} className="ov-group">
                <tr className="ov-group__head">
                  <th scope="rowgroup" colSpan={columnCount}>
                    {group.name}
                  </th>
                </tr>
                {group.rows.map(renderRow)}
                {totalsCells(
                  sum(group.rows.map((row) => row.original)),
                  t('overview.programmes.schoolTotal', { school: group.name }),
                  'ov-subtotal',
                )}
              </tbody>
            ))
          ) : (
            <tbody>{rows.map(renderRow)}</tbody>
          )}
          <tfoot>{totalsCells(total, t('overview.programmes.total'), 'ov-total')}</tfoot>
        </table>
      </div>
      <LevelTotals programmes={programmes} t={t} language={language} />
    </div>
  );
}

function LevelTotals({ programmes, t, language }: { programmes: ProgrammeDemand[]; t: TFunction; language: Language }) {
  const present = LEVELS.filter((level) => programmes.some((p) => p.level === level));
  if (present.length === 0) return null;
  return (
    <dl className="ov-levels" data-testid="level-totals">
      {present.map((level) => {
        const totals = sum(programmes.filter((p) => p.level === level));
        return (
          <div key={level} className="ov-levels__item">
            <dt>{levelName(level, t)}</dt>
            <dd>
              {t('overview.programmes.levelSummary', {
                students: formatCount(totals.students, language),
                needs: formatCount(totals.needs, language),
                weeks: formatCount(totals.need_weeks, language),
              })}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
