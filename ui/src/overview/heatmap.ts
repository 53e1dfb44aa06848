import type { BalanceCell } from '../bindings';

/**
 * The heat map's arithmetic: demand against capacity per area and open week, for one profession or
 * all of them summed, and the colour step of each cell. Pure, so it is tested on its own.
 */

/** Demand (students expected) and capacity (places declared) of one area in one week. */
export type HeatValue = { demand: number; capacity: number };

/** One area's row: a value per open week, and the whole term's sums. */
export type HeatRow = { area: string; weeks: HeatValue[]; total: HeatValue };

/**
 * The colour step of a cell:
 * `empty` neither demand nor capacity; `idle` capacity but no demand;
 * `r25` … `r100` demand up to that share of capacity; `over` up to 150 %; `far_over` more;
 * `no_capacity` demand where nothing is declared.
 */
export type HeatLevel = 'empty' | 'idle' | 'r25' | 'r50' | 'r75' | 'r100' | 'over' | 'far_over' | 'no_capacity';

/** The steps in the legend's order. */
export const HEAT_LEVELS: readonly HeatLevel[] = ['idle', 'r25', 'r50', 'r75', 'r100', 'over', 'far_over', 'no_capacity', 'empty'];

/** Below this a demand or capacity counts as none (the spread of demand leaves tiny fractions). */
const EPSILON = 1e-9;

function amount(value: number | null): number {
  return value !== null && Number.isFinite(value) && value > 0 ? value : 0;
}

/** The professions the cells mention, sorted. */
export function professionsOf(cells: readonly BalanceCell[]): string[] {
  return [...new Set(cells.map((cell) => cell.profession))].sort();
}

/**
 * One row per area with any demand or capacity for `profession` (every profession summed when null),
 * in the cells' order (by area).
 */
export function heatRows(cells: readonly BalanceCell[], weekCount: number, profession: string | null): HeatRow[] {
  const rows = new Map<string, HeatRow>();
  for (const cell of cells) {
    if (profession !== null && cell.profession !== profession) continue;
    if (cell.week < 0 || cell.week >= weekCount) continue;
    let row = rows.get(cell.area);
    if (!row) {
      row = {
        area: cell.area,
        weeks: Array.from({ length: weekCount }, () => ({ demand: 0, capacity: 0 })),
        total: { demand: 0, capacity: 0 },
      };
      rows.set(cell.area, row);
    }
    const demand = amount(cell.demand);
    const capacity = amount(cell.capacity);
    const week = row.weeks[cell.week]!;
    week.demand += demand;
    week.capacity += capacity;
    row.total.demand += demand;
    row.total.capacity += capacity;
  }
  return [...rows.values()].filter((row) => row.total.demand > EPSILON || row.total.capacity > EPSILON);
}

/** Every area summed, per week. */
export function weekTotals(rows: readonly HeatRow[], weekCount: number): HeatValue[] {
  const totals = Array.from({ length: weekCount }, () => ({ demand: 0, capacity: 0 }));
  for (const row of rows) {
    row.weeks.forEach((value, index) => {
      const total = totals[index]!;
      total.demand += value.demand;
      total.capacity += value.capacity;
    });
  }
  return totals;
}

/** Every area and week summed. */
export function grandTotal(rows: readonly HeatRow[]): HeatValue {
  return rows.reduce((sum, row) => ({ demand: sum.demand + row.total.demand, capacity: sum.capacity + row.total.capacity }), {
    demand: 0,
    capacity: 0,
  });
}

/** Demand divided by capacity: Infinity for demand without capacity, undefined for neither. */
export function ratioOf(value: HeatValue): number | undefined {
  if (value.capacity > EPSILON) return value.demand > EPSILON ? value.demand / value.capacity : 0;
  return value.demand > EPSILON ? Number.POSITIVE_INFINITY : undefined;
}

export function heatLevel(value: HeatValue): HeatLevel {
  const ratio = ratioOf(value);
  if (ratio === undefined) return 'empty';
  if (ratio === Number.POSITIVE_INFINITY) return 'no_capacity';
  if (ratio === 0) return 'idle';
  if (value.demand <= value.capacity + EPSILON) {
    if (ratio <= 0.25) return 'r25';
    if (ratio <= 0.5) return 'r50';
    if (ratio <= 0.75) return 'r75';
    return 'r100';
  }
  return ratio <= 1.5 ? 'over' : 'far_over';
}

/** Whether a cell shows a shortage: more demand than capacity, or demand with none. */
export function isShortage(level: HeatLevel): boolean {
  return level === 'over' || level === 'far_over' || level === 'no_capacity';
}

/** Areas with a shortage and how many weeks each, worst first. */
export function shortages(rows: readonly HeatRow[]): { area: string; weeks: number }[] {
  return rows
    .map((row) => ({ area: row.area, weeks: row.weeks.filter((value) => isShortage(heatLevel(value))).length }))
    .filter((entry) => entry.weeks > 0)
    .sort((a, b) => b.weeks - a.weeks);
}
