/**
 * The plan's filters (school, programme, provider, area and a text search on student and unit)
 * and how they apply to placements, unplaced needs and remits.
 */

import type { TFunction } from 'i18next';
import type { PlacementView_Serialize, PlanReview_Serialize, RemitUse_Serialize, UnplacedView_Serialize } from '../bindings';
import { areaLabel } from './labels';

export type PlanFilter = {
  school: string;
  programme: string;
  provider: string;
  area: string;
  /** Free text matched against student and unit names (and their ids). */
  text: string;
};

export const NO_FILTER: PlanFilter = { school: '', programme: '', provider: '', area: '', text: '' };

export function isFiltering(filter: PlanFilter): boolean {
  return Boolean(filter.school || filter.programme || filter.provider || filter.area || filter.text.trim());
}

export type FilterOption = { value: string; label: string };

export type FilterOptions = {
  schools: FilterOption[];
  programmes: FilterOption[];
  providers: FilterOption[];
  areas: FilterOption[];
};

/** The choices of each filter: what occurs in the plan, named, in the reader's alphabetical order. */
export function filterOptions(
  review: PlanReview_Serialize,
  schoolNames: ReadonlyMap<string, string>,
  t: TFunction,
  collator: Intl.Collator,
): FilterOptions {
  const schools = new Map<string, string>();
  const programmes = new Map<string, string>();
  const providers = new Map<string, string>();
  const areas = new Map<string, string>();
  const addSchool = (id: string) => {
    if (!schools.has(id)) schools.set(id, schoolNames.get(id) ?? id);
  };
  const addArea = (id: string) => {
    if (!areas.has(id)) areas.set(id, areaLabel(id, t));
  };
  for (const p of review.placements) {
    addSchool(p.school);
    programmes.set(p.programme, p.programme_name);
    providers.set(p.provider, p.provider_name);
    addArea(p.area);
  }
  for (const u of review.unplaced) {
    addSchool(u.school);
    programmes.set(u.programme, u.programme_name);
    addArea(u.area);
  }
  for (const r of review.remits) {
    programmes.set(r.programme, r.programme_name);
    providers.set(r.provider, r.provider_name);
  }
  const sorted = (map: Map<string, string>) =>
    [...map].map(([value, label]) => ({ value, label })).sort((a, b) => collator.compare(a.label, b.label));
  return { schools: sorted(schools), programmes: sorted(programmes), providers: sorted(providers), areas: sorted(areas) };
}

const searchKeys = new WeakMap<object, string>();

function searchKey(item: object, parts: () => string[]): string {
  let key = searchKeys.get(item);
  if (key === undefined) {
    key = parts().join('\u0000').toLocaleLowerCase();
    searchKeys.set(item, key);
  }
  return key;
}

function needle(filter: PlanFilter): string {
  return filter.text.trim().toLocaleLowerCase();
}

export function filterPlacements(placements: PlacementView_Serialize[], filter: PlanFilter): PlacementView_Serialize[] {
  if (!isFiltering(filter)) return placements;
  const text = needle(filter);
  return placements.filter(
    (p) =>
      (!filter.school || p.school === filter.school) &&
      (!filter.programme || p.programme === filter.programme) &&
      (!filter.provider || p.provider === filter.provider) &&
      (!filter.area || p.area === filter.area) &&
      (!text || searchKey(p, () => [p.student_name, p.unit_name, p.student, p.unit, p.need]).includes(text)),
  );
}

/** Unplaced needs have no provider, so the provider filter leaves them be. */
export function filterUnplaced(unplaced: UnplacedView_Serialize[], filter: PlanFilter): UnplacedView_Serialize[] {
  if (!isFiltering(filter)) return unplaced;
  const text = needle(filter);
  return unplaced.filter(
    (u) =>
      (!filter.school || u.school === filter.school) &&
      (!filter.programme || u.programme === filter.programme) &&
      (!filter.area || u.area === filter.area) &&
      (!text || searchKey(u, () => [u.student_name, u.student, u.need]).includes(text)),
  );
}

/** Remits follow the provider, programme and school filters (a programme's school as the plan knows it). */
export function filterRemits(
  remits: RemitUse_Serialize[],
  filter: PlanFilter,
  programmeSchool: ReadonlyMap<string, string>,
): RemitUse_Serialize[] {
  if (!filter.school && !filter.programme && !filter.provider) return remits;
  return remits.filter(
    (r) =>
      (!filter.school || programmeSchool.get(r.programme) === filter.school) &&
      (!filter.programme || r.programme === filter.programme) &&
      (!filter.provider || r.provider === filter.provider),
  );
}

/** Which school gives each programme, from the plan's own rows. */
export function programmeSchools(review: PlanReview_Serialize): Map<string, string> {
  const map = new Map<string, string>();
  for (const p of review.placements) map.set(p.programme, p.school);
  for (const u of review.unplaced) map.set(u.programme, u.school);
  return map;
}
