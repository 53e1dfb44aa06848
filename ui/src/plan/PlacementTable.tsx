import type { SortingState } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PlacementView_Serialize } from '../bindings';
import type { Language } from '../i18n/languages';
import { programmeColour } from './colors';
import { LockIcon } from './LockIcon';
import { formatKm, formatWeekSpan } from './planFormat';
import { planColumnHelper, PlanTable, studentColumn, usePlanColumns, type PlanColumns } from './PlanTable';

export type PlacementActions = {
  onMove: (placement: PlacementView_Serialize) => void;
  onLock: (placement: PlacementView_Serialize) => void;
};

const helper = planColumnHelper<PlacementView_Serialize>();
const INITIAL_SORTING: SortingState = [{ id: 'student', desc: false }];

function placementColumns(
  t: TFunction,
  language: Language,
  collator: Intl.Collator,
  actions: PlacementActions | undefined,
): PlanColumns<PlacementView_Serialize> {
  const none = t('plan.notAvailable');
  const columns: PlanColumns<PlacementView_Serialize> = [
    studentColumn<PlacementView_Serialize>(t('plan.placements.columns.student'), collator),
    helper.accessor('programme_name', {
      id: 'programme',
      header: t('plan.placements.columns.programme'),
      sortFn: (a, b) => collator.compare(a.original.programme_name, b.original.programme_name),
      cell: (info) => {
        const colour = programmeColour(info.row.original.programme);
        return (
          <span className="plan-programme">
            <span className="plan-swatch" style={{ background: colour.fill, borderColor: colour.edge }} aria-hidden="true" />
            {info.getValue()}
          </span>
        );
      },
    }),
    helper.accessor('unit_name', {
      id: 'unit',
      header: t('plan.placements.columns.unit'),
      sortFn: (a, b) => collator.compare(a.original.unit_name, b.original.unit_name),
      cell: (info) => (
        <span className="plan-cell">
          <span className="plan-cell__main">{info.row.original.unit_name}</span>
          <span className="plan-cell__sub">{info.row.original.provider_name}</span>
        </span>
      ),
    }),
    helper.accessor('supervisor', {
      id: 'supervisor',
      header: t('plan.placements.columns.supervisor'),
      sortFn: (a, b) => collator.compare(a.original.supervisor, b.original.supervisor),
      cell: (info) => <span className="plan-cell__id">{info.getValue()}</span>,
    }),
    helper.accessor('first_open_week', {
      id: 'weeks',
      header: t('plan.placements.columns.weeks'),
      sortFn: 'basic',
      cell: (info) => <span className="plan-nowrap">{formatWeekSpan(info.row.original.start, info.row.original.end, language)}</span>,
    }),
    helper.accessor((p) => p.preference_rank ?? undefined, {
      id: 'rank',
      header: t('plan.placements.columns.rank'),
      sortFn: 'basic',
      sortUndefined: 'last',
      meta: { numeric: true },
      cell: (info) => {
        const rank = info.getValue();
        return rank === undefined ? none : t('plan.placements.rank', { rank });
      },
    }),
    helper.accessor((p) => p.travel_km ?? undefined, {
      id: 'travel',
      header: t('plan.placements.columns.travel'),
      sortFn: 'basic',
      sortUndefined: 'last',
      meta: { numeric: true },
      cell: (info) => {
        const km = info.getValue();
        return km === undefined ? none : <span className="plan-nowrap">{t('plan.placements.km', { km: formatKm(km, language) })}</span>;
      },
    }),
    helper.accessor((p) => (p.locked ? 1 : 0), {
      id: 'lock',
      header: t('plan.placements.columns.lock'),
      sortFn: 'basic',
      sortDescFirst: true,
      cell: (info) =>
        info.row.original.locked ? (
          <span className="plan-locked">
            <LockIcon /> {t('plan.placements.locked')}
          </span>
        ) : (
          <span className="plan-muted">{t('plan.placements.open')}</span>
        ),
    }),
  ];
  if (actions) {
    columns.push(
      helper.display({
        id: 'actions',
        header: t('plan.placements.columns.actions'),
        cell: (info) => {
          const p = info.row.original;
          return (
            <span className="plan-actions">
              <button
                type="button"
                className="button plan-btn--small plan-btn--secondary"
                onClick={() => actions.onMove(p)}
                aria-label={t('plan.placements.moveLabel', { student: p.student_name })}
                data-testid={`move-${p.need}`}
              >
                {t('plan.placements.move')}
              </button>
              <button
                type="button"
                className="button plan-btn--small plan-btn--secondary"
                onClick={() => actions.onLock(p)}
                aria-label={t(p.locked ? 'plan.placements.unlockLabel' : 'plan.placements.lockLabel', { student: p.student_name })}
                data-testid={`lock-${p.need}`}
              >
                {p.locked ? t('plan.placements.unlock') : t('plan.placements.lock')}
              </button>
            </span>
          );
        },
      }),
    );
  }
  return columns;
}

type Props = {
  placements: PlacementView_Serialize[];
  actions?: PlacementActions;
  resetKey: unknown;
};

/** Every placement of the plan (as filtered), sortable and paged, with move and lock actions on the draft. */
export function PlacementTable({ placements, actions, resetKey }: Props) {
  const { t } = useTranslation();
  const columns = usePlanColumns(placementColumns, actions);
  return (
    <PlanTable
      data={placements}
      columns={columns}
      caption={t('plan.placements.caption')}
      rowId={(p) => p.need}
      rowTestId={(p) => `placement-${p.need}`}
      initialSorting={INITIAL_SORTING}
      resetKey={resetKey}
      empty={t('plan.placements.empty')}
    />
  );
}
