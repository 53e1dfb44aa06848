import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  commands,
  type ChangeCheck_Serialize,
  type ManualChange,
  type PlacementView_Serialize,
  type PlanDetails_Serialize,
  type Scenario_Serialize,
  type Supervisor_Serialize,
  type Unit_Serialize,
  type UnplacedView_Serialize,
} from '../bindings';
import { ErrorNotice } from '../components/ErrorNotice';
import { LoadStatus } from '../components/LoadStatus';
import { ViolationList } from '../components/ViolationList';
import { useLanguage } from '../i18n/useLanguage';
import { describeAppError, describeUnexpected, type ErrorView } from '../lib/errors';
import { nameCollator } from '../lib/format';
import type { LoadState } from '../lib/useCommand';
import { formatWeek } from '../lib/weeks';
import { areaLabel } from './labels';
import { Modal } from './Modal';
import { formatCost, formatWeekSpan } from './planFormat';
import type { ScenarioIndex } from './scenarioIndex';

/** The need a coordinator moves, places or takes out, with where it is now (if placed). */
export type MoveTarget = {
  need: string;
  studentName: string;
  programme: string;
  programmeName: string;
  area: string;
  weeks: number;
  current: { unit: string; unitName: string; supervisor: string; start: string; end: string } | null;
};

export function moveTargetOfPlacement(p: PlacementView_Serialize): MoveTarget {
  return {
    need: p.need,
    studentName: p.student_name,
    programme: p.programme,
    programmeName: p.programme_name,
    area: p.area,
    weeks: p.weeks,
    current: { unit: p.unit, unitName: p.unit_name, supervisor: p.supervisor, start: p.start, end: p.end },
  };
}

export function moveTargetOfUnplaced(u: UnplacedView_Serialize): MoveTarget {
  return {
    need: u.need,
    studentName: u.student_name,
    programme: u.programme,
    programmeName: u.programme_name,
    area: u.area,
    weeks: u.weeks,
    current: null,
  };
}

type Props = {
  termId: string;
  target: MoveTarget;
  /** The term's open weeks, in order. */
  openWeeks: string[];
  scenario: { state: LoadState<Scenario_Serialize>; index: ScenarioIndex | null; reload: () => void };
  onClose: () => void;
  onApplied: (details: PlanDetails_Serialize) => void;
};

type CheckState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'done'; check: ChangeCheck_Serialize }
  | { status: 'failed'; view: ErrorView };

type ProviderGroup = { provider: string; units: Unit_Serialize[] };

/**
 * A change by hand to one need: a unit offering its area, a supervisor there of the student's
 * profession, and a first week, or taking it out of the plan. Every choice is checked at once
 * against every rule, with the cost before and after; the change is made only with a reason and
 * when it breaks no rule.
 */
export function MoveDialog({ termId, target, openWeeks, scenario, onClose, onApplied }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ids = { mode: useId(), unit: useId(), supervisor: useId(), start: useId(), reason: useId(), hint: useId() };
  const { index } = scenario;

  const [mode, setMode] = useState<'place' | 'unplace'>('place');
  const [unit, setUnit] = useState(target.current?.unit ?? '');
  const [supervisorChoice, setSupervisor] = useState(target.current?.supervisor ?? '');
  const [startChoice, setStart] = useState(target.current?.start ?? '');
  const [reason, setReason] = useState('');
  const [check, setCheck] = useState<CheckState>({ status: 'idle' });
  const [applying, setApplying] = useState(false);
  const [applyError, setApplyError] = useState<ErrorView | null>(null);

  const needEntry = index?.needs.get(target.need);
  const programme = index?.programmes.get(target.programme);
  const level = programme ? index?.schools.get(programme.school)?.level : undefined;

  const groups = useMemo<ProviderGroup[]>(() => {
    if (!index) return [];
    const collator = nameCollator(language);
    const ipl = needEntry?.need.ipl;
    const candidates = (index.unitsByArea.get(target.area) ?? []).filter(
      (u) => (ipl === undefined || (u.ipl != null) === ipl) && (!level || u.levels.includes(level)),
    );
    const current = target.current ? index.units.get(target.current.unit) : undefined;
    if (current && !candidates.includes(current)) candidates.push(current);
    const byProvider = new Map<string, Unit_Serialize[]>();
    for (const u of candidates) {
      const name = index.providerNames.get(u.provider) ?? u.provider;
      const list = byProvider.get(name);
      if (list) list.push(u);
      else byProvider.set(name, [u]);
    }
    return [...byProvider]
      .sort(([a], [b]) => collator.compare(a, b))
      .map(([provider, units]) => ({ provider, units: units.sort((a, b) => collator.compare(a.name, b.name)) }));
  }, [index, needEntry, level, target, language]);

  const chosenUnit = index && unit ? index.units.get(unit) : undefined;

  const supervisors = useMemo<Supervisor_Serialize[]>(() => {
    if (!chosenUnit) return [];
    const eligible = chosenUnit.supervisors.filter((s) => !programme || s.profession === programme.profession);
    // Trained supervisors first when the programme demands training.
    return programme?.trained_supervisor_required ? [...eligible].sort((a, b) => Number(b.trained) - Number(a.trained)) : eligible;
  }, [chosenUnit, programme]);
  const supervisor = supervisors.some((s) => s.id === supervisorChoice) ? supervisorChoice : (supervisors[0]?.id ?? '');

  const starts = useMemo(() => {
    const weeks = Math.max(1, target.weeks);
    const fitting = openWeeks.map((week, i) => ({ week, i })).filter(({ i }) => i + weeks <= openWeeks.length);
    const need = needEntry?.need;
    const inWindow = fitting.filter(
      ({ week, i }) => (!need?.earliest || week >= need.earliest) && (!need?.latest || openWeeks[i + weeks - 1]! <= need.latest),
    );
    const iplStarts = chosenUnit?.ipl?.starts;
    const onWard = iplStarts ? inWindow.filter(({ week }) => iplStarts.includes(week)) : inWindow;
    const list = (onWard.length > 0 ? onWard : fitting).map(({ week }) => week);
    if (target.current && !list.includes(target.current.start) && openWeeks.includes(target.current.start)) {
      list.push(target.current.start);
      list.sort();
    }
    return list;
  }, [openWeeks, target, needEntry, chosenUnit]);
  const start = starts.includes(startChoice) ? startChoice : (starts[0] ?? '');

  const change: ManualChange | null =
    mode === 'unplace'
      ? { kind: 'unplace', need: target.need }
      : unit && supervisor && start
        ? { kind: 'place', need: target.need, unit, supervisor, start }
        : null;
  const unchanged =
    change?.kind === 'place' &&
    target.current !== null &&
    change.unit === target.current.unit &&
    change.supervisor === target.current.supervisor &&
    change.start === target.current.start;
  const changeKey = change && !unchanged ? JSON.stringify(change) : '';

  // Check every new choice at once; an answer to an earlier choice is dropped.
  const latest = useRef(0);
  useEffect(() => {
    const ask = ++latest.current;
    if (!changeKey) {
      setCheck({ status: 'idle' });
      return;
    }
    setCheck({ status: 'checking' });
    setApplyError(null);
    commands
      .checkPlanChange(termId, JSON.parse(changeKey) as ManualChange)
      .then((result) => {
        if (ask !== latest.current) return;
        setCheck(result.status === 'ok' ? { status: 'done', check: result.data } : { status: 'failed', view: describeAppError(result.error, t) });
      })
      .catch((error: unknown) => {
        if (ask === latest.current) setCheck({ status: 'failed', view: describeUnexpected(error, t) });
      });
  }, [termId, changeKey, t]);

  const broken = check.status === 'done' && check.check.violations.length > 0;
  const canApply = Boolean(change) && !unchanged && check.status === 'done' && !broken && reason.trim() !== '' && !applying;

  const apply = async () => {
    if (!change || !canApply) return;
    setApplying(true);
    setApplyError(null);
    try {
      const result = await commands.applyPlanChange(termId, change, reason.trim());
      if (result.status === 'ok') {
        onApplied(result.data);
        return;
      }
      setApplyError(describeAppError(result.error, t));
    } catch (error: unknown) {
      setApplyError(describeUnexpected(error, t));
    }
    setApplying(false);
  };

  const weeksText = t('plan.unplaced.weeks', { count: target.weeks });
  const title = target.current ? t('plan.move.titleMove') : t('plan.move.titlePlace');

  return (
    <Modal title={title} onClose={onClose} testId="move-dialog">
      <form
        className="plan-form"
        onSubmit={(event) => {
          event.preventDefault();
          void apply();
        }}
      >
        <p className="plan-form__lead">
          {t('plan.move.need', {
            student: target.studentName,
            programme: target.programmeName,
            area: areaLabel(target.area, t),
            weeks: weeksText,
          })}
        </p>
        <p className="plan-form__muted">
          {target.current
            ? t('plan.move.current', {
                unit: target.current.unitName,
                weeks: formatWeekSpan(target.current.start, target.current.end, language),
              })
            : t('plan.move.currentUnplaced')}
        </p>

        {target.current && (
          <fieldset className="plan-form__modes">
            <legend className="sr-only">{title}</legend>
            <label>
              <input
                type="radio"
                name={ids.mode}
                checked={mode === 'place'}
                onChange={() => setMode('place')}
                data-testid="move-mode-place"
              />{' '}
              {t('plan.move.modePlace')}
            </label>
            <label>
              <input
                type="radio"
                name={ids.mode}
                checked={mode === 'unplace'}
                onChange={() => setMode('unplace')}
                data-testid="move-unplace"
              />{' '}
              {t('plan.move.modeUnplace')}
            </label>
          </fieldset>
        )}

        {mode === 'place' && !index && (
          <LoadStatus state={scenario.state} onRetry={scenario.reload} loadingText={t('plan.move.loadingScenario')} />
        )}

        {mode === 'place' && index && (
          <div className="plan-form__grid">
            <label htmlFor={ids.unit}>{t('plan.move.unit')}</label>
            <div>
              <select id={ids.unit} value={unit} onChange={(event) => setUnit(event.target.value)} data-testid="move-unit">
                {!unit && <option value="">{t('plan.move.choose')}</option>}
                {groups.map((group) => (
                  <optgroup key={group.provider} label={group.provider}>
                    {group.units.map((u) => {
                      const rank = needEntry ? needEntry.need.preferences.indexOf(u.id) + 1 : 0;
                      return (
                        <option key={u.id} value={u.id}>
                          {rank > 0 ? `${u.name} (${t('plan.move.preferred', { rank })})` : u.name}
                        </option>
                      );
                    })}
                  </optgroup>
                ))}
              </select>
              {groups.length === 0 && <p className="plan-form__muted">{t('plan.move.noUnits', { area: areaLabel(target.area, t) })}</p>}
            </div>

            <label htmlFor={ids.supervisor}>{t('plan.move.supervisor')}</label>
            <div>
              <select
                id={ids.supervisor}
                value={supervisor}
                onChange={(event) => setSupervisor(event.target.value)}
                disabled={!chosenUnit || supervisors.length === 0}
                data-testid="move-supervisor"
              >
                {supervisors.length === 0 && <option value="">{t('plan.move.choose')}</option>}
                {supervisors.map((s) => (
                  <option key={s.id} value={s.id}>
                    {t(s.trained ? 'plan.move.supervisorTrained' : 'plan.move.supervisorUntrained', { id: s.id, count: s.max_students })}
                  </option>
                ))}
              </select>
              {chosenUnit && supervisors.length === 0 && <p className="plan-form__muted">{t('plan.move.noSupervisors')}</p>}
            </div>

            <label htmlFor={ids.start}>{t('plan.move.start')}</label>
            <div>
              <select id={ids.start} value={start} onChange={(event) => setStart(event.target.value)} data-testid="move-start">
                {starts.map((week) => (
                  <option key={week} value={week}>
                    {formatWeek(week, { language, withYear: true })}
                  </option>
                ))}
              </select>
            </div>
          </div>
        )}

        <div className="plan-check" aria-live="polite" data-testid="move-check">
          {unchanged && <p className="plan-form__muted">{t('plan.move.unchanged')}</p>}
          {check.status === 'checking' && (
            <p className="status" role="status">
              <span className="spinner" aria-hidden="true" />
              {t('plan.move.checking')}
            </p>
          )}
          {check.status === 'failed' && <ErrorNotice view={check.view} />}
          {check.status === 'done' && (
            <>
              {broken ? (
                <div className="plan-check__broken">
                  <p className="plan-check__title">{t('plan.move.broken')}</p>
                  <ViolationList violations={check.check.violations} />
                </div>
              ) : (
                <p className="plan-check__ok" data-testid="move-ok">
                  {t('plan.move.ok')}
                </p>
              )}
              <CostChange before={check.check.cost_before} after={check.check.cost_after} />
            </>
          )}
        </div>

        <div className="plan-form__field">
          <label htmlFor={ids.reason}>{t('plan.move.reason')}</label>
          <textarea
            id={ids.reason}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            rows={2}
            required
            aria-describedby={ids.hint}
            data-testid="move-reason"
          />
          <span id={ids.hint} className="plan-form__hint">
            {t('plan.move.reasonHint')}
          </span>
        </div>

        {applyError && <ErrorNotice view={applyError} />}

        <div className="plan-form__actions">
          <button type="submit" className="button" disabled={!canApply} data-testid="move-apply">
            {applying ? t('plan.move.applying') : t('plan.move.apply')}
          </button>
          <button type="button" className="button plan-btn--secondary" onClick={onClose} data-testid="move-cancel">
            {t('plan.move.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function CostChange({ before, after }: { before: number | null; after: number | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const none = t('plan.notAvailable');
  const direction =
    before !== null && after !== null ? (after < before ? 'plan-cost--better' : after > before ? 'plan-cost--worse' : '') : '';
  return (
    <p className={`plan-cost ${direction}`} data-testid="move-cost">
      <span className="plan-cost__label">{t('plan.move.cost')}: </span>
      {t('plan.move.costChange', { before: formatCost(before, language) ?? none, after: formatCost(after, language) ?? none })}
    </p>
  );
}
