import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlacementView_Serialize } from '../bindings';
import { useLanguage } from '../i18n/useLanguage';
import { formatCount, nameCollator } from '../lib/format';
import { formatWeek } from '../lib/weeks';
import { programmeColour } from './colors';
import { LockIcon } from './LockIcon';
import { formatWeekSpan } from './planFormat';
import { layoutTimeline, type TimelineRow } from './timelineLayout';

/** The narrowest a week column gets; wider when the timeline has room. */
const MIN_WEEK_WIDTH = 48;
const LABEL_WIDTH = 240;
const LANE_HEIGHT = 22;
const ROW_PADDING = 4;
const MIN_ROW_HEIGHT = 38;
const HEADER_HEIGHT = 30;
/** The tallest the timeline gets before it scrolls (also capped by the window height in CSS). */
const MAX_HEIGHT = 560;

/** A share of the week columns as a CSS length, less a gap in pixels. */
function share(weeks: number, total: number, gap = 0): string {
  const percent = (weeks / total) * 100;
  return gap ? `calc(${percent}% - ${gap}px)` : `${percent}%`;
}

function rowHeight(row: TimelineRow): number {
  return Math.max(MIN_ROW_HEIGHT, row.lanes * LANE_HEIGHT + 2 * ROW_PADDING);
}

type Props = {
  placements: PlacementView_Serialize[];
  openWeeks: string[];
  /** When given, a bar is a button that opens the placement (the move dialog). */
  onSelect?: (placement: PlacementView_Serialize) => void;
};

/**
 * Units × open weeks: each placement a bar over its weeks, coloured by programme; overlapping bars
 * in sub-lanes; an interprofessional team framed together; locked ones marked. Only the rows in
 * view are rendered (TanStack Virtual), so a term with thousands of units scrolls smoothly.
 */
export function Timeline({ placements, openWeeks, onSelect }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const collator = useMemo(() => nameCollator(language), [language]);
  const rows = useMemo(() => layoutTimeline(placements, collator), [placements, collator]);
  const scrollRef = useRef<HTMLDivElement>(null);

  const estimateSize = useCallback((index: number) => rowHeight(rows[index]!), [rows]);
  const getItemKey = useCallback((index: number) => rows[index]!.unit, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 6,
    paddingStart: HEADER_HEIGHT,
    initialRect: { width: 1000, height: 520 },
  });

  const weekLabels = useMemo(() => openWeeks.map((week) => formatWeek(week, { language })), [openWeeks, language]);
  const weekCount = Math.max(1, openWeeks.length);
  const minLanesWidth = weekCount * MIN_WEEK_WIDTH;
  const programmes = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of placements) map.set(p.programme, p.programme_name);
    return [...map].sort((a, b) => collator.compare(a[1], b[1]));
  }, [placements, collator]);

  if (rows.length === 0) {
    return (
      <p className="plan-muted" data-testid="timeline-empty">
        {t('plan.timeline.empty')}
      </p>
    );
  }

  return (
    <div className="plan-timeline-wrap">
      <p className="page__count">{t('plan.timeline.units', { count: rows.length, formattedCount: formatCount(rows.length, language) })}</p>
      <div
        ref={scrollRef}
        className="plan-timeline"
        role="region"
        aria-label={t('plan.timeline.label')}
        tabIndex={0}
        style={{ height: Math.min(MAX_HEIGHT, virtualizer.getTotalSize() + 2) }}
        data-testid="timeline"
      >
        <div
          className="plan-timeline__inner"
          style={{ minWidth: LABEL_WIDTH + minLanesWidth, height: virtualizer.getTotalSize() }}
        >
          <div className="plan-timeline__header" style={{ height: HEADER_HEIGHT }}>
            <div className="plan-timeline__corner" style={{ width: LABEL_WIDTH }}>
              {t('plan.timeline.unit')}
            </div>
            {weekLabels.map((label, i) => (
              <div key={openWeeks[i]} className="plan-timeline__week" style={{ minWidth: MIN_WEEK_WIDTH }}>
                {label}
              </div>
            ))}
          </div>
          {virtualizer.getVirtualItems().map((item) => (
            <TimelineRowView
              key={item.key}
              row={rows[item.index]!}
              top={item.start}
              height={item.size}
              weekCount={weekCount}
              onSelect={onSelect}
            />
          ))}
        </div>
      </div>
      <div className="plan-timeline__legend">
        <p>{t('plan.timeline.legend')}</p>
        <ul className="plan-swatches" aria-label={t('plan.timeline.programmes')}>
          {programmes.map(([id, name]) => {
            const colour = programmeColour(id);
            return (
              <li key={id}>
                <span className="plan-swatch" style={{ background: colour.fill, borderColor: colour.edge }} aria-hidden="true" />
                {name}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}

type RowProps = {
  row: TimelineRow;
  top: number;
  height: number;
  weekCount: number;
  onSelect?: (placement: PlacementView_Serialize) => void;
};

const TimelineRowView = memo(function TimelineRowView({ row, top, height, weekCount, onSelect }: RowProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const firstOfTeam = new Set<string>();
  const teamSize = new Map<string, number>();
  for (const team of row.teams) teamSize.set(team.team, team.lanes);

  return (
    <div
      className="plan-timeline__row"
      style={{ transform: `translateY(${top}px)`, height }}
      data-testid={`timeline-row-${row.unit}`}
    >
      <div className="plan-timeline__label" style={{ width: LABEL_WIDTH }} title={`${row.unitName} · ${row.providerName}`}>
        <span className="plan-timeline__unit">{row.unitName}</span>
        <span className="plan-timeline__provider">{row.providerName}</span>
      </div>
      <div
        className="plan-timeline__lanes"
        style={{ minWidth: weekCount * MIN_WEEK_WIDTH, backgroundSize: `${100 / weekCount}% 100%` }}
      >
        {row.teams.map((team) => (
          <div
            key={`team-${team.team}`}
            className="plan-timeline__team"
            style={{
              left: share(team.start, weekCount),
              width: share(team.weeks, weekCount),
              top: ROW_PADDING + team.firstLane * LANE_HEIGHT - 2,
              height: team.lanes * LANE_HEIGHT + 2,
            }}
            aria-hidden="true"
          />
        ))}
        {row.bars.map(({ placement: p, lane }) => {
          const colour = programmeColour(p.programme);
          const weeks = formatWeekSpan(p.start, p.end, language);
          const values = { student: p.student_name, programme: p.programme_name, weeks };
          let label = p.locked ? t('plan.timeline.barLocked', values) : t('plan.timeline.bar', values);
          let badge = false;
          if (p.team) {
            label = `${label}, ${t('plan.timeline.teamLabel', { count: teamSize.get(p.team) ?? 1 })}`;
            if (!firstOfTeam.has(p.team)) {
              firstOfTeam.add(p.team);
              badge = true;
            }
          }
          const style = {
            left: `calc(${share(p.first_open_week, weekCount)} + 2px)`,
            width: share(Math.max(1, p.weeks), weekCount, 4),
            top: ROW_PADDING + lane * LANE_HEIGHT + 1,
            height: LANE_HEIGHT - 3,
            background: colour.fill,
            borderColor: colour.edge,
          };
          const content = (
            <>
              {badge && <span className="plan-timeline__badge">{t('plan.timeline.team')}</span>}
              {p.locked && <LockIcon className="plan-timeline__lock" />}
              <span className="plan-timeline__name">{p.student_name}</span>
            </>
          );
          const className = `plan-timeline__bar${p.team ? ' plan-timeline__bar--team' : ''}${p.locked ? ' plan-timeline__bar--locked' : ''}`;
          return onSelect ? (
            <button
              key={p.need}
              type="button"
              className={className}
              style={style}
              title={label}
              aria-label={label}
              onClick={() => onSelect(p)}
              data-testid={`bar-${p.need}`}
            >
              {content}
            </button>
          ) : (
            <span key={p.need} className={className} style={style} title={label} aria-label={label} role="img" data-testid={`bar-${p.need}`}>
              {content}
            </span>
          );
        })}
      </div>
    </div>
  );
});
