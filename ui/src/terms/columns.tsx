import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { TermSummary } from '../bindings';
import type { Language } from '../i18n/languages';
import { countColumn, sortingFeatures, type TableColumnMeta } from '../lib/columns';
import { formatCount, formatPercent, nameCollator } from '../lib/format';
import { formatWeek, formatWeekRange } from '../lib/weeks';
import { demandRatio } from './demand';

export type TermColumnMeta = TableColumnMeta & {
  /** Buttons acting on the row, not data. */
  actions?: boolean;
};

export const termTableFeatures = sortingFeatures<TermColumnMeta>();

export type TermFeatures = typeof termTableFeatures;

const helper = createColumnHelper<TermFeatures, TermSummary>();

type CountKey = 'open_weeks' | 'students' | 'needs' | 'units' | 'places' | 'supervisors';

/** The term list's columns, with headers and cells in the given language. */
export function termColumns(
  t: TFunction,
  language: Language,
  onOpen: (termId: string) => void,
  onDelete?: (term: TermSummary) => void,
): ColumnDef<TermFeatures, TermSummary, any>[] {
  const collator = nameCollator(language);

  const count = (key: CountKey, header: string) => helper.accessor(key, countColumn(header, language));

  return helper.columns([
    helper.accessor('name', {
      id: 'term',
      header: t('terms.columns.term'),
      sortFn: (a, b) => collator.compare(a.original.name, b.original.name) || collator.compare(a.original.id, b.original.id),
      sortDescFirst: false,
      meta: { rowHeader: true },
      cell: (info) => (
        <button
          type="button"
          className="term term--link"
          onClick={() => onOpen(info.row.original.id)}
          aria-label={t('terms.open', { name: info.row.original.name })}
          data-testid={`open-term-${info.row.original.id}`}
        >
          <span className="term__name">{info.row.original.name}</span>
          <span className="term__id">{info.row.original.id}</span>
        </button>
      ),
    }),
    helper.accessor('first_week', {
      id: 'period',
      header: t('terms.columns.period'),
      sortFn: (a, b) =>
        a.original.first_week.localeCompare(b.original.first_week) || a.original.last_week.localeCompare(b.original.last_week),
      cell: (info) => {
        const term = info.row.original;
        return (
          <span className="period">
            <span className="period__range">{formatWeekRange(term.first_week, term.last_week, language)}</span>
            {term.closed_weeks.length > 0 && (
              <span className="period__closed">
                {t('terms.closedWeeks', { weeks: term.closed_weeks.map((w) => formatWeek(w, { language })).join(', ') })}
              </span>
            )}
          </span>
        );
      },
    }),
    count('open_weeks', t('terms.columns.openWeeks')),
    count('students', t('terms.columns.students')),
    count('needs', t('terms.columns.needs')),
    count('units', t('terms.columns.units')),
    count('places', t('terms.columns.places')),
    count('supervisors', t('terms.columns.supervisors')),
    helper.accessor((term) => demandRatio(term), {
      id: 'demand',
      header: t('terms.columns.demand'),
      sortFn: 'basic',
      sortDescFirst: true,
      sortUndefined: 'last',
      meta: { numeric: true },
      cell: (info) => <Demand term={info.row.original} ratio={info.getValue()} t={t} language={language} />,
    }),
    ...(onDelete
      ? [
          helper.display({
            id: 'actions',
            header: t('terms.columns.actions'),
            enableSorting: false,
            meta: { actions: true },
            cell: (info) => (
              <button
                type="button"
                className="terms-row-action"
                onClick={() => onDelete(info.row.original)}
                aria-label={t('terms.delete.button', { name: info.row.original.name })}
                data-testid={`delete-term-${info.row.original.id}`}
              >
                {t('terms.delete.short')}
              </button>
            ),
          }),
        ]
      : []),
  ]);
}

type DemandProps = { term: TermSummary; ratio: number | undefined; t: TFunction; language: Language };

function Demand({ term, ratio, t, language }: DemandProps) {
  const detail = t('terms.demand.detail', {
    need: formatCount(term.need_weeks, language),
    capacity: formatCount(term.place_weeks, language),
  });
  if (ratio === undefined) return <span className="demand demand--none">{t('terms.demand.noNeeds')}</span>;
  const over = ratio > 1;
  return (
    <span className={over ? 'demand demand--over' : 'demand'}>
      <span className="demand__value">
        {Number.isFinite(ratio) ? formatPercent(ratio, language) : t('terms.demand.noCapacity')}
        {over && <span className="sr-only"> ({t('terms.demand.over')})</span>}
      </span>
      <span className="demand__bar" aria-hidden="true">
        <span className="demand__fill" style={{ inlineSize: `${Math.min(ratio, 1) * 100}%` }} />
      </span>
      <span className="demand__detail">{detail}</span>
    </span>
  );
}
