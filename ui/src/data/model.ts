/**
 * The data screen's model: the kinds of entry a scenario holds, the drafts the edit forms work on,
 * and the conversions between an entry as the scenario holds it, its draft, and the value an edit
 * sends (the entry in the scenario file's JSON form).
 *
 * A draft keeps what the coordinator typed even when it is not valid yet (an empty number, a
 * half-typed week): the value sent to `check_edit` carries it as typed, so that the validator,
 * which is the one authority on what is valid, reports it at its field.
 */

import type {
  CapacityEntry_Serialize,
  EntityKind,
  EntityValue_Deserialize,
  Level,
  Need_Serialize,
  Ownership,
  Programme,
  Provider_Serialize,
  RemitEntry_Serialize,
  Scenario_Serialize,
  School,
  Student_Serialize,
  Supervisor_Serialize,
  Term,
  Unit_Serialize,
  Weights,
} from '../bindings';

export type Scenario = Scenario_Serialize;
export type Student = Student_Serialize;
export type Unit = Unit_Serialize;
export type Provider = Provider_Serialize;
export type { Programme, School, Term, Weights };

/** The kinds of the sub-navigation: the term (with the weights) and the five lists. */
export const DATA_KINDS = ['term', 'school', 'programme', 'provider', 'unit', 'student'] as const;
export type DataKind = (typeof DATA_KINDS)[number];
export type ListKind = Exclude<DataKind, 'term'>;

export const LEVELS: readonly Level[] = ['university', 'higher_vocational', 'upper_secondary'];
export const OWNERSHIPS: readonly Ownership[] = ['public', 'private'];

/** A number field as typed: a number, or the text when it is not one (empty included). */
export type Num = number | string;

/** The text an input shows for a number field. */
export function numText(value: Num | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : value;
}

/** Reads typed text as a number where it is one (a decimal comma allowed), else keeps the text. */
export function parseNum(text: string): Num {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const n = Number(trimmed.replace(',', '.'));
  return Number.isFinite(n) ? n : text;
}

/** A JSON value as an edit sends it. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * The edit's value for the typed command. The value is the entry in the file's JSON form as the
 * coordinator typed it; a field still holding text where a number belongs is sent as that text on
 * purpose, so that the validator names the field. Hence the one widening cast, here.
 */
export function asEntityValue(value: JsonObject): EntityValue_Deserialize {
  return value as unknown as EntityValue_Deserialize;
}

// ---- Drafts ------------------------------------------------------------------------------

export type GeoDraft = { lat: Num; lon: Num };

export type TermDraft = { id: string; name: string; first_week: string; last_week: string; closed_weeks: string[] };

export type WeightsDraft = {
  unplaced: Num;
  remit_shortfall_per_week: Num;
  preference_rank: Num;
  unpreferred: Num;
  travel_per_km: Num;
};

export type SchoolDraft = { id: string; name: string; level: Level };

export type ProgrammeDraft = {
  id: string;
  school: string;
  name: string;
  profession: string;
  trained_supervisor_required: boolean;
  max_students_per_supervisor: Num;
};

/** `max_student_weeks` empty means no maximum. */
export type RemitDraft = { programme: string; min_student_weeks: Num; max_student_weeks: Num };

/** `ownership` empty means not stated. */
export type ProviderDraft = { id: string; name: string; ownership: Ownership | ''; remit: RemitDraft[] };

/** `from` / `to` empty mean the term's own first / last week. */
export type CapacityDraft = { profession: string; from: string; to: string; places: Num };

export type SupervisorDraft = { id: string; profession: string; trained: boolean; max_students: Num; from: string; to: string };

/** The team as rows, in the order the coordinator keeps them. */
export type IplDraft = { team: { profession: string; count: Num }[]; weeks: Num; starts: string[]; max_teams: Num };

export type UnitDraft = {
  id: string;
  provider: string;
  name: string;
  areas: string[];
  levels: Level[];
  accepts_minors: boolean;
  location: GeoDraft;
  requirements: string[];
  capacity: CapacityDraft[];
  supervisors: SupervisorDraft[];
  ipl: IplDraft | null;
};

/** `earliest` / `latest` empty mean the term's bounds. */
export type NeedDraft = {
  id: string;
  area: string;
  weeks: Num;
  earliest: string;
  latest: string;
  ipl: boolean;
  priority: Num;
  preferences: string[];
};

export type StudentDraft = {
  id: string;
  name: string;
  personal_id: string;
  programme: string;
  minor: boolean;
  home: GeoDraft;
  excluded_units: string[];
  clearances: string[];
  needs: NeedDraft[];
};

// ---- Entry → draft -----------------------------------------------------------------------

function geoDraft(point: { lat: number | null; lon: number | null } | null | undefined): GeoDraft {
  return { lat: point?.lat ?? '', lon: point?.lon ?? '' };
}

export function termDraft(term: Term): TermDraft {
  return { id: term.id, name: term.name, first_week: term.first_week, last_week: term.last_week, closed_weeks: [...term.closed_weeks] };
}

export function weightsDraft(w: Weights): WeightsDraft {
  return {
    unplaced: w.unplaced ?? '',
    remit_shortfall_per_week: w.remit_shortfall_per_week ?? '',
    preference_rank: w.preference_rank ?? '',
    unpreferred: w.unpreferred ?? '',
    travel_per_km: w.travel_per_km ?? '',
  };
}

export function schoolDraft(s: School): SchoolDraft {
  return { id: s.id, name: s.name, level: s.level };
}

export function programmeDraft(p: Programme): ProgrammeDraft {
  return { ...p };
}

export function providerDraft(p: Provider): ProviderDraft {
  return {
    id: p.id,
    name: p.name,
    ownership: p.ownership ?? '',
    remit: p.remit.map((r: RemitEntry_Serialize) => ({
      programme: r.programme,
      min_student_weeks: r.min_student_weeks,
      max_student_weeks: r.max_student_weeks ?? '',
    })),
  };
}

export function unitDraft(u: Unit): UnitDraft {
  return {
    id: u.id,
    provider: u.provider,
    name: u.name,
    areas: [...u.areas],
    levels: [...u.levels],
    accepts_minors: u.accepts_minors,
    location: geoDraft(u.location),
    requirements: [...u.requirements],
    capacity: u.capacity.map((c: CapacityEntry_Serialize) => ({
      profession: c.profession,
      from: c.from ?? '',
      to: c.to ?? '',
      places: c.places,
    })),
    supervisors: u.supervisors.map((s: Supervisor_Serialize) => ({
      id: s.id,
      profession: s.profession,
      trained: s.trained,
      max_students: s.max_students,
      from: s.from ?? '',
      to: s.to ?? '',
    })),
    ipl: u.ipl
      ? {
          team: Object.entries(u.ipl.team).map(([profession, count]) => ({ profession, count })),
          weeks: u.ipl.weeks,
          starts: [...u.ipl.starts],
          max_teams: u.ipl.max_teams,
        }
      : null,
  };
}

export function studentDraft(s: Student): StudentDraft {
  return {
    id: s.id,
    name: s.name,
    personal_id: s.personal_id,
    programme: s.programme,
    minor: s.minor,
    home: geoDraft(s.home),
    excluded_units: [...s.excluded_units],
    clearances: [...s.clearances],
    needs: s.needs.map((n: Need_Serialize) => ({
      id: n.id,
      area: n.area,
      weeks: n.weeks,
      earliest: n.earliest ?? '',
      latest: n.latest ?? '',
      ipl: n.ipl,
      priority: n.priority,
      preferences: [...n.preferences],
    })),
  };
}

// ---- Draft → the file's JSON form ----------------------------------------------------------

function isEmpty(value: Num): boolean {
  return typeof value === 'string' && value.trim() === '';
}

/** A position, left out when both coordinates are empty (one alone is sent, and reported). */
function geoValue(geo: GeoDraft): JsonObject | undefined {
  if (isEmpty(geo.lat) && isEmpty(geo.lon)) return undefined;
  const point: JsonObject = {};
  if (!isEmpty(geo.lat)) point.lat = geo.lat;
  if (!isEmpty(geo.lon)) point.lon = geo.lon;
  return point;
}

/** Adds `key` only when `value` is set (an optional field left empty is absent from the file). */
function withOptional(object: JsonObject, key: string, value: Json | undefined): JsonObject {
  if (value !== undefined && value !== '') object[key] = value;
  return object;
}

export function termValue(d: TermDraft): JsonObject {
  return { id: d.id, name: d.name, first_week: d.first_week, last_week: d.last_week, closed_weeks: [...d.closed_weeks] };
}

/** Weights left empty take their defaults, so they are left out. */
export function weightsValue(d: WeightsDraft): JsonObject {
  const value: JsonObject = {};
  for (const key of WEIGHT_KEYS) withOptional(value, key, d[key]);
  return value;
}

export const WEIGHT_KEYS = ['unplaced', 'remit_shortfall_per_week', 'preference_rank', 'unpreferred', 'travel_per_km'] as const;
export type WeightKey = (typeof WEIGHT_KEYS)[number];

/** The defaults of the weights, as the scenario format states them. */
export const WEIGHT_DEFAULTS: Record<WeightKey, number> = {
  unplaced: 10000,
  remit_shortfall_per_week: 100,
  preference_rank: 10,
  unpreferred: 50,
  travel_per_km: 1,
};

export function schoolValue(d: SchoolDraft): JsonObject {
  return { id: d.id, name: d.name, level: d.level };
}

export function programmeValue(d: ProgrammeDraft): JsonObject {
  return {
    id: d.id,
    school: d.school,
    name: d.name,
    profession: d.profession,
    trained_supervisor_required: d.trained_supervisor_required,
    max_students_per_supervisor: d.max_students_per_supervisor,
  };
}

export function providerValue(d: ProviderDraft): JsonObject {
  const value: JsonObject = { id: d.id, name: d.name };
  withOptional(value, 'ownership', d.ownership);
  value.remit = d.remit.map((r) =>
    withOptional({ programme: r.programme, min_student_weeks: r.min_student_weeks }, 'max_student_weeks', r.max_student_weeks),
  );
  return value;
}

export function unitValue(d: UnitDraft): JsonObject {
  const value: JsonObject = {
    id: d.id,
    provider: d.provider,
    name: d.name,
    areas: [...d.areas],
    levels: [...d.levels],
    accepts_minors: d.accepts_minors,
  };
  withOptional(value, 'location', geoValue(d.location));
  value.requirements = [...d.requirements];
  value.capacity = d.capacity.map((c) => {
    const entry: JsonObject = { profession: c.profession };
    withOptional(entry, 'from', c.from);
    withOptional(entry, 'to', c.to);
    entry.places = c.places;
    return entry;
  });
  value.supervisors = d.supervisors.map((s) => {
    const entry: JsonObject = { id: s.id, profession: s.profession, trained: s.trained, max_students: s.max_students };
    withOptional(entry, 'from', s.from);
    withOptional(entry, 'to', s.to);
    return entry;
  });
  if (d.ipl) {
    const team: JsonObject = {};
    for (const member of d.ipl.team) team[member.profession] = member.count;
    value.ipl = { team, weeks: d.ipl.weeks, starts: [...d.ipl.starts], max_teams: d.ipl.max_teams };
  }
  return value;
}

export function studentValue(d: StudentDraft): JsonObject {
  const value: JsonObject = {
    id: d.id,
    name: d.name,
    personal_id: d.personal_id,
    programme: d.programme,
    minor: d.minor,
  };
  withOptional(value, 'home', geoValue(d.home));
  value.excluded_units = [...d.excluded_units];
  value.clearances = [...d.clearances];
  value.needs = d.needs.map((n) => {
    const need: JsonObject = { id: n.id, area: n.area, weeks: n.weeks };
    withOptional(need, 'earliest', n.earliest);
    withOptional(need, 'latest', n.latest);
    need.ipl = n.ipl;
    need.priority = n.priority;
    need.preferences = [...n.preferences];
    return need;
  });
  return value;
}

// ---- New entries ---------------------------------------------------------------------------

/**
 * The next free id following the pattern of existing ones ("st-0042" after "st-0041"), or empty
 * when the ids follow no numbered pattern (the coordinator then names it).
 */
export function suggestId(ids: readonly string[], taken: ReadonlySet<string> = new Set(ids)): string {
  for (let i = ids.length - 1; i >= 0; i--) {
    const match = /^(.*?)(\d+)$/.exec(ids[i] ?? '');
    if (!match) continue;
    const prefix = match[1] ?? '';
    const digits = match[2] ?? '';
    let n = Number(digits);
    for (let attempt = 0; attempt < 100000; attempt++) {
      n += 1;
      const candidate = `${prefix}${String(n).padStart(digits.length, '0')}`;
      if (!taken.has(candidate)) return candidate;
    }
  }
  return '';
}

/** `${base}${n}` with the smallest n from `start` that is not taken. */
export function nextChildId(base: string, start: number, taken: ReadonlySet<string>): string {
  let n = start;
  while (taken.has(`${base}${n}`)) n += 1;
  return `${base}${n}`;
}

export function blankSchool(s: Scenario): SchoolDraft {
  return { id: suggestId(s.schools.map((x) => x.id)), name: '', level: 'university' };
}

export function blankProgramme(s: Scenario): ProgrammeDraft {
  return {
    id: suggestId(s.programmes.map((x) => x.id)),
    school: s.schools[0]?.id ?? '',
    name: '',
    profession: '',
    trained_supervisor_required: true,
    max_students_per_supervisor: 1,
  };
}

export function blankProvider(s: Scenario): ProviderDraft {
  return { id: suggestId(s.providers.map((x) => x.id)), name: '', ownership: '', remit: [] };
}

export function blankUnit(s: Scenario): UnitDraft {
  return {
    id: suggestId(s.units.map((x) => x.id)),
    provider: s.providers[0]?.id ?? '',
    name: '',
    areas: [],
    levels: ['university'],
    accepts_minors: false,
    location: { lat: '', lon: '' },
    requirements: [],
    capacity: [],
    supervisors: [],
    ipl: null,
  };
}

export function blankStudent(s: Scenario): StudentDraft {
  return {
    id: suggestId(s.students.map((x) => x.id)),
    name: '',
    personal_id: '',
    programme: s.programmes[0]?.id ?? '',
    minor: false,
    home: { lat: '', lon: '' },
    excluded_units: [],
    clearances: [],
    needs: [],
  };
}

/** A new need with an id unused in the student and in the file (`inFile`). */
export function blankNeed(student: StudentDraft, inFile: ReadonlySet<string> = new Set()): NeedDraft {
  const taken = new Set([...inFile, ...student.needs.map((n) => n.id)]);
  return {
    id: nextChildId(`${student.id}-`, student.needs.length + 1, taken),
    area: student.needs[student.needs.length - 1]?.area ?? '',
    weeks: 1,
    earliest: '',
    latest: '',
    ipl: false,
    priority: 1,
    preferences: [],
  };
}

/** A new supervisor with an id unused in the unit and in the file (`inFile`). */
export function blankSupervisor(unit: UnitDraft, inFile: ReadonlySet<string> = new Set()): SupervisorDraft {
  const taken = new Set([...inFile, ...unit.supervisors.map((s) => s.id)]);
  return {
    id: nextChildId(`${unit.id}-h`, unit.supervisors.length + 1, taken),
    profession: unit.capacity[0]?.profession ?? unit.supervisors[0]?.profession ?? '',
    trained: true,
    max_students: 1,
    from: '',
    to: '',
  };
}

export function blankCapacity(unit: UnitDraft): CapacityDraft {
  return { profession: unit.supervisors[0]?.profession ?? unit.capacity[0]?.profession ?? '', from: '', to: '', places: 1 };
}

export function blankRemit(provider: ProviderDraft, s: Scenario): RemitDraft {
  const listed = new Set(provider.remit.map((r) => r.programme));
  const programme = s.programmes.find((p) => !listed.has(p.id))?.id ?? '';
  return { programme, min_student_weeks: 0, max_student_weeks: '' };
}

export function blankIpl(unit: UnitDraft): IplDraft {
  const professions = [...new Set(unit.capacity.map((c) => c.profession).filter((p) => p !== ''))];
  return { team: professions.map((profession) => ({ profession, count: 1 })), weeks: 2, starts: [], max_teams: 1 };
}

// ---- Lists ---------------------------------------------------------------------------------

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** Moves the item at `from` to `to` (both inside the list). */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item as T);
  return copy;
}

export type { EntityKind };
