/**
 * The term's scenario, loaded once per visit of a plan screen, and indexed for what those screens
 * ask of it: names of schools, students and units, a need with its student, the units offering an
 * area. Loaded afresh on each visit, so edits made on the data tab are seen.
 */

import { useMemo } from 'react';
import {
  commands,
  type Need_Serialize,
  type Programme,
  type Scenario_Serialize,
  type School,
  type Student_Serialize,
  type Unit_Serialize,
} from '../bindings';
import { useCommand, type LoadState } from '../lib/useCommand';

export type ScenarioIndex = {
  scenario: Scenario_Serialize;
  schools: Map<string, School>;
  programmes: Map<string, Programme>;
  providerNames: Map<string, string>;
  units: Map<string, Unit_Serialize>;
  students: Map<string, Student_Serialize>;
  needs: Map<string, { need: Need_Serialize; student: Student_Serialize }>;
  /** Units by each area they offer. */
  unitsByArea: Map<string, Unit_Serialize[]>;
  /** School names by id. */
  schoolNames: Map<string, string>;
};

export function indexScenario(scenario: Scenario_Serialize): ScenarioIndex {
  const schools = new Map(scenario.schools.map((s) => [s.id, s]));
  const programmes = new Map(scenario.programmes.map((p) => [p.id, p]));
  const providerNames = new Map(scenario.providers.map((p) => [p.id, p.name]));
  const units = new Map(scenario.units.map((u) => [u.id, u]));
  const students = new Map(scenario.students.map((s) => [s.id, s]));
  const needs = new Map<string, { need: Need_Serialize; student: Student_Serialize }>();
  for (const student of scenario.students) {
    for (const need of student.needs) needs.set(need.id, { need, student });
  }
  const unitsByArea = new Map<string, Unit_Serialize[]>();
  for (const unit of scenario.units) {
    for (const area of unit.areas) {
      const list = unitsByArea.get(area);
      if (list) list.push(unit);
      else unitsByArea.set(area, [unit]);
    }
  }
  const schoolNames = new Map(scenario.schools.map((s) => [s.id, s.name]));
  return { scenario, schools, programmes, providerNames, units, students, needs, unitsByArea, schoolNames };
}

/** Loads the term's scenario once for the screen that calls it, with its index. */
export function useScenarioIndex(termId: string): { state: LoadState<Scenario_Serialize>; index: ScenarioIndex | null; reload: () => void } {
  const { state, reload } = useCommand(() => commands.termScenario(termId), [termId]);
  const scenario = state.status === 'ready' ? state.data : null;
  const index = useMemo(() => (scenario ? indexScenario(scenario) : null), [scenario]);
  return { state, index, reload };
}
