import type { TFunction } from 'i18next';
import type { Level, RemitReached, UnitSample, UnplacedView_Serialize, WeekSpan } from '../bindings';
import type { Language } from '../i18n/languages';
import { formatCount } from '../lib/format';
import { joinList } from '../lib/violations';
import { areaName, clearanceName, inSentence, professionName } from '../lib/vocabulary';
import { formatWeekRange } from '../lib/weeks';

/**
 * Why a need is unplaced, as a sentence in the UI's language, from the engine's facts. Without
 * facts (a plan imported from a file, a need taken out by hand) the stored `detail` is shown:
 * it is the plan file's own sentence.
 */
export function describeUnplaced(unplaced: UnplacedView_Serialize, t: TFunction, language: Language): string {
  const facts = unplaced.facts;
  if (!facts) return unplaced.detail;
  const area = (code: string) => inSentence(areaName(code, t));
  const profession = (code: string) => inSentence(professionName(code, t));
  const who = (level: Level | null, code: string) =>
    level
      ? t('plan.unplaced.facts.whoAtLevel', { profession: profession(code), level: t(`plan.unplaced.facts.levels.${level}`) })
      : t('plan.unplaced.facts.who', { profession: profession(code) });
  // Units and providers by name where the scenario still has them, else by id.
  const named = (id: string) => unplaced.names[id] ?? id;
  // A unit's name may hold a comma ("Avdelning 12, internmedicin"): names are then kept apart
  // by semicolons.
  const separator = (names: string[]) => (names.some((n) => n.includes(',')) ? '; ' : ', ');
  const list = (names: string[]) => joinList(names, t, separator(names));
  const units = (sample: UnitSample) => {
    const more = sample.total - sample.first.length;
    const names = sample.first.map(named);
    return more > 0
      ? t('plan.unplaced.facts.moreUnits', { units: names.join(separator(names)), count: more })
      : list(names);
  };
  const weeks = (count: number) => t('plan.unplaced.facts.weeksRunning', { count });
  const range = (first: string, last: string) => formatWeekRange(first, last, language);
  // The remit is the need's own programme: the row has its name.
  const programme = (id: string) => (id === unplaced.programme ? unplaced.programme_name : id);
  const providers = (reached: RemitReached[]) =>
    list(
      reached.map((r) =>
        t('plan.unplaced.facts.remitProvider', {
          provider: named(r.provider),
          count: r.max_student_weeks,
          formattedCount: formatCount(r.max_student_weeks, language),
        }),
      ),
    );

  // The units that take the student, and the weeks running the need asks for in its window.
  const unitsInWindow = (f: {
    units: UnitSample;
    level: Level | null;
    profession: string;
    area: string;
    weeks: number;
    window: WeekSpan;
  }) => ({
    count: f.units.total,
    who: who(f.level, f.profession),
    area: area(f.area),
    units: units(f.units),
    profession: profession(f.profession),
    weeks: weeks(f.weeks),
    range: range(f.window.first, f.window.last),
  });

  switch (facts.kind) {
    case 'no_unit_offers_area':
      return t(facts.ipl ? 'plan.unplaced.facts.noWardOffersArea' : 'plan.unplaced.facts.noUnitOffersArea', {
        area: area(facts.area),
      });
    case 'no_unit_fits': {
      const why: string[] = [];
      if (facts.missing_clearances.length > 0) {
        const clearances = joinList(
          facts.missing_clearances.map((c) => inSentence(clearanceName(c, t))),
          t,
        );
        why.push(t('plan.unplaced.facts.lacks', { clearances }));
      }
      if (facts.minor) why.push(t('plan.unplaced.facts.minor'));
      if (facts.excluded_units.length > 0) {
        why.push(t('plan.unplaced.facts.excludes', { units: list(facts.excluded_units.map(named)) }));
      }
      const values = { count: facts.offering, area: area(facts.area), who: who(facts.level, facts.profession) };
      return why.length > 0
        ? t('plan.unplaced.facts.noUnitFitsBecause', { ...values, why: why.join('; ') })
        : t('plan.unplaced.facts.noUnitFits', values);
    }
    case 'window_too_short':
      return t('plan.unplaced.facts.windowTooShort', { count: facts.weeks });
    case 'no_places':
      return t('plan.unplaced.facts.noPlaces', unitsInWindow(facts));
    case 'no_supervisor':
      return t(
        facts.trained_required ? 'plan.unplaced.facts.noTrainedSupervisor' : 'plan.unplaced.facts.noSupervisor',
        unitsInWindow(facts),
      );
    case 'no_team':
      return t('plan.unplaced.facts.noTeam', { wards: units(facts.wards) });
    case 'student_conflict':
      return t('plan.unplaced.facts.studentConflict', { range: range(facts.window.first, facts.window.last) });
    case 'remit_maximum':
      return t('plan.unplaced.facts.remitMaximum', {
        programme: programme(facts.programme),
        providers: providers(facts.providers),
      });
    case 'cheaper_unplaced':
      return t('plan.unplaced.facts.cheaperUnplaced', { count: facts.eligible_units });
    case 'taken_out':
      return t('plan.unplaced.facts.takenOut', { note: facts.note });
    case 'units_blocked': {
      const causes: string[] = [];
      if (facts.full_units > 0) {
        const first = facts.full_weeks[0] ?? facts.window.first;
        const last = facts.full_weeks[facts.full_weeks.length - 1] ?? facts.window.last;
        causes.push(t('plan.unplaced.facts.full', { count: facts.full_units, range: range(first, last) }));
      }
      if (facts.supervisors_out) {
        causes.push(
          t('plan.unplaced.facts.supervisorsOut', {
            units: units(facts.supervisors_out),
            profession: profession(facts.profession),
            weeks: weeks(facts.weeks),
          }),
        );
      }
      if (facts.remits.length > 0) {
        causes.push(
          t('plan.unplaced.facts.remitsReached', {
            programme: programme(facts.programme),
            providers: providers(facts.remits),
          }),
        );
      }
      if (facts.clashes) causes.push(t('plan.unplaced.facts.clashes'));
      // The engine never blocks a need without a cause; if it did, its own sentence says more.
      if (causes.length === 0) return unplaced.detail;
      const lead = t('plan.unplaced.facts.blockedLead', {
        count: facts.units.total,
        who: who(facts.level, facts.profession),
        area: area(facts.area),
        units: units(facts.units),
      });
      return t('plan.unplaced.facts.blocked', { lead, causes: causes.join('; ') });
    }
    default:
      return unplaced.detail;
  }
}
