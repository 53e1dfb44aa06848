import { describe, expect, it } from 'vitest';
import { nextIsoWeek, normaliseWeekInput, weeksBetween } from './isoWeeks';

describe('week input', () => {
  it('accepts the ways a week is typed', () => {
    expect(normaliseWeekInput('2027-W35')).toBe('2027-W35');
    expect(normaliseWeekInput(' 2027-w5 ')).toBe('2027-W05');
    expect(normaliseWeekInput('2027W35')).toBe('2027-W35');
    expect(normaliseWeekInput('2027-35')).toBe('2027-W35');
    expect(normaliseWeekInput('2026-W53')).toBe('2026-W53'); // 2026 has 53 ISO weeks
  });

  it('refuses what is not a week', () => {
    expect(normaliseWeekInput('')).toBeNull();
    expect(normaliseWeekInput('v. 35')).toBeNull();
    expect(normaliseWeekInput('2027-W53')).toBeNull();
    expect(normaliseWeekInput('2027-W00')).toBeNull();
  });

  it('steps over the year boundary', () => {
    expect(nextIsoWeek('2027-W52')).toBe('2028-W01');
    expect(nextIsoWeek('2026-W52')).toBe('2026-W53');
    expect(nextIsoWeek('2026-W53')).toBe('2027-W01');
    expect(weeksBetween('2027-W51', '2028-W02')).toEqual(['2027-W51', '2027-W52', '2028-W01', '2028-W02']);
    expect(weeksBetween('2028-W02', '2027-W51')).toEqual([]);
    expect(weeksBetween('2027-W01', '2030-W01', 10)).toHaveLength(10);
  });
});
