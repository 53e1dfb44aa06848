import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BalanceCell } from '../bindings';
import type { Language } from '../i18n/languages';
import { useLanguage } from '../i18n/useLanguage';
import { formatCount, formatPercent, localeOf } from '../lib/format';
import { formatWeek, parseIsoWeek } from '../lib/weeks';
import {
  grandTotal,
  heatLevel,
  heatRows,
  HEAT_LEVELS,
  isShortage,
  professionsOf,
  ratioOf,
  shortages,
  weekTotals,
  type HeatLevel,
  type HeatValue,
} from './heatmap';
import { areaName, professionName } from './labels';
import { formatAmount } from './numbers';

type Props = { openWeeks: string[]; cells: BalanceCell[] };

/** All professions summed. */
const ALL = '';

/**
 * Demand against declared capacity per area (rows) and open week (columns), coloured by their
 * ratio, so that a shortage shows before any matching. The map is a table: each cell is read out
 * with its demand, capacity and ratio, and carries the same as a tooltip.
 */
export function BalanceHeatmap({ openWeeks, cells }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const selectId = useId();
  const [profession, setProfession] = useState(ALL);

  const professions = useMemo(() => {
    const collator = new Intl.Collator(localeOf(language));
    return professionsOf(cells).sort((a, b) => collator.compare(professionName(a, t), professionName(b, t)));
  }, [cells, language, t]);
  const chosen = profession !== ALL && professions.includes(profession) ? profession : null;

  const rows = useMemo(() => {
    const collator = new Intl.Collator(localeOf(language));
    return heatRows(cells, openWeeks.length, chosen).sort((a, b) => collator.compare(areaName(a.area, t), areaName(b.area, t)));
  }, [cells, openWeeks.length, chosen, language, t]);
  const totals = useMemo(() => weekTotals(rows, openWeeks.length), [rows, openWeeks.length]);
  const overall = useMemo(() => grandTotal(rows), [rows]);
  const short = useMemo(() => shortages(rows), [rows]);

  const weekLabel = (week: string) => formatWeek(week, { language });
  const allAreas = t('overview.heatmap.allAreas');

  return (
    <div className="heat">
      <div className="heat__controls">
        <label htmlFor={selectId} className="ov-field__label">
          {t('overview.heatmap.profession')}
        </label>
        <select
          id={selectId}
          className="ov-select"
          value={chosen ?? ALL}
          onChange={(event) => setProfession(event.target.value)}
          data-testid="heatmap-profession"
        >
          <option value={ALL}>{t('overview.heatmap.allProfessions')}</option>
          {professions.map((p) => (
            <option key={p} value={p}>
              {professionName(p, t)}
            </option>
          ))}
        </select>
      </div>

      <ShortageSummary shortages={short} hasRows={rows.length > 0} t={t} language={language} />

      {rows.length > 0 && (
        <div className="heat__frame">
          <table className="heat__table" data-testid="balance-heatmap">
            <caption className="sr-only">
              {t('overview.heatmap.caption', {
                profession: chosen === null ? t('overview.heatmap.allProfessions') : professionName(chosen, t),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="heat__corner">
                  {t('overview.heatmap.area')}
                </th>
                {openWeeks.map((week, index) => (
                  <th key={week} scope="col" className="heat__week" title={formatWeek(week, { language, withYear: true })}>
                    {showYear(openWeeks, index) && <span className="heat__year">{parseIsoWeek(week)?.year}</span>}
                    {weekLabel(week)}
                  </th>
                ))}
                <th scope="col" className="heat__total-head">
                  {t('overview.heatmap.term')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const area = areaName(row.area, t);
                return (
                  <tr key={row.area}>
                    <th scope="row" className="heat__area">
                      {area}
                    </th>
                    {row.weeks.map((value, index) => (
                      <HeatCell
                        key={openWeeks[index]}
                        value={value}
                        place={`${area}, ${weekLabel(openWeeks[index] ?? '')}`}
                        area={row.area}
                        week={openWeeks[index] ?? ''}
                        t={t}
                        language={language}
                      />
                    ))}
                    <HeatCell value={row.total} place={`${area}, ${t('overview.heatmap.term')}`} total t={t} language={language} />
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="heat__area">
                  {allAreas}
                </th>
                {totals.map((value, index) => (
                  <HeatCell
                    key={openWeeks[index]}
                    value={value}
                    place={`${allAreas}, ${weekLabel(openWeeks[index] ?? '')}`}
                    t={t}
                    language={language}
                  />
                ))}
                <HeatCell value={overall} place={`${allAreas}, ${t('overview.heatmap.term')}`} total t={t} language={language} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}

      <HeatLegend t={t} />
      <p className="ov-note">{t('overview.heatmap.estimate')}</p>
    </div>
  );
}

/** Whether the column shows its year: the first week, and the first week of a new year. */
function showYear(weeks: string[], index: number): boolean {
  if (index === 0) return true;
  return weeks[index]?.slice(0, 4) !== weeks[index - 1]?.slice(0, 4);
}

type CellProps = {
  value: HeatValue;
  /** Area and week in words, for the tooltip. */
  place: string;
  area?: string;
  week?: string;
  /** The term's sum (student-weeks) rather than one week (students). */
  total?: boolean;
  t: TFunction;
  language: Language;
};

function HeatCell({ value, place, area, week, total = false, t, language }: CellProps) {
  const level = heatLevel(value);
  const ratio = ratioOf(value);
  const ratioText =
    ratio === undefined
      ? t('overview.heatmap.ratioNone')
      : Number.isFinite(ratio)
        ? formatPercent(ratio, language)
        : t('overview.heatmap.noCapacity');
  const figures = t(total ? 'overview.heatmap.cellTotal' : 'overview.heatmap.cell', {
    demand: formatAmount(value.demand, language),
    capacity: formatAmount(value.capacity, language),
    ratio: ratioText,
  });
  const shortage = isShortage(level);
  const spoken = shortage ? `${figures}. ${t('overview.heatmap.shortage')}` : figures;
  return (
    <td
      className={`heat__cell heat__cell--${level}${total ? ' heat__cell--total' : ''}`}
      title={`${place}: ${spoken}`}
      data-level={level}
      data-area={area}
      data-week={week}
    >
      <span aria-hidden="true">{shortText(level, ratio, language)}</span>
      <span className="sr-only">{spoken}</span>
    </td>
  );
}

/** What the cell shows in its square: the ratio in percent without the sign, "!" for no capacity. */
function shortText(level: HeatLevel, ratio: number | undefined, language: Language): string {
  if (level === 'empty' || ratio === undefined) return '';
  if (level === 'no_capacity') return '!';
  return formatCount(Math.round(ratio * 100), language);
}

type SummaryProps = { shortages: { area: string; weeks: number }[]; hasRows: boolean; t: TFunction; language: Language };

function ShortageSummary({ shortages: short, hasRows, t, language }: SummaryProps) {
  if (!hasRows) return <p className="ov-note">{t('overview.heatmap.nothing')}</p>;
  if (short.length === 0) {
    return (
      <p className="heat__summary heat__summary--ok" data-testid="heatmap-summary">
        {t('overview.heatmap.noShortage')}
      </p>
    );
  }
  const list = short
    .map((entry) =>
      t('overview.heatmap.shortageArea', {
        area: areaName(entry.area, t),
        weeks: t('overview.heatmap.weeks', { count: entry.weeks, formattedCount: formatCount(entry.weeks, language) }),
      }),
    )
    .join(', ');
  return (
    <p className="heat__summary heat__summary--short" data-testid="heatmap-summary">
      <strong>{t('overview.heatmap.shortageIn', { count: short.length, formattedCount: formatCount(short.length, language) })}</strong>{' '}
      {list}
    </p>
  );
}

function HeatLegend({ t }: { t: TFunction }) {
  const titleId = useId();
  return (
    <div className="heat__legend">
      <p className="heat__legend-title" id={titleId}>
        {t('overview.heatmap.legend.title')}
      </p>
      <ul className="heat__legend-list" aria-labelledby={titleId}>
        {HEAT_LEVELS.map((level) => (
          <li key={level} className="heat__legend-item">
            <span className={`heat__swatch heat__cell--${level}`} aria-hidden="true">
              {level === 'no_capacity' ? '!' : ''}
            </span>
            {t(`overview.heatmap.legend.${level}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
