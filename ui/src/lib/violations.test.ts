import { describe, expect, it } from 'vitest';
import type { Violation } from '../bindings';
import i18n from '../i18n';
import { describeViolation } from './violations';

const unitFull: Violation = {
  rule: 'unit_capacity',
  need: null,
  message: 'Avdelning 12 (ks-avd12) has 4 nurse places in 2027-W38, but 5 nurse students are placed there: …',
  facts: {
    kind: 'unit_full',
    unit_name: 'Avdelning 12',
    profession: 'nurse',
    from: '2027-W38',
    to: '2027-W38',
    places: 4,
    placed: 5,
  },
};

describe('describeViolation', () => {
  it('words a full unit in Swedish and English from the facts, weeks as v. 38', () => {
    const sv = i18n.getFixedT('sv');
    const en = i18n.getFixedT('en');
    expect(describeViolation(unitFull, sv, 'sv')).toBe(
      'Avdelning 12 har 4 platser för sjuksköterska v. 38; det här skulle bli student nummer 5.',
    );
    expect(describeViolation(unitFull, en, 'en')).toBe(
      'Avdelning 12 has 4 nurse places week 38; this would be student number 5.',
    );
  });

  it('says "1 plats", not "1 platser"', () => {
    const one: Violation = { ...unitFull, facts: { ...(unitFull.facts as object), places: 1, placed: 2 } as Violation['facts'] };
    expect(describeViolation(one, i18n.getFixedT('sv'), 'sv')).toBe(
      'Avdelning 12 har 1 plats för sjuksköterska v. 38; det här skulle bli student nummer 2.',
    );
  });

  it('joins lists with the language’s "and", and spans weeks', () => {
    const sv = i18n.getFixedT('sv');
    const twoPlaces: Violation = {
      rule: 'student_overlap',
      need: 'st-1-2',
      message: 'student st-1 would be in two places …',
      facts: { kind: 'student_two_places', student_name: 'Alva Lindqvist', weeks: ['2027-W36', '2027-W37', '2027-W38'] },
    };
    expect(describeViolation(twoPlaces, sv, 'sv')).toBe('Alva Lindqvist skulle vara på två ställen v. 36, v. 37 och v. 38.');
  });

  it('falls back to the checker’s sentence when there are no facts', () => {
    const structure: Violation = { rule: 'structure', need: 'x', message: 'need x appears 2 times', facts: null };
    expect(describeViolation(structure, i18n.getFixedT('sv'), 'sv')).toBe('need x appears 2 times');
  });
});
