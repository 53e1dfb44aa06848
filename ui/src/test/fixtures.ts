import type { PlacementView_Serialize, TermSummary } from '../bindings';

export const autumn2027: TermSummary = {
  id: 'ht2027',
  name: 'HT 2027',
  first_week: '2027-W35',
  last_week: '2028-W02',
  open_weeks: 18,
  closed_weeks: ['2027-W52', '2028-W01'],
  schools: 12,
  programmes: 41,
  providers: 268,
  students: 10000,
  needs: 15234,
  need_weeks: 61200,
  units: 2450,
  places: 3120,
  place_weeks: 48000,
  supervisors: 7815,
};

export const spring2027: TermSummary = {
  id: 'vt2027',
  name: 'VT 2027',
  first_week: '2027-W03',
  last_week: '2027-W22',
  open_weeks: 20,
  closed_weeks: [],
  schools: 3,
  programmes: 6,
  providers: 14,
  students: 412,
  needs: 530,
  need_weeks: 2120,
  units: 96,
  places: 180,
  place_weeks: 3400,
  supervisors: 240,
};

/** Replaces every kind of space (no-break, narrow no-break) with a plain one. */
export function plainSpaces(text: string | null | undefined): string {
  return (text ?? '').replace(/\s/gu, ' ');
}

/** A placement of a nurse student at Karolinska's ward 12 for five weeks; `values` say what differs. */
export function placementView(values: Partial<PlacementView_Serialize> & Pick<PlacementView_Serialize, 'need' | 'student' | 'student_name'>): PlacementView_Serialize {
  return {
    programme: 'ki-nurse',
    programme_name: 'Sjuksköterskeprogrammet',
    school: 'ki',
    profession: 'nurse',
    level: 'university',
    area: 'internal_medicine',
    unit: 'ks-avd12',
    unit_name: 'Avdelning 12, internmedicin',
    provider: 'ks',
    provider_name: 'Karolinska Universitetssjukhuset',
    supervisor: 'ks-avd12-h1',
    start: '2027-W36',
    end: '2027-W40',
    first_open_week: 1,
    weeks: 5,
    team: null,
    locked: false,
    preference_rank: null,
    travel_km: null,
    cost: 0,
    ...values,
  };
}
