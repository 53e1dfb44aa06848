import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { areaName, inSentence, knownArea, knownClearance, professionName, readableWord } from './vocabulary';

describe('the vocabulary of free words', () => {
  const sv = i18n.getFixedT('sv');
  const en = i18n.getFixedT('en');

  it('names known professions, areas and clearances in the UI language', () => {
    expect(professionName('nurse', sv)).toBe('Sjuksköterska');
    expect(professionName('nurse', en)).toBe('Nurse');
    expect(areaName('internal_medicine', sv)).toBe('Internmedicin');
    expect(knownClearance('mrsa_screening', sv)).toBe('MRSA-screening');
  });

  it('shows a word it does not know as written, made readable, and says it does not know it', () => {
    expect(areaName('home_dialysis', sv)).toBe('Home dialysis');
    expect(readableWord('home_dialysis')).toBe('Home dialysis');
    expect(knownArea('home_dialysis', sv)).toBeUndefined();
  });

  it('lowers a name inside a sentence but keeps an acronym', () => {
    expect(inSentence('Internmedicin')).toBe('internmedicin');
    expect(inSentence('MRSA-screening')).toBe('MRSA-screening');
  });
});
