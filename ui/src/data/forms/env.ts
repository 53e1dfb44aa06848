import type { Language } from '../../i18n/languages';
import type { Option } from '../fields';
import { move, removeAt, replaceAt, type Scenario } from '../model';
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

type ListKey<D> = { [K in keyof D]: D[K] extends readonly unknown[] ? K : never }[keyof D];
type ItemOf<L> = L extends readonly (infer I)[] ? I : never;

/** Edits one nested list of a draft (needs, capacity, supervisors, remit), each edit through `update`. */
export function draftList<D, K extends ListKey<D>>(update: FormProps<D>['update'], key: K) {
  type Item = ItemOf<D[K]>;
  const edit = (change: (list: readonly Item[], draft: D) => Item[]) =>
    update((d) => ({ ...d, [key]: change(d[key] as unknown as readonly Item[], d) }));
  return {
    add: (blank: (draft: D) => Item) => edit((list, d) => [...list, blank(d)]),
    remove: (index: number) => edit((list) => removeAt(list, index)),
    change: (index: number, change: (item: Item) => Item) => edit((list) => replaceAt(list, index, change(list[index] as Item))),
    move: (from: number, to: number) => edit((list) => move(list, from, to)),
  };
}

/** The programmes as choices, each with its school ("Sjuksköterskeprogrammet (Karolinska Institutet)"). */
export function programmeOptions(env: FormEnv): Option[] {
  return env.scenario.programmes.map((p) => ({
    value: p.id,
    label: `${p.name} (${env.vocabulary.schools.get(p.school)?.name ?? p.school})`,
  }));
}
