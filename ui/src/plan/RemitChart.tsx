import type { SortingState } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, Tooltip, XAxis, YAxis, useXAxisScale, useYAxisScale, type BarShapeProps, type TooltipContentProps } from 'recharts';
import type { RemitUse_Serialize } from '../bindings';
import type { Language } from '../i18n/languages';
import { useLanguage } from '../i18n/useLanguage';
import { countColumn } from '../lib/columns';
import { formatCount, nameCollator } from '../lib/format';
import { planColumnHelper, PlanTable, type PlanColumns } from './PlanTable';

export type RemitStatus = 'below' | 'ok' | 'atMax' | 'overMax';

/** Where a remit entry stands: below its minimum, within, at its maximum, or over it. */
export function remitStatus(r: Pick<RemitUse_Serialize, 'placed_student_weeks' | 'min_student_weeks' | 'max_student_weeks'>): RemitStatus {
  const max = r.max_student_weeks;
  if (max !== null && r.placed_student_weeks > max) return 'overMax';
  if (max !== null && r.placed_student_weeks === max) return 'atMax';
  if (r.placed_student_weeks < r.min_student_weeks) return 'below';
  return 'ok';
}

const STATUS_ORDER: Record<RemitStatus, number> = { overMax: 0, below: 1, atMax: 2, ok: 3 };
const STATUS_COLOUR: Record<RemitStatus, string> = {
  below: '#d0605f',
  ok: '#2f7d5b',
  atMax: '#c27a12',
  overMax: '#8f1d22',
};

/** The chart shows this many entries at most: the ones that deviate most. */
const CHART_LIMIT = 30;
const BAR_ROW = 30;

type Datum = {
  key: string;
  label: string;
  placed: number;
  min: number;
  max: number | null;
  status: RemitStatus;
};

function shortfall(d: Datum): number {
  return d.min > 0 ? (d.min - d.placed) / d.min : 0;
}

type Props = { remits: RemitUse_Serialize[]; resetKey: unknown };

/**
 * Remit compliance: per provider and programme, the student-weeks placed as a bar, with the
 * remit's minimum (solid mark) and maximum (dashed mark); below the minimum red, at the maximum
 * amber, over it dark red. A sortable table holds every entry for those who do not read charts.
 */
export function RemitChart({ remits, resetKey }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const collator = useMemo(() => nameCollator(language), [language]);

  const data = useMemo(() => {
    const all: Datum[] = remits.map((r) => ({
      key: `${r.provider}|${r.programme}`,
      label: `${r.provider_name} · ${r.programme_name}`,
      placed: r.placed_student_weeks,
      min: r.min_student_weeks,
      max: r.max_student_weeks,
      status: remitStatus(r),
    }));
    all.sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || shortfall(b) - shortfall(a) || collator.compare(a.label, b.label),
    );
    return all;
  }, [remits, collator]);
  const { shown, labels, top } = useMemo(() => {
    const shown = data.slice(0, CHART_LIMIT);
    return {
      shown,
      labels: new Map(shown.map((d) => [d.key, d.label])),
      top: Math.max(1, ...shown.map((d) => Math.max(d.placed, d.min, d.max ?? 0))) * 1.05,
    };
  }, [data]);

  const columns = useMemo(() => remitColumns(t, language, collator), [t, language, collator]);

  if (remits.length === 0) {
    return <p className="plan-muted">{t('plan.remits.empty')}</p>;
  }

  return (
    <div className="plan-remits">
      <div className="plan-remits__legend" aria-hidden="true">
        {(['below', 'ok', 'atMax', 'overMax'] as const).map((status) => (
          <span key={status} className="plan-remits__key">
            <span className="plan-swatch" style={{ background: STATUS_COLOUR[status], borderColor: STATUS_COLOUR[status] }} />
            {t(`plan.remits.status.${status}`)}
          </span>
        ))}
        <span className="plan-remits__key">
          <span className="plan-remits__mark plan-remits__mark--min" />
          {t('plan.remits.legend.min')}
        </span>
        <span className="plan-remits__key">
          <span className="plan-remits__mark plan-remits__mark--max" />
          {t('plan.remits.legend.max')}
        </span>
      </div>
      <div className="plan-remits__chart" role="img" aria-label={t('plan.remits.chartLabel')} data-testid="remit-chart">
        <BarChart
          layout="vertical"
          data={shown}
          responsive
          style={{ width: '100%', height: shown.length * BAR_ROW + 40 }}
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
          barCategoryGap={6}
        >
          <XAxis type="number" domain={[0, Math.ceil(top)]} tickFormatter={(v: number) => formatCount(v, language)} />
          <YAxis
            type="category"
            dataKey="key"
            width={280}
            tickFormatter={(key: string) => truncate(labels.get(key) ?? key, 44)}
            interval={0}
          />
          <Tooltip content={(props) => <RemitTooltip {...props} labels={labels} />} cursor={{ fill: 'rgb(21 94 140 / 8%)' }} />
          <Bar
            dataKey="placed"
            isAnimationActive={false}
            shape={(props: BarShapeProps) => {
              const datum = props.payload as Datum | undefined;
              return (
                <rect
                  x={props.x}
                  y={props.y}
                  width={Math.max(0, props.width)}
                  height={Math.max(0, props.height)}
                  rx={2}
                  fill={STATUS_COLOUR[datum?.status ?? 'ok']}
                />
              );
            }}
          />
          <RemitMarks data={shown} />
        </BarChart>
      </div>
      {data.length > CHART_LIMIT && (
        <p className="plan-muted">
          {t('plan.remits.limited', { shown: formatCount(CHART_LIMIT, language), total: formatCount(data.length, language) })}
        </p>
      )}
      <details className="plan-remits__table">
        <summary>{t('plan.remits.showTable')}</summary>
        <PlanTable
          data={remits}
          columns={columns}
          caption={t('plan.remits.caption')}
          rowId={(r) => `${r.provider}|${r.programme}`}
          rowTestId={(r) => `remit-${r.provider}-${r.programme}`}
          initialSorting={INITIAL_SORTING}
          resetKey={resetKey}
          empty={t('plan.remits.empty')}
        />
      </details>
    </div>
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** The minimum (solid) and maximum (dashed) of each entry, drawn across its bar's band. */
function RemitMarks({ data }: { data: Datum[] }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y) return null;
  return (
    <g className="plan-remits__marks">
      {data.map((d) => {
        const top = y(d.key, { position: 'start' });
        const bottom = y(d.key, { position: 'end' });
        if (top === undefined || bottom === undefined) return null;
        const minX = x(d.min);
        const maxX = d.max === null ? undefined : x(d.max);
        return (
          <g key={d.key}>
            {d.min > 0 && minX !== undefined && (
              <line x1={minX} x2={minX} y1={top - 2} y2={bottom + 2} stroke="#1d2733" strokeWidth={2} />
            )}
            {maxX !== undefined && (
              <line x1={maxX} x2={maxX} y1={top - 2} y2={bottom + 2} stroke="#1d2733" strokeWidth={2} strokeDasharray="3 2" />
            )}
          </g>
        );
      })}
    </g>
  );
}

function RemitTooltip({ active, payload, labels }: TooltipContentProps & { labels: Map<string, string> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const datum = active ? (payload?.[0]?.payload as Datum | undefined) : undefined;
  if (!datum) return null;
  return (
    <div className="plan-remits__tooltip">
      <strong>{labels.get(datum.key) ?? datum.label}</strong>
      <div>
        {t('plan.remits.placed')}: {formatCount(datum.placed, language)}
      </div>
      <div>
        {t('plan.remits.min')}: {formatCount(datum.min, language)}
      </div>
      <div>
        {t('plan.remits.max')}: {datum.max === null ? t('plan.remits.noMax') : formatCount(datum.max, language)}
      </div>
      <div>{t(`plan.remits.status.${datum.status}`)}</div>
    </div>
  );
}

const helper = planColumnHelper<RemitUse_Serialize>();
const INITIAL_SORTING: SortingState = [{ id: 'status', desc: false }];

function remitColumns(t: TFunction, language: Language, collator: Intl.Collator): PlanColumns<RemitUse_Serialize> {
  return [
    helper.accessor('provider_name', {
      id: 'provider',
      header: t('plan.remits.columns.provider'),
      sortFn: (a, b) => collator.compare(a.original.provider_name, b.original.provider_name),
      meta: { rowHeader: true },
    }),
    helper.accessor('programme_name', {
      id: 'programme',
      header: t('plan.remits.columns.programme'),
      sortFn: (a, b) => collator.compare(a.original.programme_name, b.original.programme_name),
    }),
    helper.accessor('placed_student_weeks', { id: 'placed', ...countColumn(t('plan.remits.columns.placed'), language) }),
    helper.accessor('min_student_weeks', { id: 'min', ...countColumn(t('plan.remits.columns.min'), language) }),
    helper.accessor((r) => r.max_student_weeks ?? undefined, {
      id: 'max',
      header: t('plan.remits.columns.max'),
      sortFn: 'basic',
      sortUndefined: 'last',
      meta: { numeric: true },
      cell: (info) => {
        const max = info.getValue();
        return max === undefined ? t('plan.remits.noMax') : formatCount(max, language);
      },
    }),
    helper.accessor((r) => STATUS_ORDER[remitStatus(r)], {
      id: 'status',
      header: t('plan.remits.columns.status'),
      sortFn: 'basic',
      cell: (info) => {
        const status = remitStatus(info.row.original);
        return <span className={`plan-remit-status plan-remit-status--${status}`}>{t(`plan.remits.status.${status}`)}</span>;
      },
    }),
  ];
}
