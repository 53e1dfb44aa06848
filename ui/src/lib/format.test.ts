import { describe, expect, it } from 'vitest';
import { plainSpaces } from '../test/fixtures';
import { formatCount, formatDate, formatPercent } from './format';

describe('formatCount', () => {
  it('groups thousands with a no-break space in Swedish', () => {
    const text = formatCount(10000);
    expect(text).toMatch(/^10[\u00a0\u202f]000$/);
    expect(plainSpaces(formatCount(1234567))).toBe('1 234 567');
    expect(formatCount(999)).toBe('999');
  });

  it('groups thousands with a comma in English', () => {
    expect(formatCount(10000, 'en')).toBe('10,000');
  });
});

describe('formatPercent', () => {
  it('writes percentages per language', () => {
    expect(plainSpaces(formatPercent(0.874))).toBe('87 %');
    expect(formatPercent(1.275, 'en')).toBe('128%');
  });
});

describe('formatDate', () => {
  it('writes dates the Swedish way', () => {
    expect(formatDate('2027-08-30')).toBe('30 aug. 2027');
    expect(formatDate('2028-01-03')).toBe('3 jan. 2028');
  });

  it('writes dates the British way in English', () => {
    expect(formatDate('2027-08-30', 'en')).toBe('30 Aug 2027');
  });

  it('does not shift the day whatever the time zone', () => {
    expect(formatDate('2027-12-31')).toBe('31 dec. 2027');
  });

  it('leaves anything that is not a real date unchanged', () => {
    expect(formatDate('2027-02-30')).toBe('2027-02-30');
    expect(formatDate('30/08/2027')).toBe('30/08/2027');
  });
});
