import type { TFunction } from 'i18next';

/**
 * Professions, areas and clearances are free words in the scenario format ("nurse",
 * "internal_medicine"). Known ones are shown in the UI's language ("Sjuksköterska"); any other
 * word is shown as written, made readable ("home_care" → "Home care"), never hidden.
 */
type Group = 'professions' | 'areas' | 'clearances';

function word(group: Group, value: string, t: TFunction): string {
  const key = `vocabulary.${group}.${value}`;
  const translated = t(key as never, { defaultValue: '' }) as unknown as string;
  return translated && translated !== key ? translated : readableWord(value);
}

/** "home_care" → "Home care": a word the app has no name for, made readable but not hidden. */
export function readableWord(value: string): string {
  const spaced = value.replace(/_/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A name as it reads inside a sentence: "Internmedicin" → "internmedicin", but "MRSA-screening" stays. */
export function inSentence(name: string): string {
  const second = name.charAt(1);
  return second && second === second.toUpperCase() && second !== second.toLowerCase()
    ? name
    : name.charAt(0).toLowerCase() + name.slice(1);
}

/** The name of a known word, or nothing (for showing beside a word the user typed). */
function knownName(group: Group, value: string, t: TFunction): string | undefined {
  const name = word(group, value, t);
  return name === readableWord(value) ? undefined : name;
}

export const knownArea = (value: string, t: TFunction) => knownName('areas', value, t);
export const knownClearance = (value: string, t: TFunction) => knownName('clearances', value, t);

export const professionName = (value: string, t: TFunction) => word('professions', value, t);
export const areaName = (value: string, t: TFunction) => word('areas', value, t);
export const clearanceName = (value: string, t: TFunction) => word('clearances', value, t);
