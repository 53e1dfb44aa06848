import type { TFunction } from 'i18next';

/**
 * Professions, areas and clearances are free words in the scenario format ("nurse",
 * "internal_medicine"). Known ones are shown in the UI's language; any other word is shown as
 * written, so a region's own words still read.
 */
type Group = 'professions' | 'areas' | 'clearances';

function word(group: Group, value: string, t: TFunction): string {
  const key = `vocabulary.${group}.${value}`;
  const translated = t(key as never, { defaultValue: '' }) as unknown as string;
  return translated && translated !== key ? translated : value.replaceAll('_', ' ');
}

export const professionName = (value: string, t: TFunction) => word('professions', value, t);
export const areaName = (value: string, t: TFunction) => word('areas', value, t);
export const clearanceName = (value: string, t: TFunction) => word('clearances', value, t);
