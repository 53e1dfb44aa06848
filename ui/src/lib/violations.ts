import type { TFunction } from 'i18next';
import type { Facts, Violation } from '../bindings';
import type { Language } from '../i18n/languages';
import { formatCount } from './format';
import { areaName, clearanceName, inSentence, professionName } from './vocabulary';
import { formatWeek } from './weeks';

/**
 * A broken rule as a sentence in the UI's language, from the checker's facts ("Avdelning 12 has
 * 4 nurse places in v. 38; this would be student number 5"). Without facts, the checker's own
 * sentence is shown.
 */
export function describeViolation(violation: Violation, t: TFunction, language: Language): string {
  const facts = violation.facts as Facts | null | undefined;
  if (!facts) return violation.message;
  const week = (w: string) => formatWeek(w, { language });
  const weeks = (ws: string[]) => joinList(ws.map(week), t);
  const span = (from: string, to: string) => (from === to ? week(from) : `${week(from)}–${week(to)}`);
  const n = (value: number) => formatCount(value, language);
  switch (facts.kind) {
    case 'start_not_open':
      return t('violations.start_not_open', { start: week(facts.start) });
    case 'runs_past_term':
      return t('violations.runs_past_term', { start: week(facts.start), last: week(facts.last) });
    case 'starts_too_early':
      return t('violations.starts_too_early', { start: week(facts.start), earliest: week(facts.earliest) });
    case 'ends_too_late':
      return t('violations.ends_too_late', { end: week(facts.end), latest: week(facts.latest) });
    case 'area_not_offered':
      return t('violations.area_not_offered', { unit: facts.unit_name, area: inSentence(areaName(facts.area, t)) });
    case 'level_not_taken':
      return t('violations.level_not_taken', { unit: facts.unit_name, level: t(`violations.levels.${facts.level}`) });
    case 'minor_not_accepted':
      return t('violations.minor_not_accepted', { unit: facts.unit_name, student: facts.student_name });
    case 'excluded_unit':
      return t('violations.excluded_unit', { unit: facts.unit_name, student: facts.student_name });
    case 'missing_clearances':
      return t('violations.missing_clearances', {
        unit: facts.unit_name,
        student: facts.student_name,
        missing: joinList(
          facts.missing.map((c) => inSentence(clearanceName(c, t))),
          t,
        ),
      });
    case 'not_a_team_placement':
      return t(facts.training_ward ? 'violations.not_a_team_placement_ward' : 'violations.not_a_team_placement_other', {
        unit: facts.unit_name,
      });
    case 'team_start_not_offered':
      return t('violations.team_start_not_offered', {
        unit: facts.unit_name,
        start: week(facts.start),
        starts: weeks(facts.starts),
      });
    case 'team_length':
      return t('violations.team_length', { unit: facts.unit_name, weeks: n(facts.weeks), teamWeeks: n(facts.team_weeks) });
    case 'supervisor_unknown':
      return t('violations.supervisor_unknown', { supervisor: facts.supervisor });
    case 'supervisor_not_at_unit':
      return t('violations.supervisor_not_at_unit', { supervisor: facts.supervisor, unit: facts.unit_name });
    case 'supervisor_profession':
      return t('violations.supervisor_profession', {
        supervisor: facts.supervisor,
        profession: inSentence(professionName(facts.profession, t)),
        needed: inSentence(professionName(facts.needed, t)),
      });
    case 'supervisor_untrained':
      return t('violations.supervisor_untrained', { supervisor: facts.supervisor, programme: facts.programme_name });
    case 'supervisor_away':
      return t('violations.supervisor_away', { supervisor: facts.supervisor, weeks: weeks(facts.weeks) });
    case 'unit_full':
      return t('violations.unit_full', {
        count: facts.places,
        unit: facts.unit_name,
        places: n(facts.places),
        profession: inSentence(professionName(facts.profession, t)),
        weeks: span(facts.from, facts.to),
        placed: n(facts.placed),
      });
    case 'supervisor_full':
      return t('violations.supervisor_full', {
        count: facts.max,
        supervisor: facts.supervisor,
        max: n(facts.max),
        placed: n(facts.placed),
        week: week(facts.week),
      });
    case 'supervisor_programme_full':
      return t('violations.supervisor_programme_full', {
        count: facts.max,
        supervisor: facts.supervisor,
        programme: facts.programme_name,
        max: n(facts.max),
        placed: n(facts.placed),
        week: week(facts.week),
      });
    case 'teams_not_whole': {
      const counts = (list: { profession: string; count: number }[]) =>
        joinList(
          list.map((c) => `${n(c.count)} ${inSentence(professionName(c.profession, t))}`),
          t,
        );
      return t('violations.teams_not_whole', {
        unit: facts.unit_name,
        team: counts(facts.team),
        present: counts(facts.present),
        start: week(facts.start),
      });
    }
    case 'team_strangers':
      return t('violations.team_strangers', {
        unit: facts.unit_name,
        start: week(facts.start),
        professions: joinList(
          facts.professions.map((p) => inSentence(professionName(p, t))),
          t,
        ),
      });
    case 'too_many_teams':
      return t('violations.too_many_teams', {
        count: facts.max_teams,
        unit: facts.unit_name,
        teams: n(facts.teams),
        start: week(facts.start),
      });
    case 'student_two_places':
      return t('violations.student_two_places', { student: facts.student_name, weeks: weeks(facts.weeks) });
    case 'remit_exceeded':
      return t('violations.remit_exceeded', {
        provider: facts.provider_name,
        programme: facts.programme_name,
        max: n(facts.max),
        placed: n(facts.placed),
      });
    case 'lock_not_kept':
      return t('violations.lock_not_kept', { unit: facts.unit, start: week(facts.start) });
    default:
      return violation.message;
  }
}

/** "a, b och c" / "a, b and c" (items apart by `separator`: "a; b och c" for items that hold commas). */
export function joinList(items: string[], t: TFunction, separator = ', '): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(separator)} ${t('violations.and')} ${items[items.length - 1]}`;
}
