import { describe, expect, it } from 'vitest';
import type { UnplacedView_Serialize } from '../bindings';
import i18n from '../i18n';
import { describeUnplaced } from './unplacedDetail';

type Facts = NonNullable<UnplacedView_Serialize['facts']>;

const need: UnplacedView_Serialize = {
  need: 'st-1-1',
  student: 'st-1',
  student_name: 'Alva Lindqvist',
  programme: 'ki-nurse',
  programme_name: 'Sjuksköterskeprogrammet',
  school: 'ki',
  area: 'internal_medicine',
  weeks: 5,
  priority: 1,
  earliest: '2027-W36',
  latest: '2027-W45',
  reason: 'no_capacity',
  detail:
    '7 units take university nurse students in internal_medicine (ks-avd12, ks-avd14, ks-akut, 4 more), but none declares nurse places for 5 weeks running in 2027-W36..2027-W45.',
  facts: null,
  names: {},
};

const window = { first: '2027-W36', last: '2027-W45' };

function words(facts: Facts | null, language: 'sv' | 'en' = 'sv', names: Record<string, string> = {}): string {
  return describeUnplaced({ ...need, facts, names }, i18n.getFixedT(language), language);
}

describe('describeUnplaced', () => {
  const noPlaces: Facts = {
    kind: 'no_places',
    area: 'internal_medicine',
    level: 'university',
    profession: 'nurse',
    units: { first: ['ks-avd12', 'ks-avd14', 'ks-akut'], total: 7 },
    weeks: 5,
    window,
  };

  it('words the facts in Swedish and English, weeks as v. 36 and areas by name', () => {
    expect(words(noPlaces, 'sv')).toBe(
      '7 enheter inom internmedicin tar emot studenter som utbildar sig till sjuksköterska på universitet eller högskola ' +
        '(ks-avd12, ks-avd14, ks-akut och 4 till), men ingen av dem har platser för sjuksköterska 5 veckor i följd under v. 36 – v. 45 2027.',
    );
    expect(words(noPlaces, 'en')).toBe(
      '7 units take university nurse students in internal medicine (ks-avd12, ks-avd14, ks-akut and 4 more), ' +
        'but none declares nurse places for 5 weeks running in week 36 – week 45, 2027.',
    );
  });

  it('names units and providers by name where the scenario has them, apart by semicolons when a name holds a comma', () => {
    const names = { 'ks-avd12': 'Avdelning 12, internmedicin', 'ks-akut': 'Akuten' };
    expect(words(noPlaces, 'sv', names)).toContain('(Avdelning 12, internmedicin; ks-avd14; Akuten och 4 till)');
    const three: Facts = { ...noPlaces, units: { first: ['ks-avd12', 'ks-avd14', 'ks-akut'], total: 3 } } as Facts;
    expect(words(three, 'sv', names)).toContain('(Avdelning 12, internmedicin; ks-avd14 och Akuten)');
    expect(words(three, 'sv', { 'ks-akut': 'Akuten' })).toContain('(ks-avd12, ks-avd14 och Akuten)');
    const remit: Facts = { kind: 'remit_maximum', programme: 'ki-nurse', providers: [{ provider: 'ks', max_student_weeks: 40 }] };
    expect(words(remit, 'sv', { ks: 'Karolinska Universitetssjukhuset' })).toContain('Karolinska Universitetssjukhuset (tak 40 studentveckor)');
  });

  it('says "1 enhet" and "1 vecka", and spans a new year', () => {
    const one: Facts = { ...noPlaces, units: { first: ['ks-avd12'], total: 1 }, weeks: 1, window: { first: '2027-W50', last: '2028-W03' } };
    expect(words(one)).toBe(
      '1 enhet inom internmedicin tar emot studenter som utbildar sig till sjuksköterska på universitet eller högskola ' +
        '(ks-avd12), men den har inga platser för sjuksköterska 1 vecka under v. 50 2027 – v. 3 2028.',
    );
  });

  it('names what rules the units out for the student', () => {
    const fits: Facts = {
      kind: 'no_unit_fits',
      area: 'surgery',
      level: 'upper_secondary',
      profession: 'assistant_nurse',
      offering: 1,
      student: 'st-1',
      missing_clearances: ['mrsa_screening'],
      minor: true,
      excluded_units: ['capio-kir', 'ks-avd12'],
    };
    expect(words(fits)).toBe(
      '1 enhet erbjuder kirurgi, men nivå, ålder, krav eller undantag utesluter den för studenter som utbildar sig till ' +
        'undersköterska på gymnasium eller komvux (studenten saknar MRSA-screening; studenten är under 18 år; ' +
        'studenten får inte placeras på capio-kir och ks-avd12).',
    );
    const none: Facts = { ...fits, offering: 3, missing_clearances: [], minor: false, excluded_units: [] };
    expect(words(none, 'en')).toBe(
      '3 units offer surgery, but level, age, clearances or exclusions rule them all out for upper-secondary assistant nurse students.',
    );
  });

  it('names every cause of a blocked need, and the programme and remits by name and number', () => {
    const blocked: Facts = {
      kind: 'units_blocked',
      area: 'internal_medicine',
      level: 'university',
      profession: 'nurse',
      programme: 'ki-nurse',
      student: 'st-1',
      weeks: 5,
      window,
      units: { first: ['ks-avd12', 'ks-akut', 'capio-kir'], total: 4 },
      full_units: 2,
      full_weeks: ['2027-W38', '2027-W39', '2027-W40'],
      supervisors_out: { first: ['capio-kir'], total: 1 },
      remits: [{ provider: 'capio', max_student_weeks: 1200 }],
      clashes: true,
    };
    expect(words(blocked)).toBe(
      '4 enheter inom internmedicin tar emot studenter som utbildar sig till sjuksköterska på universitet eller högskola ' +
        '(ks-avd12, ks-akut, capio-kir och 1 till); 2 är fullbelagda under v. 38 – v. 40 2027; på capio-kir har ingen ' +
        'handledare som är sjuksköterska utrymme för 5 veckor i följd; taket för Sjuksköterskeprogrammet i ' +
        'utbildningsuppdraget är nått hos capio (tak 1\u00a0200 studentveckor); andra veckor krockar med studentens andra placeringar.',
    );
    expect(words({ ...blocked, supervisors_out: null, remits: [], clashes: false, full_units: 1, full_weeks: ['2027-W38'] }, 'en')).toBe(
      '4 units take university nurse students in internal medicine (ks-avd12, ks-akut, capio-kir and 1 more); 1 is full in week 38, 2027.',
    );
  });

  it('words the other kinds', () => {
    expect(words({ kind: 'no_team', student: 'st-1', wards: { first: ['ks-kua'], total: 1 } })).toBe(
      'Inget helt IPL-team kunde bildas med studenten på ks-kua: ett team börjar samtidigt, och varje yrke i teamet måste vara fulltaligt.',
    );
    expect(words({ kind: 'student_conflict', student: 'st-1', window })).toBe(
      'Studentens andra placeringar upptar de veckor som behovet kunde ha fått under v. 36 – v. 45 2027.',
    );
    expect(
      words({
        kind: 'remit_maximum',
        programme: 'ki-nurse',
        providers: [
          { provider: 'capio', max_student_weeks: 1 },
          { provider: 'ks', max_student_weeks: 0 },
        ],
      }),
    ).toBe(
      'De enheter som passar hör till vårdgivare där taket för Sjuksköterskeprogrammet i utbildningsuppdraget är nått: ' +
        'capio (tak 1 studentvecka) och ks (tak 0 studentveckor).',
    );
    expect(words({ kind: 'cheaper_unplaced', eligible_units: 1 })).toBe(
      'Det fanns en plats, men bara till en högre kostnad än att lämna behovet oplacerat (1 behörig enhet).',
    );
    expect(words({ kind: 'taken_out', note: 'sjuk' })).toBe('Togs ut ur planen för hand: sjuk');
    expect(words({ kind: 'window_too_short', weeks: 5 })).toBe('Tidsfönstret rymmer inte 5 öppna veckor i följd.');
    expect(words({ kind: 'no_unit_offers_area', area: 'radiology', ipl: true })).toBe(
      'Ingen interprofessionell utbildningsavdelning erbjuder radiologi.',
    );
    expect(
      words({ ...noPlaces, kind: 'no_supervisor', trained_required: true, units: { first: ['ks-akut'], total: 1 } }, 'en'),
    ).toBe(
      '1 unit declares places for university nurse students in internal medicine (ks-akut), but no trained nurse supervisor ' +
        'there is available for 5 weeks running in week 36 – week 45, 2027.',
    );
  });

  it('shows the stored sentence when there are no facts (a plan imported from a file)', () => {
    expect(words(null, 'sv')).toBe(need.detail);
    expect(words(null, 'en')).toBe(need.detail);
  });
});
