import type { SortingState } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { UnplacedView_Serialize } from '../bindings';
import type { Language } from '../i18n/languages';
import { countColumn } from '../lib/columns';
import { formatWeekRange } from '../lib/weeks';
import { areaLabel, reasonLabel } from './labels';
import { planColumnHelper, PlanTable, studentColumn, usePlanColumns, type PlanColumns } from './PlanTable';
import { describeUnplaced } from './unplacedDetail';

const helper = planColumnHelper<UnplacedView_Serialize>();
const INITIAL_SORTING: SortingState = [{ id: 'priority', desc: true }];

function unplacedColumns(
  t: TFunction,
  language: Language,
  collator: Intl.Collator,
  onPlace: ((need: UnplacedView_Serialize) => void) | undefined,
): PlanColumns<UnplacedView_Serialize> {
  const columns: PlanColumns<UnplacedView_Serialize> = [
    studentColumn<UnplacedView_Serialize>(t('plan.unplaced.columns.student'), collator),
    helper.accessor('programme_name', {
      id: 'programme',
      header: t('plan.unplaced.columns.programme'),
      sortFn: (a, b) => collator.compare(a.original.programme_name, b.original.programme_name),
    }),
    helper.accessor((u) => areaLabel(u.area, t), {
      id: 'area',
      header: t('plan.unplaced.columns.area'),
      sortFn: (a, b) => collator.compare(areaLabel(a.original.area, t), areaLabel(b.original.area, t)),
    }),
    helper.accessor('weeks', {
      id: 'weeks',
      header: t('plan.unplaced.columns.weeks'),
      sortFn: 'basic',
      cell: (info) => {
        const u = info.row.original;
        const window =
          u.earliest || u.latest
            ? t('plan.unplaced.window', { range: formatWeekRange(u.earliest ?? u.latest!, u.latest ?? u.earliest!, language) })
            : null;
        return (
          <span className="plan-cell">
            <span className="plan-cell__main">{t('plan.unplaced.weeks', { count: u.weeks })}</span>
            {window && <span className="plan-cell__sub">{window}</span>}
          </span>
        );
      },
    }),
    helper.accessor('priority', { id: 'priority', ...countColumn(t('plan.unplaced.columns.priority'), language) }),
    helper.accessor((u) => reasonLabel(u.reason, t), {
      id: 'reason',
      header: t('plan.unplaced.columns.reason'),
      sortFn: (a, b) => collator.compare(reasonLabel(a.original.reason, t), reasonLabel(b.original.reason, t)),
      cell: (info) => {
        const detail = describeUnplaced(info.row.original, t, language);
        return (
          <span className="plan-cell">
            <span className={`plan-reason plan-reason--${info.row.original.reason}`} data-testid={`reason-${info.row.original.need}`}>
              {info.getValue()}
            </span>
            {detail && (
              <span className="plan-cell__sub" data-testid={`detail-${info.row.original.need}`}>
                {detail}
              </span>
            )}
          </span>
        );
      },
    }),
  ];
  if (onPlace) {
    columns.push(
      helper.display({
        id: 'actions',
        header: t('plan.unplaced.columns.actions'),
        cell: (info) => (
          <button
            type="button"
            className="button plan-btn--small plan-btn--secondary"
            onClick={() => onPlace(info.row.original)}
            aria-label={t('plan.unplaced.placeLabel', { student: info.row.original.student_name })}
            data-testid={`place-${info.row.original.need}`}
          >
            {t('plan.unplaced.place')}
          </button>
        ),
      }),
    );
  }
  return columns;
}

type Props = {
  unplaced: UnplacedView_Serialize[];
  onPlace?: (need: UnplacedView_Serialize) => void;
  resetKey: unknown;
};

/** The needs left unplaced (as filtered), highest priority first, each with its reason and a way to place it. */
export function UnplacedTable({ unplaced, onPlace, resetKey }: Props) {
  const { t } = useTranslation();
  const columns = usePlanColumns(unplacedColumns, onPlace);
  return (
    <PlanTable
      data={unplaced}
      columns={columns}
      caption={t('plan.unplaced.caption')}
      rowId={(u) => u.need}
      rowTestId={(u) => `unplaced-${u.need}`}
      initialSorting={INITIAL_SORTING}
      resetKey={resetKey}
      empty={t('plan.unplaced.empty')}
    />
  );
}
