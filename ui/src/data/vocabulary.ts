import type { Level } from '../bindings';
import type { Programme, Provider, Scenario, School, Unit } from './model';

/** What the forms and grids look up in a scenario: entries by id, counts, and the words in use. */
export type Vocabulary = {
  schools: Map<string, School>;
  programmes: Map<string, Programme>;
  providers: Map<string, Provider>;
  units: Map<string, Unit>;
  /** A programme's level is its school's. */
  levelOfProgramme: Map<string, Level>;
  studentsByProgramme: Map<string, number>;
  programmesBySchool: Map<string, number>;
  studentsBySchool: Map<string, number>;
  unitsByProvider: Map<string, number>;
  /** Free words in use, sorted: clinical areas, professions, clearances (with unit requirements). */
  areas: string[];
  professions: string[];
  clearances: string[];
  /** Every id in use in the file per kind, for suggesting new ones. */
  supervisorIds: Set<string>;
  needIds: Set<string>;
};

function count(map: Map<string, number>, key: string) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function sorted(words: Set<string>): string[] {
  return [...words].filter((w) => w.trim() !== '').sort((a, b) => a.localeCompare(b));
}

export function vocabularyOf(s: Scenario): Vocabulary {
  const schools = new Map(s.schools.map((x) => [x.id, x]));
  const programmes = new Map(s.programmes.map((x) => [x.id, x]));
  const providers = new Map(s.providers.map((x) => [x.id, x]));
  const units = new Map(s.units.map((x) => [x.id, x]));
  const levelOfProgramme = new Map<string, Level>();
  const programmesBySchool = new Map<string, number>();
  const professions = new Set<string>();
  for (const p of s.programmes) {
    const level = schools.get(p.school)?.level;
    if (level) levelOfProgramme.set(p.id, level);
    count(programmesBySchool, p.school);
    professions.add(p.profession);
  }
  const unitsByProvider = new Map<string, number>();
  const areas = new Set<string>();
  const clearances = new Set<string>();
  const supervisorIds = new Set<string>();
  for (const u of s.units) {
    count(unitsByProvider, u.provider);
    for (const a of u.areas) areas.add(a);
    for (const r of u.requirements) clearances.add(r);
    for (const c of u.capacity) professions.add(c.profession);
    for (const h of u.supervisors) {
      professions.add(h.profession);
      supervisorIds.add(h.id);
    }
    if (u.ipl) for (const p of Object.keys(u.ipl.team)) professions.add(p);
  }
  const studentsByProgramme = new Map<string, number>();
  const studentsBySchool = new Map<string, number>();
  const needIds = new Set<string>();
  for (const st of s.students) {
    count(studentsByProgramme, st.programme);
    const school = programmes.get(st.programme)?.school;
    if (school) count(studentsBySchool, school);
    for (const c of st.clearances) clearances.add(c);
    for (const n of st.needs) {
      areas.add(n.area);
      needIds.add(n.id);
    }
  }
  return {
    schools,
    programmes,
    providers,
    units,
    levelOfProgramme,
    studentsByProgramme,
    programmesBySchool,
    studentsBySchool,
    unitsByProvider,
    areas: sorted(areas),
    professions: sorted(professions),
    clearances: sorted(clearances),
    supervisorIds,
    needIds,
  };
}
