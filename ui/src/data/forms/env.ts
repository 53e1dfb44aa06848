import type { Language } from '../../i18n/languages';
import type { Option } from '../fields';
import type { Scenario } from '../model';
import type { WeekOption } from '../termWeeks';
import type { Vocabulary } from '../vocabulary';

/** What every form looks things up in: the scenario as saved and its words and weeks. */
export type FormEnv = {
  scenario: Scenario;
  vocabulary: Vocabulary;
  language: Language;
  /** The term's weeks, for week choices. */
  weeks: WeekOption[];
  /** Suggestions built once per scenario. */
  areaOptions: Option[];
  professionOptions: Option[];
  clearanceOptions: Option[];
  unitOptions: Option[];
};

export type FormProps<D> = {
  draft: D;
  update: (change: (draft: D) => D) => void;
  env: FormEnv;
};
