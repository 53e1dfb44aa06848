import { describe, expect, it } from 'vitest';
import { formatWeek, formatWeekRange, isoWeeksInYear, parseIsoWeek } from './weeks';

describe('formatWeek', () => {
  it('writes a week the Swedish way, without a leading zero', () => {
    expect(formatWeek('2027-W05')).toBe('v. 5');
    expect(formatWeek('2027-W35')).toBe('v. 35');
    expect(formatWeek('2028-W01')).toBe('v. 1');
  });

  it('adds the year when asked', () => {
    expect(formatWeek('2027-W05', { withYear: true })).toBe('v. 5 2027');
  });

  it('writes English when asked', () => {
    expect(formatWeek('2027-W05', { language: 'en' })).toBe('week 5');
    expect(formatWeek('2027-W05', { language: 'en', withYear: true })).toBe('week 5, 2027');
  });

  it('accepts week 53 only in years that have one', () => {
    expect(formatWeek('2026-W53', { withYear: true })).toBe('v. 53 2026');
    expect(formatWeek('2020-W53')).toBe('v. 53');
    expect(formatWeek('2027-W53')).toBe('2027-W53'); // 2027 has 52 weeks: shown as it came, not invented
  });

  it('leaves anything that is not an ISO week unchanged', () => {
    expect(formatWeek('2027-W00')).toBe('2027-W00');
    expect(formatWeek('2027-W5')).toBe('2027-W5');
    expect(formatWeek('')).toBe('');
  });
});

describe('isoWeeksInYear', () => {
  it('knows the long years', () => {
    expect(isoWeeksInYear(2015)).toBe(53); // 1 January a Thursday
    expect(isoWeeksInYear(2020)).toBe(53); // leap year, 1 January a Wednesday
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2032)).toBe(53);
    expect(isoWeeksInYear(2024)).toBe(52); // leap year, 1 January a Monday
    expect(isoWeeksInYear(2027)).toBe(52);
    expect(isoWeeksInYear(2028)).toBe(52);
  });
});

describe('parseIsoWeek', () => {
  it('parses year and week', () => {
    expect(parseIsoWeek('2028-W02')).toEqual({ year: 2028, week: 2 });
    expect(parseIsoWeek('2028-W54')).toBeNull();
    expect(parseIsoWeek('HT27')).toBeNull();
  });
});

describe('formatWeekRange', () => {
  it('writes both years across a year boundary', () => {
    expect(formatWeekRange('2027-W35', '2028-W02')).toBe('v. 35 2027 – v. 2 2028');
  });

  it('writes the year once within a year', () => {
    expect(formatWeekRange('2027-W03', '2027-W22')).toBe('v. 3 – v. 22 2027');
  });

  it('handles week 53 at the boundary', () => {
    expect(formatWeekRange('2026-W53', '2027-W02')).toBe('v. 53 2026 – v. 2 2027');
  });

  it('writes a single week once', () => {
    expect(formatWeekRange('2027-W35', '2027-W35')).toBe('v. 35 2027');
  });

  it('writes English', () => {
    expect(formatWeekRange('2027-W35', '2028-W02', 'en')).toBe('week 35, 2027 – week 2, 2028');
  });
});
