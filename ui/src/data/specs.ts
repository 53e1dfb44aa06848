import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';
import type { EditProblem, EntityKind } from '../bindings';
import type { Language } from '../i18n/languages';
import { programmeGrid, providerGrid, schoolGrid, studentGrid, unitGrid, type GridSpec } from './columns';
import type { FormProps } from './forms/env';
import { ProgrammeForm } from './forms/ProgrammeForm';
import { ProviderForm } from './forms/ProviderForm';
import { SchoolForm } from './forms/SchoolForm';
import { StudentForm } from './forms/StudentForm';
import { UnitForm } from './forms/UnitForm';
import {
  blankProgramme,
  blankProvider,
  blankSchool,
  blankStudent,
  blankUnit,
  programmeDraft,
  programmeValue,
  providerDraft,
  providerValue,
  schoolDraft,
  schoolValue,
  studentDraft,
  studentValue,
  unitDraft,
  unitValue,
  type JsonObject,
  type ListKind,
  type Programme,
  type ProgrammeDraft,
  type Provider,
  type ProviderDraft,
  type Scenario,
  type School,
  type SchoolDraft,
  type Student,
  type StudentDraft,
  type Unit,
  type UnitDraft,
} from './model';
import type { Vocabulary } from './vocabulary';

/** Everything the workbench needs to list, add, edit and remove one kind of entry. */
export type ListSpec<E extends { id: string }, D> = {
  kind: ListKind & EntityKind;
  entries: (s: Scenario) => E[];
  toDraft: (entry: E) => D;
  toValue: (draft: D) => JsonObject;
  blank: (s: Scenario) => D;
  Form: ComponentType<FormProps<D>>;
  grid: (context: { t: TFunction; language: Language; vocabulary: Vocabulary }) => GridSpec<E>;
  localProblems?: (draft: D, t: TFunction) => EditProblem[];
};

export const schoolSpec: ListSpec<School, SchoolDraft> = {
  kind: 'school',
  entries: (s) => s.schools,
  toDraft: schoolDraft,
  toValue: schoolValue,
  blank: blankSchool,
  Form: SchoolForm,
  grid: schoolGrid,
};

export const programmeSpec: ListSpec<Programme, ProgrammeDraft> = {
  kind: 'programme',
  entries: (s) => s.programmes,
  toDraft: programmeDraft,
  toValue: programmeValue,
  blank: blankProgramme,
  Form: ProgrammeForm,
  grid: programmeGrid,
};

export const providerSpec: ListSpec<Provider, ProviderDraft> = {
  kind: 'provider',
  entries: (s) => s.providers,
  toDraft: providerDraft,
  toValue: providerValue,
  blank: blankProvider,
  Form: ProviderForm,
  grid: providerGrid,
};

export const unitSpec: ListSpec<Unit, UnitDraft> = {
  kind: 'unit',
  entries: (s) => s.units,
  toDraft: unitDraft,
  toValue: unitValue,
  blank: blankUnit,
  Form: UnitForm,
  grid: unitGrid,
  localProblems: (draft, t) => {
    // A team is sent as an object keyed by profession: a blank or repeated profession would be
    // lost on the way, so the form names it before anything is sent.
    if (!draft.ipl) return [];
    const problems: EditProblem[] = [];
    draft.ipl.team.forEach((member, i) => {
      const profession = member.profession.trim();
      const field = `ipl.team[${i}]`;
      if (profession === '') problems.push({ path: field, field, message: t('data.local.teamProfessionEmpty') });
      else if (draft.ipl?.team.slice(0, i).some((m) => m.profession.trim() === profession))
        problems.push({ path: field, field, message: t('data.local.teamProfessionTwice', { profession }) });
    });
    return problems;
  },
};

export const studentSpec: ListSpec<Student, StudentDraft> = {
  kind: 'student',
  entries: (s) => s.students,
  toDraft: studentDraft,
  toValue: studentValue,
  blank: blankStudent,
  Form: StudentForm,
  grid: studentGrid,
};
