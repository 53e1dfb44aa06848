import type { TFunction } from 'i18next';
import type { Level } from '../bindings';

/** Names for the words of the scenario format the overview shows (areas and professions: lib/vocabulary). */

export { areaName, professionName, readableWord } from '../lib/vocabulary';

export function levelName(level: Level, t: TFunction): string {
  return t(`overview.levels.${level}`);
}

/** Public, private, or not stated. */
export function ownershipName(ownership: string | null | undefined, t: TFunction): string {
  if (ownership === 'public') return t('overview.ownership.public');
  if (ownership === 'private') return t('overview.ownership.private');
  return t('overview.ownership.unknown');
}
