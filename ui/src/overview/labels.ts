import type { TFunction } from 'i18next';
import type { Level } from '../bindings';

/**
 * Names for the words of the scenario format. Areas and professions are free words in a scenario;
 * the common ones have names in both languages, any other is shown as written (underscores as spaces).
 */

const AREAS = [
  'internal_medicine',
  'surgery',
  'geriatrics',
  'psychiatry',
  'primary_care',
  'emergency',
  'paediatrics',
  'orthopaedics',
  'obstetrics',
  'rehabilitation',
  'radiology',
  'laboratory',
  'cardiology',
  'oncology',
  'home_care',
  'elderly_care',
] as const;

const PROFESSIONS = [
  'nurse',
  'physician',
  'physiotherapist',
  'occupational_therapist',
  'biomedical_scientist',
  'radiographer',
  'midwife',
  'district_nurse',
  'medical_secretary',
  'assistant_nurse',
] as const;

type Area = (typeof AREAS)[number];
type Profession = (typeof PROFESSIONS)[number];

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** "home_care" → "Home care": a word the app has no name for, made readable but not hidden. */
export function readableWord(word: string): string {
  const spaced = word.replace(/_/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function areaName(area: string, t: TFunction): string {
  return isOneOf<Area>(AREAS, area) ? t(`overview.areas.${area}`) : readableWord(area);
}

export function professionName(profession: string, t: TFunction): string {
  return isOneOf<Profession>(PROFESSIONS, profession) ? t(`overview.professions.${profession}`) : readableWord(profession);
}

export function levelName(level: Level, t: TFunction): string {
  return t(`overview.levels.${level}`);
}

/** Public, private, or not stated. */
export function ownershipName(ownership: string | null | undefined, t: TFunction): string {
  if (ownership === 'public') return t('overview.ownership.public');
  if (ownership === 'private') return t('overview.ownership.private');
  return t('overview.ownership.unknown');
}
