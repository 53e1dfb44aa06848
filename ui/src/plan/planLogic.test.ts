import i18n from '../i18n';
import { describe, expect, it } from 'vitest';
import { plainSpaces } from '../test/fixtures';
import { programmeColour } from './colors';
import { filterOptions, filterPlacements, filterRemits, filterUnplaced, NO_FILTER, programmeSchools } from './filters';
import { formatCost, formatGapRatio, formatTimestamp, formatWeekSpan, gapOf } from './planFormat';
import { remitStatus } from './RemitChart';
import { alva, bo, cecilia, dan, draft } from './testing/data';
import { layoutTimeline } from './timelineLayout';

const collator = new Intl.Collator('sv-SE', { numeric: true, sensitivity: 'base' });

describe('timeline layout', () => {
  it('puts overlapping placements of a unit in sub-lanes and reuses a lane once it is free', () => {
    const a = { ...bo, need: 'a', student_name: 'A', unit: 'u', first_open_week: 0, weeks: 3 };
    const b = { ...bo, need: 'b', student_name: 'B', unit: 'u', first_open_week: 2, weeks: 3 };
    const c = { ...bo, need: 'c', student_name: 'C', unit: 'u', first_open_week: 3, weeks: 2 };
    const [row] = layoutTimeline([b, c, a], collator);
    const lanes = Object.fromEntries(row!.bars.map((bar) => [bar.placement.need, bar.lane]));
    expect(lanes).toEqual({ a: 0, b: 1, c: 0 });
    expect(row!.lanes).toBe(2);
  });

  it('keeps the members of a team in adjacent lanes and frames them together', () => {
    const lone = { ...alva, unit: 'ks-kua', unit_name: 'KUA Huddinge', first_open_week: 1, weeks: 1 };
    const rows = layoutTimeline([lone, dan, cecilia], collator);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.teams).toEqual([{ team: 'ks-kua@2027-W36', firstLane: 0, lanes: 2, start: 1, weeks: 2 }]);
    const lanes = Object.fromEntries(row.bars.map((bar) => [bar.placement.need, bar.lane]));
    expect(new Set([lanes['st-3-1'], lanes['st-4-1']])).toEqual(new Set([0, 1]));
    expect(lanes[lone.need]).toBe(2);
  });

  it('orders units by provider and unit name', () => {
    const rows = layoutTimeline([bo, alva, dan], collator);
    expect(rows.map((row) => row.unit)).toEqual(['ks-avd12', 'ks-kua', 'sos-avd3']);
  });
});

describe('plan formats', () => {
  it('computes the gap only when it is defined', () => {
    expect(gapOf(20500, 19800)).toBeCloseTo(0.03415, 4);
    expect(gapOf(100, null)).toBeNull();
    expect(gapOf(0, 0)).toBe(0);
    expect(gapOf(100, 120)).toBe(0);
  });

  it('writes costs, gaps and weeks the Swedish and the English way', () => {
    expect(plainSpaces(formatCost(20125.54, 'sv'))).toBe('20 125,5');
    expect(formatCost(20125.54, 'en')).toBe('20,125.5');
    expect(plainSpaces(formatCost(1234567.8, 'sv'))).toBe('1 234 568');
    expect(formatCost(null, 'sv')).toBeNull();
    expect(plainSpaces(formatGapRatio(0.004, 'sv'))).toBe('0,4 %');
    expect(formatWeekSpan('2027-W36', '2027-W40', 'sv')).toBe('v. 36–v. 40');
    expect(formatWeekSpan('2027-W36', '2027-W36', 'en')).toBe('week 36');
  });

  it('shows the stored UTC time in local time and leaves anything else as it is', () => {
    const local = new Date(Date.UTC(2027, 4, 3, 8, 15));
    const expected = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeStyle: 'short' }).format(local);
    expect(formatTimestamp('2027-05-03 08:15:00', 'sv')).toBe(expected);
    expect(formatTimestamp('2027-05-03T08:15:00Z', 'sv')).toBe(expected);
    expect(formatTimestamp('igår', 'sv')).toBe('igår');
  });
});

describe('remit status', () => {
  it('tells below, within, at and over the maximum apart', () => {
    const base = { min_student_weeks: 10, max_student_weeks: 20 };
    expect(remitStatus({ ...base, placed_student_weeks: 5 })).toBe('below');
    expect(remitStatus({ ...base, placed_student_weeks: 15 })).toBe('ok');
    expect(remitStatus({ ...base, placed_student_weeks: 20 })).toBe('atMax');
    expect(remitStatus({ ...base, placed_student_weeks: 21 })).toBe('overMax');
    expect(remitStatus({ min_student_weeks: 0, max_student_weeks: null, placed_student_weeks: 40 })).toBe('ok');
  });
});

describe('filters', () => {
  const review = draft().review;

  it('offers what occurs in the plan, named and sorted', () => {
    const options = filterOptions(review, new Map([['ki', 'Karolinska Institutet']]), i18n.t, collator);
    expect(options.schools).toEqual([
      { value: 'gy', label: 'gy' },
      { value: 'ki', label: 'Karolinska Institutet' },
    ]);
    expect(options.providers.map((o) => o.label)).toEqual(['Karolinska Universitetssjukhuset', 'Södersjukhuset']);
    expect(options.areas.map((o) => o.label)).toEqual(['Geriatrik', 'Internmedicin']);
  });

  it('matches the text on student and unit names, ignoring case', () => {
    expect(filterPlacements(review.placements, { ...NO_FILTER, text: 'KUA' }).map((p) => p.need)).toEqual(['st-3-1', 'st-4-1']);
    expect(filterPlacements(review.placements, { ...NO_FILTER, text: 'alva' }).map((p) => p.need)).toEqual(['st-1-1']);
    expect(filterUnplaced(review.unplaced, { ...NO_FILTER, school: 'gy' }).map((u) => u.need)).toEqual(['st-6-1']);
  });

  it('leaves unplaced needs out of the provider filter and filters remits by school through their programme', () => {
    expect(filterUnplaced(review.unplaced, { ...NO_FILTER, provider: 'sos' })).toHaveLength(2);
    const schools = programmeSchools(review);
    expect(filterRemits(review.remits, { ...NO_FILTER, school: 'gy' }, schools)).toHaveLength(0);
    expect(filterRemits(review.remits, { ...NO_FILTER, provider: 'sos' }, schools).map((r) => r.provider)).toEqual(['sos']);
  });
});

describe('programme colours', () => {
  it('are stable per programme', () => {
    expect(programmeColour('ki-nurse')).toEqual(programmeColour('ki-nurse'));
    expect(programmeColour('ki-nurse').fill).toMatch(/^rgb\(/);
  });
});
