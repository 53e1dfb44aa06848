import { describe, expect, it } from 'vitest';
import type { BalanceCell } from '../bindings';
import { grandTotal, heatLevel, heatRows, professionsOf, ratioOf, shortages, weekTotals } from './heatmap';

const cell = (area: string, profession: string, week: number, demand: number | null, capacity: number | null): BalanceCell => ({
  area,
  profession,
  week,
  demand,
  capacity,
});

const cells: BalanceCell[] = [
  cell('internal_medicine', 'nurse', 0, 3, 2),
  cell('internal_medicine', 'nurse', 1, 1, 4),
  cell('internal_medicine', 'physician', 0, 0, 2),
  cell('internal_medicine', 'physician', 1, 0, 2),
  cell('surgery', 'nurse', 0, 2, 0),
  cell('surgery', 'nurse', 1, 0, 0),
  cell('psychiatry', 'physician', 0, 0, 0),
  cell('psychiatry', 'physician', 1, 0, null),
];

describe('heat map arithmetic', () => {
  it('sums every profession per area and week', () => {
    const rows = heatRows(cells, 2, null);
    expect(rows.map((row) => row.area)).toEqual(['internal_medicine', 'surgery']); // psychiatry has neither
    expect(rows[0]!.weeks).toEqual([
      { demand: 3, capacity: 4 },
      { demand: 1, capacity: 6 },
    ]);
    expect(rows[0]!.total).toEqual({ demand: 4, capacity: 10 });
    expect(weekTotals(rows, 2)).toEqual([
      { demand: 5, capacity: 4 },
      { demand: 1, capacity: 6 },
    ]);
    expect(grandTotal(rows)).toEqual({ demand: 6, capacity: 10 });
  });

  it('takes one profession when asked', () => {
    const nurses = heatRows(cells, 2, 'nurse');
    expect(nurses[0]!.weeks[0]).toEqual({ demand: 3, capacity: 2 });
    const physicians = heatRows(cells, 2, 'physician');
    expect(physicians.map((row) => row.area)).toEqual(['internal_medicine']);
    expect(professionsOf(cells)).toEqual(['nurse', 'physician']);
  });

  it('grades a cell by demand over capacity', () => {
    expect(heatLevel({ demand: 0, capacity: 0 })).toBe('empty');
    expect(heatLevel({ demand: 0, capacity: 3 })).toBe('idle');
    expect(heatLevel({ demand: 0.5, capacity: 4 })).toBe('r25');
    expect(heatLevel({ demand: 2, capacity: 4 })).toBe('r50');
    expect(heatLevel({ demand: 2.5, capacity: 4 })).toBe('r75');
    expect(heatLevel({ demand: 4, capacity: 4 })).toBe('r100');
    expect(heatLevel({ demand: 1 / 3 + 1 / 3 + 1 / 3, capacity: 1 })).toBe('r100'); // rounding is no shortage
    expect(heatLevel({ demand: 5, capacity: 4 })).toBe('over');
    expect(heatLevel({ demand: 7, capacity: 4 })).toBe('far_over');
    expect(heatLevel({ demand: 0.2, capacity: 0 })).toBe('no_capacity');
    expect(ratioOf({ demand: 0.2, capacity: 0 })).toBe(Number.POSITIVE_INFINITY);
    expect(ratioOf({ demand: 0, capacity: 0 })).toBeUndefined();
  });

  it('lists the areas short of places, the most weeks first', () => {
    const rows = heatRows(cells, 2, 'nurse');
    expect(shortages(rows)).toEqual([
      { area: 'internal_medicine', weeks: 1 },
      { area: 'surgery', weeks: 1 },
    ]);
    expect(shortages(heatRows(cells, 2, 'physician'))).toEqual([]);
  });
});
