// A small term for the plan screens' tests: two providers, an interprofessional training ward,
// a locked placement, a team, unplaced needs and remits below and at their limits.

import type {
  AuditEntry_Serialize,
  MatchingOutcome_Serialize,
  PlanComparison_Serialize,
  PlanDetails_Serialize,
  PlanVersion_Serialize,
  Scenario_Serialize,
  UnplacedView_Serialize,
} from '../../bindings';
import { placementView } from '../../test/fixtures';

export const TERM = 'ht2027';

export const OPEN_WEEKS = [
  '2027-W35',
  '2027-W36',
  '2027-W37',
  '2027-W38',
  '2027-W39',
  '2027-W40',
  '2027-W41',
  '2027-W42',
  '2027-W43',
  '2027-W44',
];

export const alva = placementView({
  need: 'st-1-1',
  student: 'st-1',
  student_name: 'Alva Lindqvist',
  locked: true,
  preference_rank: 1,
  travel_km: 4.25,
});

export const bo = placementView({
  need: 'st-2-1',
  student: 'st-2',
  student_name: 'Bo Ek',
  unit: 'sos-avd3',
  unit_name: 'Avdelning 3, medicin',
  provider: 'sos',
  provider_name: 'Södersjukhuset',
  supervisor: 'sos-avd3-h1',
  start: '2027-W37',
  end: '2027-W41',
  first_open_week: 2,
  preference_rank: 2,
  travel_km: 11.5,
  cost: 21.5,
});

export const cecilia = placementView({
  need: 'st-3-1',
  student: 'st-3',
  student_name: 'Cecilia Ng',
  programme: 'ki-med',
  programme_name: 'Läkarprogrammet',
  profession: 'physician',
  unit: 'ks-kua',
  unit_name: 'KUA Huddinge',
  supervisor: 'ks-kua-h2',
  start: '2027-W36',
  end: '2027-W37',
  first_open_week: 1,
  weeks: 2,
  team: 'ks-kua@2027-W36',
});

export const dan = placementView({
  need: 'st-4-1',
  student: 'st-4',
  student_name: 'Dan Berg',
  unit: 'ks-kua',
  unit_name: 'KUA Huddinge',
  supervisor: 'ks-kua-h1',
  start: '2027-W36',
  end: '2027-W37',
  first_open_week: 1,
  weeks: 2,
  team: 'ks-kua@2027-W36',
});

export const eva: UnplacedView_Serialize = {
  need: 'st-5-1',
  student: 'st-5',
  student_name: 'Eva Holm',
  programme: 'ki-nurse',
  programme_name: 'Sjuksköterskeprogrammet',
  school: 'ki',
  area: 'internal_medicine',
  weeks: 4,
  priority: 2,
  earliest: '2027-W36',
  latest: '2027-W44',
  reason: 'no_capacity',
  detail: '2 enheter erbjuder internmedicin för sjuksköterskestudenter; alla är fullbelagda v. 36–44',
  // As in a plan imported from a file: the table shows `detail`.
  facts: null,
  names: {},
};

export const filip: UnplacedView_Serialize = {
  need: 'st-6-1',
  student: 'st-6',
  student_name: 'Filip Sand',
  programme: 'gy-an',
  programme_name: 'Vård- och omsorgsprogrammet',
  school: 'gy',
  area: 'geriatrics',
  weeks: 3,
  priority: 1,
  earliest: null,
  latest: null,
  reason: 'no_eligible_unit',
  detail:
    '2 units offer geriatrics but none fits upper_secondary assistant_nurse students: level, age, clearances or exclusions rule them out (st-6 is under 18).',
  // As the engine states them: the table words them in the UI's language instead of `detail`.
  facts: {
    kind: 'no_unit_fits',
    area: 'geriatrics',
    level: 'upper_secondary',
    profession: 'assistant_nurse',
    offering: 2,
    student: 'st-6',
    missing_clearances: [],
    minor: true,
    excluded_units: [],
  },
  names: {},
};

export function draft(overrides: Partial<PlanDetails_Serialize> = {}): PlanDetails_Serialize {
  return {
    version: 0,
    solver_status: 'feasible',
    objective: 20125.5,
    bound: 19800,
    gap: 0.01617,
    created_at: '2027-05-03 08:15:00',
    note: '',
    violations: [],
    review: {
      open_weeks: OPEN_WEEKS,
      placements: [alva, bo, cecilia, dan],
      unplaced: [eva, filip],
      remits: [
        {
          provider: 'ks',
          provider_name: 'Karolinska Universitetssjukhuset',
          programme: 'ki-nurse',
          programme_name: 'Sjuksköterskeprogrammet',
          min_student_weeks: 20,
          max_student_weeks: 40,
          placed_student_weeks: 7,
        },
        {
          provider: 'sos',
          provider_name: 'Södersjukhuset',
          programme: 'ki-nurse',
          programme_name: 'Sjuksköterskeprogrammet',
          min_student_weeks: 5,
          max_student_weeks: 5,
          placed_student_weeks: 5,
        },
      ],
    },
    ...overrides,
  };
}

export const scenario: Scenario_Serialize = {
  term: { id: TERM, name: 'HT 2027', first_week: '2027-W35', last_week: '2027-W44', closed_weeks: [] },
  schools: [
    { id: 'ki', name: 'Karolinska Institutet', level: 'university' },
    { id: 'gy', name: 'Vård- och omsorgsgymnasiet', level: 'upper_secondary' },
  ],
  programmes: [
    { id: 'ki-nurse', school: 'ki', name: 'Sjuksköterskeprogrammet', profession: 'nurse', trained_supervisor_required: true, max_students_per_supervisor: 2 },
    { id: 'ki-med', school: 'ki', name: 'Läkarprogrammet', profession: 'physician', trained_supervisor_required: true, max_students_per_supervisor: 2 },
    { id: 'gy-an', school: 'gy', name: 'Vård- och omsorgsprogrammet', profession: 'assistant_nurse', trained_supervisor_required: false, max_students_per_supervisor: 1 },
  ],
  providers: [
    { id: 'ks', name: 'Karolinska Universitetssjukhuset', ownership: 'public', remit: [{ programme: 'ki-nurse', min_student_weeks: 20, max_student_weeks: 40 }] },
    { id: 'sos', name: 'Södersjukhuset', ownership: 'public', remit: [{ programme: 'ki-nurse', min_student_weeks: 5, max_student_weeks: 5 }] },
  ],
  units: [
    {
      id: 'ks-avd12',
      provider: 'ks',
      name: 'Avdelning 12, internmedicin',
      areas: ['internal_medicine'],
      levels: ['university', 'upper_secondary'],
      accepts_minors: false,
      requirements: [],
      capacity: [{ profession: 'nurse', places: 2 }],
      supervisors: [
        { id: 'ks-avd12-h1', profession: 'nurse', trained: true, max_students: 1 },
        { id: 'ks-avd12-h2', profession: 'nurse', trained: true, max_students: 2 },
        { id: 'ks-avd12-l1', profession: 'physician', trained: true, max_students: 2 },
      ],
    },
    {
      id: 'sos-avd3',
      provider: 'sos',
      name: 'Avdelning 3, medicin',
      areas: ['internal_medicine', 'geriatrics'],
      levels: ['university'],
      accepts_minors: false,
      requirements: [],
      capacity: [{ profession: 'nurse', places: 2 }],
      supervisors: [{ id: 'sos-avd3-h1', profession: 'nurse', trained: true, max_students: 2 }],
    },
    {
      id: 'ks-kua',
      provider: 'ks',
      name: 'KUA Huddinge',
      areas: ['internal_medicine'],
      levels: ['university'],
      accepts_minors: false,
      requirements: [],
      capacity: [
        { profession: 'nurse', places: 2 },
        { profession: 'physician', places: 2 },
      ],
      supervisors: [
        { id: 'ks-kua-h1', profession: 'nurse', trained: true, max_students: 2 },
        { id: 'ks-kua-h2', profession: 'physician', trained: true, max_students: 2 },
      ],
      ipl: { team: { nurse: 1, physician: 1 }, weeks: 2, starts: ['2027-W36', '2027-W38'], max_teams: 1 },
    },
  ],
  students: [
    student('st-1', 'Alva Lindqvist', 'ki-nurse', [need('st-1-1', 'internal_medicine', 5, { preferences: ['ks-avd12'] })]),
    student('st-2', 'Bo Ek', 'ki-nurse', [need('st-2-1', 'internal_medicine', 5, { earliest: '2027-W36', latest: '2027-W44', preferences: ['ks-avd12', 'sos-avd3'] })]),
    student('st-3', 'Cecilia Ng', 'ki-med', [need('st-3-1', 'internal_medicine', 2, { ipl: true })]),
    student('st-4', 'Dan Berg', 'ki-nurse', [need('st-4-1', 'internal_medicine', 2, { ipl: true })]),
    student('st-5', 'Eva Holm', 'ki-nurse', [need('st-5-1', 'internal_medicine', 4, { earliest: '2027-W36', latest: '2027-W44', priority: 2 })]),
    student('st-6', 'Filip Sand', 'gy-an', [need('st-6-1', 'geriatrics', 3, {})]),
  ],
  locked: [{ need: 'st-1-1', unit: 'ks-avd12', supervisor: 'ks-avd12-h1', start: '2027-W36' }],
  weights: { unplaced: 10000, remit_shortfall_per_week: 100, preference_rank: 10, unpreferred: 50, travel_per_km: 1 },
};

function student(id: string, name: string, programme: string, needs: Scenario_Serialize['students'][number]['needs']) {
  return { id, name, personal_id: '200105052385', programme, minor: false, excluded_units: [], clearances: ['jobsh'], needs };
}

function need(id: string, area: string, weeks: number, extra: { earliest?: string; latest?: string; ipl?: boolean; priority?: number; preferences?: string[] }) {
  return { id, area, weeks, ipl: extra.ipl ?? false, priority: extra.priority ?? 1, preferences: extra.preferences ?? [], ...(extra.earliest ? { earliest: extra.earliest } : {}), ...(extra.latest ? { latest: extra.latest } : {}) };
}

export const audit: AuditEntry_Serialize[] = [
  {
    seq: 3,
    action: 'lock',
    need: 'st-1-1',
    before: { unit: 'ks-avd12', supervisor: 'ks-avd12-h1', start: '2027-W36' },
    after: { unit: 'ks-avd12', supervisor: 'ks-avd12-h1', start: '2027-W36' },
    reason: 'Överenskommet med avdelningschefen',
    created_at: '2027-05-03 09:30:00',
  },
  {
    seq: 1,
    action: 'matching',
    need: null,
    before: null,
    after: null,
    reason: 'matching (feasible): 4 placed, 2 unplaced, 0 moved',
    created_at: '2027-05-03 08:15:00',
  },
  {
    seq: 2,
    action: 'place',
    need: 'st-2-1',
    before: null,
    after: { unit: 'sos-avd3', supervisor: 'sos-avd3-h1', start: '2027-W37' },
    reason: 'Studenten bor nära',
    created_at: '2027-05-03 09:00:00',
  },
];

export const outcome: MatchingOutcome_Serialize = {
  status: 'feasible',
  cancelled: true,
  objective: 20100,
  bound: 19800,
  placed: 4,
  unplaced: 2,
  moved: 1,
  reproducible: false,
  elapsed_seconds: 7.4,
  lock_conflicts: [],
};

export const versions: PlanVersion_Serialize[] = [
  { version: 1, objective: 20400, bound: 19800, placed: 3, unplaced: 3, solver_status: 'feasible', note: 'Första utskicket', created_at: '2027-04-20 12:00:00' },
  { version: 0, objective: 20125.5, bound: 19800, placed: 4, unplaced: 2, solver_status: 'manual', note: '', created_at: '2027-05-03 09:30:00' },
];

export const comparison: PlanComparison_Serialize = {
  moved: [
    {
      need: 'st-2-1',
      student: 'st-2',
      before: { unit: 'ks-avd12', supervisor: 'ks-avd12-h2', start: '2027-W36' },
      after: { unit: 'sos-avd3', supervisor: 'sos-avd3-h1', start: '2027-W37' },
    },
  ],
  added: [{ need: 'st-4-1', student: 'st-4', before: null, after: { unit: 'ks-kua', supervisor: 'ks-kua-h1', start: '2027-W36' } }],
  removed: [],
  unchanged: 2,
};
