import { describe, expect, it } from 'vitest';
import {
  blankNeed,
  move,
  parseNum,
  providerDraft,
  providerValue,
  studentDraft,
  studentValue,
  suggestId,
  unitDraft,
  unitValue,
  weightsDraft,
  weightsValue,
} from './model';
import { maskPersonalId } from './personalId';
import { weeksBetween } from './termWeeks';
import { tinyScenario } from './testing';

describe('drafts', () => {
  it('give back every student, unit and provider in the file form unchanged', () => {
    const s = tinyScenario();
    for (const student of s.students) expect(studentValue(studentDraft(student))).toEqual(student);
    for (const unit of s.units) expect(unitValue(unitDraft(unit))).toEqual(unit);
    for (const provider of s.providers) expect(providerValue(providerDraft(provider))).toEqual(provider);
  });

  it('leave optional fields out when they are empty, and send typed text that is not a number as typed', () => {
    const draft = studentDraft(tinyScenario().students[9]!); // st-10 has no home
    expect(studentValue(draft)).not.toHaveProperty('home');
    const need = draft.needs[0]!;
    const typed = { ...draft, home: { lat: 59.3, lon: '' }, needs: [{ ...need, weeks: '', earliest: '2027-W46' }] };
    const value = studentValue(typed);
    expect(value.home).toEqual({ lat: 59.3 }); // the missing longitude is the validator's to name
    expect(value.needs).toEqual([expect.objectContaining({ weeks: '', earliest: '2027-W46' })]);
    expect(value.needs).toEqual([expect.not.objectContaining({ latest: expect.anything() })]);
  });

  it('leave empty weights out so that they take their defaults', () => {
    const draft = weightsDraft(tinyScenario().weights);
    expect(weightsValue({ ...draft, travel_per_km: '' })).toEqual({
      unplaced: 10000,
      remit_shortfall_per_week: 100,
      preference_rank: 10,
      unpreferred: 50,
    });
  });

  it('read typed numbers with a decimal comma, and keep what is not a number as text', () => {
    expect(parseNum('59,349')).toBe(59.349);
    expect(parseNum(' 12 ')).toBe(12);
    expect(parseNum('')).toBe('');
    expect(parseNum('tolv')).toBe('tolv');
  });
});

describe('new ids', () => {
  it('follow the numbering of the existing ids, keeping the zero padding', () => {
    expect(suggestId(['st-0001', 'st-0002', 'st-0041'])).toBe('st-0042');
    expect(suggestId(['st-09', 'st-10'], new Set(['st-09', 'st-10', 'st-11']))).toBe('st-12');
    expect(suggestId(['ki', 'ecu'])).toBe('');
  });

  it('give a need an id unused in the student and in the file', () => {
    const draft = studentDraft(tinyScenario().students[0]!); // st-01 with st-01-1 and st-01-2
    expect(blankNeed(draft).id).toBe('st-01-3');
    expect(blankNeed(draft, new Set(['st-01-3'])).id).toBe('st-01-4');
  });
});

describe('lists', () => {
  it('move an item up or down, and ignore a move past either end', () => {
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});

describe('personal identity numbers', () => {
  it('are masked to the date of birth', () => {
    expect(maskPersonalId('200105052385')).toBe('20010505-****');
    expect(maskPersonalId('20010505-2385')).toBe('20010505-****');
    expect(maskPersonalId('1234')).toBe('****');
  });
});

describe('term weeks', () => {
  it('run across the turn of the year, week 53 included where the year has one', () => {
    expect(weeksBetween('2027-W51', '2028-W02')).toEqual(['2027-W51', '2027-W52', '2028-W01', '2028-W02']);
    expect(weeksBetween('2026-W52', '2027-W01')).toEqual(['2026-W52', '2026-W53', '2027-W01']);
    expect(weeksBetween('2027-W60', '2028-W02')).toEqual([]);
  });
});
