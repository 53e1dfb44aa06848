import { emit } from '@tauri-apps/api/event';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ManualChange, MatchingOutcome_Serialize, MatchingProgress_Serialize, PlanDetails_Serialize } from '../bindings';
import { deferred } from '../test/backend';
import { plainSpaces } from '../test/fixtures';
import { PlanScreen } from './PlanScreen';
import { fail, fakeBackend, type Handler } from './testing/backend';
import { audit, bo, draft, outcome, scenario, TERM } from './testing/data';

function planBackend(overrides: Record<string, Handler> = {}) {
  return fakeBackend({
    plan_details: () => draft(),
    plan_audit: () => audit,
    term_scenario: () => scenario,
    ...overrides,
  });
}

async function renderPlan() {
  const user = userEvent.setup();
  render(<PlanScreen termId={TERM} />);
  await screen.findByTestId('placement-st-1-1');
  return user;
}

function text(element: Element | null): string {
  return plainSpaces(element?.textContent);
}

function progress(report: Partial<MatchingProgress_Serialize>): MatchingProgress_Serialize {
  return { term_id: TERM, phase: 'preparing', best_cost: null, bound: null, elapsed_seconds: 0, ...report };
}

describe('PlanScreen: the review of the draft', () => {
  it('shows the summary, the placements with weeks, wishes, travel and locks, and the unplaced needs with their reasons', async () => {
    const backend = planBackend();
    await renderPlan();

    expect(backend.argsOf('plan_details')).toEqual([{ termId: TERM, version: 0 }]);
    expect(text(screen.getByTestId('summary-cost'))).toBe('20 125,5');
    expect(text(screen.getByTestId('summary-bound'))).toBe('19 800');
    expect(text(screen.getByTestId('summary-gap'))).toBe('1,6 %');
    expect(screen.getByTestId('summary-placed')).toHaveTextContent('4');
    expect(screen.getByTestId('summary-unplaced')).toHaveTextContent('2');
    expect(screen.getByTestId('summary-status')).toHaveTextContent('Matchning, giltig');

    const alva = screen.getByTestId('placement-st-1-1');
    expect(within(alva).getByRole('rowheader')).toHaveTextContent('Alva Lindqvist');
    expect(alva).toHaveTextContent('Sjuksköterskeprogrammet');
    expect(alva).toHaveTextContent('Avdelning 12, internmedicin');
    expect(alva).toHaveTextContent('ks-avd12-h1');
    expect(alva).toHaveTextContent('v. 36–v. 40');
    expect(alva).toHaveTextContent('nr 1');
    expect(text(alva)).toContain('4,3 km');
    expect(alva).toHaveTextContent('Låst');
    expect(within(alva).getByTestId('lock-st-1-1')).toHaveTextContent('Lås upp');
    expect(within(alva).getByTestId('move-st-1-1')).toHaveTextContent('Flytta');

    const bo = screen.getByTestId('placement-st-2-1');
    expect(bo).toHaveTextContent('Öppen');
    expect(within(bo).getByTestId('lock-st-2-1')).toHaveTextContent(/^Lås$/);

    const eva = screen.getByTestId('unplaced-st-5-1');
    expect(eva).toHaveTextContent('Eva Holm');
    expect(eva).toHaveTextContent('Internmedicin');
    expect(eva).toHaveTextContent('4 veckor');
    expect(eva).toHaveTextContent('Ingen ledig plats');
    expect(eva).toHaveTextContent('alla är fullbelagda');
    expect(within(eva).getByTestId('place-st-5-1')).toHaveTextContent('Placera');
    const filip = screen.getByTestId('unplaced-st-6-1');
    expect(filip).toHaveTextContent('Ingen behörig enhet');
    expect(filip).toHaveTextContent('Geriatrik');
    // Filip's reason is worded in Swedish from the engine's facts, not the plan file's English sentence.
    expect(filip).toHaveTextContent(
      '2 enheter erbjuder geriatrik, men nivå, ålder, krav eller undantag utesluter dem alla för studenter som utbildar sig till undersköterska på gymnasium eller komvux (studenten är under 18 år).',
    );
    expect(filip).not.toHaveTextContent('none fits');
    // Highest priority first.
    const unplacedRows = screen.getAllByTestId(/^unplaced-/);
    expect(unplacedRows.map((row) => row.dataset.testid)).toEqual(['unplaced-st-5-1', 'unplaced-st-6-1']);
  });

  it('filters the timeline and the lists by programme, provider and text', async () => {
    planBackend();
    const user = await renderPlan();

    await user.type(screen.getByTestId('filter-text'), 'bo ek');
    await waitFor(() => expect(screen.queryByTestId('placement-st-1-1')).not.toBeInTheDocument());
    expect(screen.getByTestId('placement-st-2-1')).toBeInTheDocument();
    expect(screen.queryByTestId('unplaced-st-5-1')).not.toBeInTheDocument();
    expect(screen.getByText('Inga oplacerade behov matchar filtret.')).toBeInTheDocument();
    expect(text(screen.getByTestId('filter-count'))).toBe('Visar 1 av 4 placeringar och 0 av 2 oplacerade behov.');

    await user.click(screen.getByRole('button', { name: 'Rensa filter' }));
    await user.selectOptions(screen.getByTestId('filter-programme'), 'Läkarprogrammet');
    await waitFor(() => expect(screen.queryByTestId('placement-st-2-1')).not.toBeInTheDocument());
    expect(screen.getByTestId('placement-st-3-1')).toBeInTheDocument();

    await user.selectOptions(screen.getByTestId('filter-programme'), '');
    await user.selectOptions(screen.getByTestId('filter-provider'), 'Södersjukhuset');
    await waitFor(() => expect(screen.queryByTestId('placement-st-1-1')).not.toBeInTheDocument());
    expect(screen.getByTestId('placement-st-2-1')).toBeInTheDocument();
    // Schools are named from the scenario.
    expect(within(screen.getByTestId('filter-school')).getByRole('option', { name: 'Karolinska Institutet' })).toBeInTheDocument();
  });

  it('warns when the plan breaks rules after the data was edited', async () => {
    planBackend({
      plan_details: () =>
        draft({
          violations: [{ rule: 'unit_capacity', need: 'st-2-1', message: 'Avdelning 3 har 3 sjuksköterskestudenter v. 38 men 2 platser' }],
        }),
    });
    await renderPlan();
    const warning = screen.getByTestId('plan-violations');
    expect(warning).toHaveTextContent('Planen bryter mot regler');
    expect(within(warning).getByTestId('violations')).toHaveTextContent('Enhetens platser Avdelning 3 har 3 sjuksköterskestudenter v. 38 men 2 platser');
  });

  it('lists the audit trail newest first with actions, places and reasons', async () => {
    planBackend();
    await renderPlan();
    const trail = await screen.findByTestId('audit-trail');
    const rows = within(trail).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.dataset.testid)).toEqual(['audit-3', 'audit-2', 'audit-1']);
    expect(rows[0]).toHaveTextContent('Låst');
    expect(rows[0]).toHaveTextContent('Överenskommet med avdelningschefen');
    expect(rows[1]).toHaveTextContent('Placerad för hand');
    expect(rows[1]).toHaveTextContent('ej placerad → Avdelning 3, medicin, v. 37');
    expect(rows[2]).toHaveTextContent('Matchning');
    expect(rows[0]).toHaveTextContent(/2027/);
  });

  it('offers the matching when there is no draft yet', async () => {
    planBackend({ plan_details: () => null, plan_audit: () => [] });
    render(<PlanScreen termId={TERM} />);
    const empty = await screen.findByTestId('plan-empty');
    expect(within(empty).getByRole('heading', { name: 'Ingen plan ännu' })).toBeInTheDocument();
    expect(within(empty).getByTestId('run-matching')).toHaveTextContent('Kör matchning');
    expect(screen.queryByTestId('plan-summary')).not.toBeInTheDocument();
  });

  it('explains a failed load in plain words', async () => {
    planBackend({ plan_details: () => fail({ type: 'NotFound', data: { what: 'term', id: TERM } }) });
    render(<PlanScreen termId={TERM} />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Uppgiften hittades inte' })).toBeInTheDocument();
  });
});

describe('PlanScreen: the timeline', () => {
  // jsdom lays nothing out; give the timeline's scroll box the size it has in the window.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(560);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('draws the timeline with locked placements marked and the IPL team framed together', async () => {
    planBackend();
    await renderPlan();
    const timeline = screen.getByTestId('timeline');
    expect(within(timeline).getByText('v. 35')).toBeInTheDocument();
    expect(within(timeline).getByText('v. 44')).toBeInTheDocument();
    const alvaBar = screen.getByTestId('bar-st-1-1');
    expect(alvaBar).toHaveAccessibleName('Alva Lindqvist, Sjuksköterskeprogrammet, v. 36–v. 40, låst');
    const kua = screen.getByTestId('timeline-row-ks-kua');
    expect(kua.querySelectorAll('.plan-timeline__team')).toHaveLength(1);
    expect(within(kua).getByText('IPL')).toBeInTheDocument();
    expect(screen.getByTestId('bar-st-4-1')).toHaveAccessibleName(/IPL-team med 2 studenter/);
  });

  it('renders only the rows in view of a term with thousands of units', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({
      ...bo,
      need: `st-x${i}-1`,
      student: `st-x${i}`,
      student_name: `Student ${i}`,
      unit: `unit-${String(i).padStart(4, '0')}`,
      unit_name: `Enhet ${String(i).padStart(4, '0')}`,
      locked: false,
    }));
    planBackend({ plan_details: () => draft({ review: { ...draft().review, placements: many } }) });
    render(<PlanScreen termId={TERM} />);
    const timeline = await screen.findByTestId('timeline');
    expect(timeline.parentElement).toHaveTextContent('3 000 enheter');
    const rows = timeline.querySelectorAll('.plan-timeline__row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(within(timeline).getByText('Enhet 0000')).toBeInTheDocument();
    expect(within(timeline).queryByText('Enhet 2999')).not.toBeInTheDocument();
  });
});

describe('PlanScreen: the move dialog', () => {
  function checks(change: ManualChange) {
    if (change.kind === 'place' && change.unit === 'ks-avd12' && change.supervisor === 'ks-avd12-h1') {
      return {
        violations: [{ rule: 'supervisor_load', need: 'st-2-1', message: 'ks-avd12-h1 skulle ha 2 studenter v. 37 men tar högst 1' }],
        cost_before: 20125.5,
        cost_after: 20104,
      };
    }
    return { violations: [], cost_before: 20125.5, cost_after: 20115.5 };
  }

  it('checks every choice, blocks a change that breaks a rule, and applies an allowed one with its reason', async () => {
    const moved: PlanDetails_Serialize = draft({
      solver_status: 'manual',
      review: {
        ...draft().review,
        placements: draft().review.placements.map((p) =>
          p.need === 'st-2-1'
            ? { ...bo, unit: 'ks-avd12', unit_name: 'Avdelning 12, internmedicin', provider: 'ks', provider_name: 'Karolinska Universitetssjukhuset', supervisor: 'ks-avd12-h2' }
            : p,
        ),
      },
    });
    const backend = planBackend({
      check_plan_change: (args) => checks(args.change as ManualChange),
      apply_plan_change: () => moved,
    });
    const user = await renderPlan();

    await user.click(screen.getByTestId('move-st-2-1'));
    const dialog = await screen.findByRole('dialog', { name: 'Flytta placering' });
    expect(dialog).toHaveTextContent('Bo Ek, Sjuksköterskeprogrammet, Internmedicin, 5 veckor');
    expect(dialog).toHaveTextContent('Nu: Avdelning 3, medicin, v. 37–v. 41');

    const unit = await within(dialog).findByTestId('move-unit');
    expect(unit).toHaveValue('sos-avd3');
    const unitNames = within(unit)
      .getAllByRole('option')
      .map((option) => option.textContent);
    // Units offering the area, not the training ward (this need is not interprofessional); wishes marked.
    expect(unitNames).toEqual(['Avdelning 12, internmedicin (önskemål 1)', 'Avdelning 3, medicin (önskemål 2)']);
    expect(within(dialog).getByText('Välj en annan enhet, handledare eller vecka för att flytta.')).toBeInTheDocument();
    expect(within(dialog).getByTestId('move-apply')).toBeDisabled();
    expect(backend.argsOf('check_plan_change')).toHaveLength(0);

    await user.selectOptions(unit, 'ks-avd12');
    const broken = await within(dialog).findByTestId('violations');
    expect(broken).toHaveTextContent('Handledarens belastning ks-avd12-h1 skulle ha 2 studenter v. 37 men tar högst 1');
    expect(backend.argsOf('check_plan_change').at(-1)).toEqual({
      termId: TERM,
      change: { kind: 'place', need: 'st-2-1', unit: 'ks-avd12', supervisor: 'ks-avd12-h1', start: '2027-W37' },
    });
    // Only nurses supervise a nursing student.
    const supervisor = within(dialog).getByTestId('move-supervisor');
    expect(within(supervisor).getAllByRole('option').map((o) => (o as HTMLOptionElement).value)).toEqual(['ks-avd12-h1', 'ks-avd12-h2']);
    await user.type(within(dialog).getByTestId('move-reason'), 'Närmare hemmet');
    expect(within(dialog).getByTestId('move-apply')).toBeDisabled();

    await user.selectOptions(supervisor, 'ks-avd12-h2');
    expect(await within(dialog).findByTestId('move-ok')).toHaveTextContent('OK – ändringen bryter inte mot någon regel.');
    expect(text(within(dialog).getByTestId('move-cost'))).toBe('Kostnad: 20 125,5 → 20 115,5');
    expect(within(dialog).queryByTestId('violations')).not.toBeInTheDocument();
    const apply = within(dialog).getByTestId('move-apply');
    expect(apply).toBeEnabled();

    await user.click(apply);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(backend.argsOf('apply_plan_change')).toEqual([
      {
        termId: TERM,
        change: { kind: 'place', need: 'st-2-1', unit: 'ks-avd12', supervisor: 'ks-avd12-h2', start: '2027-W37' },
        reason: 'Närmare hemmet',
      },
    ]);
    expect(screen.getByTestId('plan-notice')).toHaveTextContent('Ändringen är genomförd.');
    expect(screen.getByTestId('placement-st-2-1')).toHaveTextContent('Avdelning 12, internmedicin');
    expect(screen.getByTestId('summary-status')).toHaveTextContent('Ändrad för hand');
    await waitFor(() => expect(backend.argsOf('plan_audit')).toHaveLength(2));
    // The scenario was loaded once for the screen, not per dialog.
    expect(backend.argsOf('term_scenario')).toHaveLength(1);
  });

  it('shows a refusal of the back end and keeps the dialog open', async () => {
    planBackend({
      check_plan_change: () => ({ violations: [], cost_before: 20125.5, cost_after: 20130 }),
      apply_plan_change: () =>
        fail({ type: 'RulesBroken', data: { violations: [{ rule: 'lock', need: 'st-1-1', message: 'Låsningen av st-1-1 hålls inte' }] } }),
    });
    const user = await renderPlan();
    await user.click(screen.getByTestId('move-st-2-1'));
    const dialog = await screen.findByRole('dialog');
    await user.selectOptions(await within(dialog).findByTestId('move-start'), '2027-W38');
    await within(dialog).findByTestId('move-ok');
    await user.type(within(dialog).getByTestId('move-reason'), 'Byte av vecka');
    await user.click(within(dialog).getByTestId('move-apply'));
    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Ändringen bryter mot regler' })).toBeInTheDocument();
    expect(alert).toHaveTextContent('Låsningen av st-1-1 hålls inte');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('takes a placement out of the plan', async () => {
    const backend = planBackend({ check_plan_change: () => ({ violations: [], cost_before: 20125.5, cost_after: 40125.5 }) });
    const user = await renderPlan();
    await user.click(screen.getByTestId('move-st-2-1'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByTestId('move-unplace'));
    expect(within(dialog).queryByTestId('move-unit')).not.toBeInTheDocument();
    await within(dialog).findByTestId('move-ok');
    expect(backend.argsOf('check_plan_change').at(-1)).toEqual({ termId: TERM, change: { kind: 'unplace', need: 'st-2-1' } });
    expect(text(within(dialog).getByTestId('move-cost'))).toBe('Kostnad: 20 125,5 → 40 125,5');
  });

  it('places an unplaced need from the list of unplaced needs', async () => {
    const backend = planBackend({ check_plan_change: (args) => checks(args.change as ManualChange) });
    const user = await renderPlan();
    await user.click(screen.getByTestId('place-st-5-1'));
    const dialog = await screen.findByRole('dialog', { name: 'Placera behov' });
    expect(dialog).toHaveTextContent('Nu: inte placerad');
    const unit = await within(dialog).findByTestId('move-unit');
    expect(unit).toHaveValue('');
    expect(within(dialog).getByTestId('move-apply')).toBeDisabled();
    await user.selectOptions(unit, 'sos-avd3');
    await within(dialog).findByTestId('move-ok');
    expect(backend.argsOf('check_plan_change').at(-1)).toEqual({
      termId: TERM,
      change: { kind: 'place', need: 'st-5-1', unit: 'sos-avd3', supervisor: 'sos-avd3-h1', start: '2027-W36' },
    });
    // Starts inside the term and the need's window only.
    const starts = within(within(dialog).getByTestId('move-start'))
      .getAllByRole('option')
      .map((o) => (o as HTMLOptionElement).value);
    expect(starts[0]).toBe('2027-W36');
    expect(starts.at(-1)).toBe('2027-W41');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

describe('PlanScreen: locks', () => {
  it('asks for a reason before locking and shows the plan it gets back', async () => {
    const locked = draft({
      review: { ...draft().review, placements: draft().review.placements.map((p) => (p.need === 'st-2-1' ? { ...p, locked: true } : p)) },
    });
    const backend = planBackend({ set_lock: () => locked });
    const user = await renderPlan();

    await user.click(screen.getByTestId('lock-st-2-1'));
    const dialog = await screen.findByRole('dialog', { name: 'Lås placering' });
    expect(dialog).toHaveTextContent('Bo Ek, Avdelning 3, medicin, v. 37–v. 41');
    const confirm = within(dialog).getByTestId('lock-confirm');
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByTestId('lock-reason'), '   ');
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByTestId('lock-reason'), 'Klart med handledaren');
    expect(confirm).toBeEnabled();
    await user.click(confirm);

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(backend.argsOf('set_lock')).toEqual([{ termId: TERM, need: 'st-2-1', locked: true, reason: 'Klart med handledaren' }]);
    const row = screen.getByTestId('placement-st-2-1');
    expect(row).toHaveTextContent('Låst');
    expect(within(row).getByTestId('lock-st-2-1')).toHaveTextContent('Lås upp');
    expect(screen.getByTestId('plan-notice')).toHaveTextContent('Placeringen är låst.');
  });

  it('unlocks a locked placement with a reason', async () => {
    const backend = planBackend({ set_lock: () => draft() });
    const user = await renderPlan();
    await user.click(screen.getByTestId('lock-st-1-1'));
    const dialog = await screen.findByRole('dialog', { name: 'Lås upp placering' });
    await user.type(within(dialog).getByTestId('lock-reason'), 'Avdelningen har fått ändrade scheman');
    await user.click(within(dialog).getByTestId('lock-confirm'));
    await waitFor(() => expect(backend.argsOf('set_lock')).toHaveLength(1));
    expect(backend.argsOf('set_lock')[0]).toMatchObject({ need: 'st-1-1', locked: false });
  });
});

describe('PlanScreen: running the matching', () => {
  it('shows live progress, cancels on request, then shows the outcome and reloads the plan', async () => {
    const run = deferred<MatchingOutcome_Serialize>();
    const backend = planBackend({ run_matching: () => run.promise, cancel_matching: () => true });
    const user = await renderPlan();

    await user.selectOptions(screen.getByTestId('time-limit'), '60');
    await user.click(screen.getByTestId('from-scratch'));
    await user.click(screen.getByTestId('run-matching'));
    expect(backend.argsOf('run_matching')).toEqual([{ termId: TERM, options: { time_limit_seconds: 60, from_scratch: true } }]);
    const panel = await screen.findByTestId('matching-progress');
    expect(panel).toHaveTextContent('Matchningen körs…');
    expect(screen.getByTestId('run-matching')).toBeDisabled();
    // No changes by hand while the draft is about to be replaced.
    expect(screen.queryByTestId('move-st-2-1')).not.toBeInTheDocument();

    await act(() => emit('matching-progress', progress({ phase: 'search', best_cost: 20500, bound: 19800, elapsed_seconds: 3.2 })));
    await waitFor(() => expect(screen.getByTestId('progress-phase')).toHaveTextContent('Söker planer'));
    expect(text(screen.getByTestId('progress-best'))).toBe('20 500');
    expect(text(screen.getByTestId('progress-bound'))).toBe('19 800');
    expect(text(screen.getByTestId('progress-gap'))).toBe('3,4 %');
    expect(text(screen.getByTestId('progress-elapsed'))).toMatch(/ av 60 s$/);
    // Past the chosen time (a run finishing its work), the time alone.
    await act(() => emit('matching-progress', progress({ phase: 'search', best_cost: 20500, bound: 19800, elapsed_seconds: 61.5 })));
    await waitFor(() => expect(text(screen.getByTestId('progress-elapsed'))).toBe('62 s'));

    // Another term's run is not ours.
    await act(() => emit('matching-progress', { ...progress({ phase: 'mip', best_cost: 1 }), term_id: 'vt2028' }));
    expect(screen.getByTestId('progress-phase')).toHaveTextContent('Söker planer');

    await user.click(screen.getByTestId('cancel-matching'));
    expect(backend.argsOf('cancel_matching')).toEqual([{}]);
    expect(screen.getByTestId('cancel-matching')).toBeDisabled();
    expect(screen.getByTestId('cancel-matching')).toHaveTextContent('Avbryter');

    await act(async () => run.resolve(outcome));
    const result = await screen.findByTestId('matching-outcome');
    expect(screen.queryByTestId('matching-progress')).not.toBeInTheDocument();
    expect(result).toHaveTextContent('Giltig plan, inte bevisat optimal');
    expect(result).toHaveTextContent('Körningen avbröts; den bästa planen hittills sparades.');
    // A cancelled run says only that it was cancelled, not whether another would repeat it.
    expect(screen.queryByTestId('outcome-reproducible')).not.toBeInTheDocument();
    expect(text(result)).toContain('Flyttade jämfört med förra utkastet1');
    expect(text(result)).toContain('7,4 s');
    await waitFor(() => expect(backend.argsOf('plan_details')).toHaveLength(2));
    await waitFor(() => expect(backend.argsOf('plan_audit')).toHaveLength(2));
    expect(screen.getByTestId('run-matching')).toBeEnabled();
  });

  it('says whether another run would give the same plan', async () => {
    const runs = [
      { ...outcome, cancelled: false, reproducible: true },
      { ...outcome, cancelled: false, reproducible: false },
    ];
    planBackend({ run_matching: () => runs.shift() });
    const user = await renderPlan();

    await user.click(screen.getByTestId('run-matching'));
    expect(await screen.findByTestId('outcome-reproducible')).toHaveTextContent(
      'Varje körning med den här terminen och de här inställningarna ger samma plan.',
    );
    await user.click(screen.getByTestId('run-matching'));
    await waitFor(() =>
      expect(screen.getByTestId('outcome-reproducible')).toHaveTextContent('Tidsgränsen avbröt körningen innan arbetet var klart'),
    );
  });

  it('stops listening to progress reports when the screen closes', async () => {
    planBackend();
    const internals = (window as unknown as { __TAURI_EVENT_PLUGIN_INTERNALS__: { unregisterListener: (event: string, id: number) => void } })
      .__TAURI_EVENT_PLUGIN_INTERNALS__;
    const unregister = vi.spyOn(internals, 'unregisterListener');
    const { unmount } = render(<PlanScreen termId={TERM} />);
    await screen.findByTestId('placement-st-1-1');
    unmount();
    await waitFor(() => expect(unregister).toHaveBeenCalledWith('matching-progress', expect.any(Number)));
    unregister.mockRestore();
  });

  it('lists the conflicting locks when the locks cannot all hold', async () => {
    planBackend({
      run_matching: () => ({
        ...outcome,
        status: 'infeasible_locks',
        cancelled: false,
        objective: null,
        bound: null,
        placed: 0,
        unplaced: 0,
        moved: 0,
        lock_conflicts: [{ rule: 'unit_capacity', need: 'st-1-1', message: 'Avdelning 12 får 3 låsta sjuksköterskestudenter v. 36 men har 2 platser' }],
      }),
    });
    const user = await renderPlan();
    await user.click(screen.getByTestId('run-matching'));
    const result = await screen.findByTestId('matching-outcome');
    expect(result).toHaveTextContent('De låsta placeringarna går inte ihop');
    expect(result).toHaveTextContent('Ingen ny plan sparades; utkastet är oförändrat.');
    expect(within(result).getByTestId('violations')).toHaveTextContent('Avdelning 12 får 3 låsta sjuksköterskestudenter');
  });

  it('says when another run is going on and can cancel it', async () => {
    const backend = planBackend({
      run_matching: () => fail({ type: 'Busy', data: { term_id: 'vt2028' } }),
      cancel_matching: () => true,
    });
    const user = await renderPlan();
    await user.click(screen.getByTestId('run-matching'));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Matchning pågår' })).toBeInTheDocument();
    await user.click(screen.getByTestId('cancel-matching'));
    expect(backend.argsOf('cancel_matching')).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('follows a run started before the screen was opened', async () => {
    planBackend({ cancel_matching: () => true });
    const user = await renderPlan();
    await act(() => emit('matching-progress', progress({ phase: 'relaxation', elapsed_seconds: 12 })));
    const panel = await screen.findByTestId('matching-progress');
    expect(panel).toHaveTextContent('En matchning för terminen pågår.');
    expect(screen.getByTestId('progress-phase')).toHaveTextContent('Beräknar undre gräns');
    expect(screen.getByTestId('run-matching')).toBeDisabled();
    await act(() => emit('matching-progress', progress({ phase: 'done', best_cost: 20000, elapsed_seconds: 20 })));
    await user.click(await screen.findByRole('button', { name: 'Visa den nya planen' }));
    expect(screen.queryByTestId('matching-progress')).not.toBeInTheDocument();
  });
});
