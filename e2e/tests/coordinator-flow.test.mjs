// A coordinator's whole flow in the real window, in Swedish: import the example term
// small.json on the term list, read its overview and data, run the matching, move a placement by
// hand (first to a choice that breaks a rule, refused, then to one that does not), lock it, run the
// matching again around the lock, and publish the draft as version 1. Screenshots of each screen
// go to docs/screenshots/e2e-*.png.
//
// The test reads small.json itself to know what to expect (its term, its students, which unit
// choices break which rule for which need); what the matching does is read off the screen.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { By, launchApp, REPO_ROOT, timeout } from '../lib/app.mjs';

const EXAMPLES = process.env.VFU_SHARED_DIR
  ? path.resolve(process.env.VFU_SHARED_DIR, 'examples')
  : path.resolve(REPO_ROOT, '../shared/examples');
const SMALL = path.join(EXAMPLES, 'small.json');
const scenario = JSON.parse(readFileSync(SMALL, 'utf8'));
const TERM = scenario.term;

/** The run's time limit (seconds): the shortest the plan screen offers. */
const TIME_LIMIT = '10';
/** A matching run of small.json in the debug build, with room to spare. */
const MATCHING_TIMEOUT = timeout(120_000);

/** A count as the UI writes it ("1 234", with a no-break space) as a number. */
const count = (text) => Number(String(text).replace(/[\s\u00a0\u202f]/g, ''));

/** The Swedish reasons an unplaced need can have (ui/src/i18n/sv/plan.json, plan.unplaced.reasons). */
const UNPLACED_REASONS = [
  'Ingen behörig enhet',
  'Ingen ledig plats',
  'Krockar med studentens andra placering',
  'Uppdragets tak är nått',
  'Inget helt IPL-team',
  'Annan orsak',
];

// ---------------------------------------------------------------------------------------------
// What small.json says about a need: the units the move dialog offers it (its area, its school's
// level, IPL ward or not: MoveDialog's own filter), which of them break a rule whatever else is
// planned, and which might not.

const schools = new Map(scenario.schools.map((s) => [s.id, s]));
const programmes = new Map(scenario.programmes.map((p) => [p.id, p]));
const units = new Map(scenario.units.map((u) => [u.id, u]));
const lockedInFile = new Map((scenario.locked ?? []).map((l) => [l.need, l]));

/**
 * Every non-IPL need with a unit choice that breaks a rule on its own, and the units that might
 * take it (`fitting`: clearances, minors, exclusions and trained supervisors in order), best first: a missing clearance, then a minor at a unit that takes none, then an untrained
 * supervisor for a programme that requires training.
 */
function moveCandidates() {
  const candidates = [];
  for (const student of scenario.students) {
    const programme = programmes.get(student.programme);
    const level = schools.get(programme.school).level;
    const clearances = new Set(student.clearances);
    const excluded = new Set(student.excluded_units ?? []);
    for (const need of student.needs) {
      if (need.ipl || lockedInFile.has(need.id)) continue;
      const offered = scenario.units.filter(
        (u) =>
          u.areas.includes(need.area) &&
          u.levels.includes(level) &&
          !u.ipl &&
          u.supervisors.some((s) => s.profession === programme.profession),
      );
      const missing = (u) => u.requirements.filter((r) => !clearances.has(r));
      const breaking = [];
      for (const u of offered) {
        if (missing(u).length > 0) {
          breaking.push({ rank: 0, unit: u.id, supervisor: null, expect: [u.name, 'kräver', `som ${student.name} saknar`] });
        } else if (student.minor && !u.accepts_minors) {
          breaking.push({ rank: 1, unit: u.id, supervisor: null, expect: [`${student.name} är under 18 år och ${u.name} tar inte emot minderåriga`] });
        } else if (programme.trained_supervisor_required) {
          const untrained = u.supervisors.find((s) => s.profession === programme.profession && !s.trained);
          if (untrained) {
            breaking.push({ rank: 2, unit: u.id, supervisor: untrained.id, expect: [`${programme.name} kräver utbildade handledare, och ${untrained.id} saknar handledarutbildning`] });
          }
        }
      }
      const fitting = offered.filter(
        (u) =>
          missing(u).length === 0 &&
          (u.accepts_minors || !student.minor) &&
          !excluded.has(u.id) &&
          (!programme.trained_supervisor_required || u.supervisors.some((s) => s.profession === programme.profession && s.trained)),
      );
      if (breaking.length === 0 || fitting.length === 0) continue;
      breaking.sort((a, b) => a.rank - b.rank);
      candidates.push({ need: need.id, student, programme, breaking: breaking[0], fitting: fitting.map((u) => u.id) });
    }
  }
  return candidates.sort((a, b) => a.breaking.rank - b.breaking.rank);
}

/** The term's open weeks in order ("2027-W35", …), from small.json's first and last week and closed weeks. */
function openWeeks() {
  const parse = (w) => w.match(/^(\d{4})-W(\d{2})$/).slice(1).map(Number);
  const weeksIn = (year) => {
    // 53 ISO weeks when 28 December falls in week 53.
    const d = new Date(Date.UTC(year, 11, 28));
    const thursday = new Date(d);
    thursday.setUTCDate(d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7));
    const jan1 = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 1));
    return Math.ceil(((thursday - jan1) / 86_400_000 + 1) / 7);
  };
  const closed = new Set(TERM.closed_weeks ?? []);
  let [year, week] = parse(TERM.first_week);
  const weeks = [];
  for (;;) {
    const name = `${year}-W${String(week).padStart(2, '0')}`;
    if (!closed.has(name)) weeks.push(name);
    if (name === TERM.last_week || weeks.length > 60) break;
    week += 1;
    if (week > weeksIn(year)) [year, week] = [year + 1, 1];
  }
  return weeks;
}
const OPEN_WEEKS = openWeeks();

/** The open week a placement row's "Veckor" cell starts with ("v. 46–v. 2" → "2027-W46"). */
function startWeekOf(cell) {
  const week = Number(cell.match(/v\.\s*(\d+)/)[1]);
  return OPEN_WEEKS.find((w) => Number(w.slice(6)) === week);
}

const needsById = new Map(scenario.students.flatMap((st) => st.needs.map((n) => [n.id, { need: n, student: st, programme: programmes.get(st.programme) }])));
const supervisorUnit = new Map(scenario.units.flatMap((u) => u.supervisors.map((s) => [s.id, u])));
const providers = new Map(scenario.providers.map((p) => [p.id, p]));

/**
 * Moves of a placed need to another unit that look free in the plan as shown (`placements`: { need, supervisor,
 * start } of every placement): another unit from `unitIds`, a first week in the need's window,
 * and a supervisor of the profession, with a free place, a supervisor below both limits, no other
 * placement of the student at the same time, and the provider's remit not exceeded in those
 * weeks. An estimate (the app's check decides); nearest the current start first.
 */
function freeMoves(needId, unitIds, placements) {
  const { need, student, programme } = needsById.get(needId);
  const weeksOf = (start, n) => OPEN_WEEKS.slice(OPEN_WEEKS.indexOf(start), OPEN_WEEKS.indexOf(start) + n);
  const unitLoad = new Map(); // unit|profession|week → students
  const supervisorLoad = new Map(); // supervisor|week → students
  const remitWeeks = new Map(); // provider|programme → student weeks
  const busy = new Set(); // weeks the student is placed elsewhere
  let currentStart;
  let currentUnit;
  const add = (map, key, n = 1) => map.set(key, (map.get(key) ?? 0) + n);
  for (const p of placements) {
    const info = needsById.get(p.need);
    const unit = supervisorUnit.get(p.supervisor);
    if (!info || !unit) continue;
    if (p.need === needId) {
      currentStart = p.start;
      currentUnit = unit.id;
      continue;
    }
    const weeks = weeksOf(p.start, info.need.weeks);
    for (const w of weeks) {
      add(unitLoad, `${unit.id}|${info.programme.profession}|${w}`);
      add(supervisorLoad, `${p.supervisor}|${w}`);
      if (info.student.id === student.id) busy.add(w);
    }
    add(remitWeeks, `${unit.provider}|${info.programme.id}`, info.need.weeks);
  }
  const covers = (entry, week) => (!entry.from || entry.from <= week) && (!entry.to || week <= entry.to);
  const current = OPEN_WEEKS.indexOf(currentStart);
  const moves = [];
  for (const unitId of unitIds) {
    if (unitId === currentUnit) continue; // a move goes elsewhere
    const unit = units.get(unitId);
    const remit = providers.get(unit.provider)?.remit?.find((r) => r.programme === programme.id);
    if (remit?.max_student_weeks !== undefined && (remitWeeks.get(`${unit.provider}|${programme.id}`) ?? 0) + need.weeks > remit.max_student_weeks) continue;
    for (let i = 0; i + need.weeks <= OPEN_WEEKS.length; i++) {
      const weeks = OPEN_WEEKS.slice(i, i + need.weeks);
      if ((need.earliest && weeks[0] < need.earliest) || (need.latest && weeks.at(-1) > need.latest)) continue;
      if (weeks.some((w) => busy.has(w))) continue;
      const placeFree = weeks.every((w) => {
        const places = Math.max(0, ...unit.capacity.filter((c) => c.profession === programme.profession && covers(c, w)).map((c) => c.places));
        return (unitLoad.get(`${unit.id}|${programme.profession}|${w}`) ?? 0) < places;
      });
      if (!placeFree) continue;
      const supervisor = unit.supervisors.find(
        (h) =>
          h.profession === programme.profession &&
          (h.trained || !programme.trained_supervisor_required) &&
          weeks.every((w) => covers(h, w) && (supervisorLoad.get(`${h.id}|${w}`) ?? 0) < Math.min(h.max_students, programme.max_students_per_supervisor ?? Infinity)),
      );
      if (supervisor) moves.push({ unit: unitId, supervisor: supervisor.id, start: weeks[0], distance: Math.abs(i - current) });
    }
  }
  return moves.sort((a, b) => a.distance - b.distance);
}

describe('coordinator flow', () => {
  /** @type {import('../lib/app.mjs').App} */
  let app;
  /** The placement moved by hand and then locked: { need, unitId, unitName, row }. */
  let moved;
  /** Placements and unplaced needs after the first run. */
  let firstRun;

  before(
    async () => {
      app = await launchApp({ name: 'coordinator-flow' });
    },
    { timeout: timeout(240_000) },
  );

  after(async () => {
    await app?.close();
  });

  /** The numbers of "Visar 12 av 250 placeringar och 3 av 40 oplacerade behov." */
  async function filterCounts() {
    const text = await app.textOfTestId('filter-count');
    const m = text.match(/Visar (\d+) av (\d+) placeringar och (\d+) av (\d+) oplacerade behov/);
    assert.ok(m, `the plan's filter count reads "${text}"`);
    const [placements, totalPlacements, unplaced, totalUnplaced] = m.slice(1).map(Number);
    return { placements, totalPlacements, unplaced, totalUnplaced, text };
  }

  /** Filters the plan on one need's id and says whether it is placed ('placement'), unplaced, or neither. */
  async function showOnly(need) {
    await app.typeInto('filter-text', need);
    return app.waitFor(
      async () => {
        const counts = await filterCounts();
        if (counts.placements + counts.unplaced !== 1) return undefined;
        if (counts.placements === 1 && (await app.hasTestId(`placement-${need}`))) return 'placement';
        if (counts.unplaced === 1 && (await app.hasTestId(`unplaced-${need}`))) return 'unplaced';
        return undefined;
      },
      `the plan filtered on ${need} to show its one row`,
    );
  }

  /**
   * Every placement of the plan as the table shows it, { need, supervisor, start }: the filter
   * cleared and the page size raised to its largest (250) so that all rows are on one page.
   */
  async function readPlacements() {
    if ((await filterCounts()).placements !== (await filterCounts()).totalPlacements) await app.clickButton('Rensa filter');
    const { totalPlacements } = await app.waitFor(async () => {
      const counts = await filterCounts();
      return counts.placements === counts.totalPlacements ? counts : undefined;
    }, 'the plan unfiltered');
    const pageSize = await app.driver.executeScript(
      `return document.querySelector('tr[data-testid^="placement-"]')?.closest('.plan-table')?.querySelector('[data-testid="page-size"]') ?? null;`,
    );
    if (pageSize) await app.click(await pageSize.findElement(By.css('option[value="250"]')));
    const rows = await app.waitFor(async () => {
      const found = await app.driver.executeScript(`
        const clean = (el) => el.innerText.replace(/[\\s\\u00a0\\u202f]+/g, ' ').trim();
        const rows = [...document.querySelectorAll('tr[data-testid^="placement-"]')];
        if (rows.length === 0) return [];
        const headers = [...rows[0].closest('table').querySelectorAll('thead th')].map((th) => clean(th).split(/\\s*[▴▾▲▼]/)[0]);
        const at = (name) => headers.indexOf(name);
        return rows.map((tr) => {
          const cells = [...tr.querySelectorAll(':scope > th, :scope > td')].map(clean);
          return { need: tr.dataset.testid.slice('placement-'.length), supervisor: cells[at('Handledare')], weeks: cells[at('Veckor')] };
        });
      `);
      return found.length === Math.min(totalPlacements, 250) ? found : undefined;
    }, `all ${totalPlacements} placements on one page`);
    return rows.map((r) => ({ need: r.need, supervisor: r.supervisor, start: startWeekOf(r.weeks) }));
  }

  /** Runs the matching from the plan screen with the short time limit, keeping the draft as a start. */
  async function runMatching({ waitForProgress = true } = {}) {
    await app.selectOption('time-limit', TIME_LIMIT);
    const scratch = await app.byTestId('from-scratch');
    assert.equal(await scratch.isSelected(), false, '"Börja om från början" is not ticked: the run starts from the draft');
    // The progress panel is shown while the run goes on; a run that ends at once shows it for a
    // moment only, so an observer notes what it said.
    await app.driver.executeScript(`
      window.__e2eProgress?.observer.disconnect();
      const seen = { texts: [] };
      const note = () => {
        const panel = document.querySelector('[data-testid="matching-progress"]');
        if (panel) seen.texts.push(panel.innerText.replace(/\\s+/g, ' ').trim());
      };
      seen.observer = new MutationObserver(note);
      seen.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      window.__e2eProgress = seen;
    `);
    await app.clickTestId('run-matching');
    if (waitForProgress) {
      await app.byTestId('matching-progress', timeout(30_000));
      await app.waitForTestIdText('matching-progress', 'Matchningen körs');
      await app.waitForTestIdText('progress-elapsed', new RegExp(`av ${TIME_LIMIT} s`));
    }
    // Then its outcome, and the new draft below it.
    await app.waitForTestIdText('matching-outcome', 'Resultat av matchningen', MATCHING_TIMEOUT);
    await app.waitForNoTestId('matching-progress');
    const progress = await app.driver.executeScript('window.__e2eProgress.observer.disconnect(); return window.__e2eProgress.texts');
    assert.ok(
      progress.some((text) => text.includes('Matchningen körs') && text.includes('Fas')),
      `the progress panel was shown during the run: ${JSON.stringify(progress.slice(0, 3))}`,
    );
    const status = await app.textOfTestId('outcome-status');
    assert.ok(['Optimal plan', 'Giltig plan, inte bevisat optimal'].includes(status), `the run found a plan: "${status}"`);
    // Whether another run would repeat the plan (its work budget, not the clock, ended it).
    const repeat = await app.textOfTestId('outcome-reproducible');
    assert.ok(/^(Varje körning|Tidsgränsen avbröt)/.test(repeat), `the outcome says whether a run repeats: "${repeat}"`);
    const outcome = await app.definitions('matching-outcome');
    await app.byTestId('plan-summary');
    await app.waitFor(
      async () => count(await app.textOfTestId('summary-placed')) === count(outcome.Placerade),
      `the plan below the outcome to show its ${outcome.Placerade} placements`,
    );
    return outcome;
  }

  /**
   * Starts watching the move dialog's check before a new choice, so that `freshCheck` reads the
   * answer to that choice and not the one before. React may reuse the result's elements (and even
   * skip the "checking" state when the answer is quick), so what counts is any change inside the
   * check area after this point.
   */
  async function markCheck() {
    await app.driver.executeScript(`
      const check = document.querySelector('[data-testid="move-check"]');
      window.__e2eCheck?.observer.disconnect();
      const state = { before: check.innerText, changed: false, since: Date.now() };
      state.observer = new MutationObserver(() => { state.changed = true; });
      state.observer.observe(check, { childList: true, subtree: true, characterData: true, attributes: true });
      window.__e2eCheck = state;
    `);
  }

  /**
   * The answer to the latest choice in the move dialog: { ok, violations: [sentence] }. It is the
   * answer once the check area changed and shows no "checking" status; when nothing changed at all
   * for 4 s, the answer was the same as before (quick enough that React never showed "checking").
   */
  async function freshCheck() {
    const answer = await app.waitFor(
      () =>
        app.driver.executeScript(`
          const check = document.querySelector('[data-testid="move-check"]');
          const state = window.__e2eCheck;
          if (!check || !state) return null;
          const changed = state.changed || check.innerText !== state.before;
          if (!changed && Date.now() - state.since < 4000) return null;
          if (check.querySelector('[role="status"]')) return null; // "Kontrollerar ändringen …"
          const failed = check.querySelector('.notice--error');
          if (failed) return { failed: failed.innerText };
          if (!check.querySelector('[data-testid="move-cost"]')) return null;
          state.observer.disconnect();
          return {
            ok: Boolean(check.querySelector('[data-testid="move-ok"]')),
            violations: [...check.querySelectorAll('[data-testid="violations"] li')].map((li) => li.innerText.replace(/\\s+/g, ' ').trim()),
          };
        `),
      'the check of the new choice in the move dialog',
      timeout(30_000),
    );
    assert.ok(!answer.failed, `the check of the choice failed: ${answer.failed}`);
    return answer;
  }

  test('imports small.json from the term list and opens it', { timeout: timeout(120_000) }, async () => {
    await app.waitForElementText('h1', 'Terminer');
    await app.waitForText('Demotermin HT 2027 (genererad)');

    await app.chooseFile('import-scenario-input', SMALL);
    await app.byTestId('tab-overview', timeout(60_000));

    // A second import of the same term is refused, naming the id, and changes nothing.
    await app.clickTestId('back-to-terms');
    await app.waitForElementText('h1', 'Terminer');
    await app.chooseFile('import-scenario-input', SMALL);
    await app.byTestId('import-scenario-error', timeout(60_000));
    const error = await app.textOfTestId('import-scenario-error');
    assert.match(error, /Terminen finns redan/);
    assert.ok(error.includes(`Det finns redan en termin med id ${TERM.id}`), `the refusal names the id: "${error}"`);
    await app.clickButton('Stäng');
    await app.waitForNoTestId('import-scenario-error');
    await app.clickTestId(`open-term-${TERM.id}`);

    // The imported term opens on its overview.
    await app.byTestId('tab-overview', timeout(60_000));
    // The heading shows the term's id until its name has loaded.
    const heading = await app.waitForElement(By.css('#workspace-heading'));
    await app.waitFor(
      async () => ((await heading.getText()).includes(TERM.name) ? true : undefined),
      `the workspace heading to name ${TERM.name}`,
    );
    const overviewTab = await app.byTestId('tab-overview');
    assert.equal(await overviewTab.getAttribute('aria-selected'), 'true', 'the overview tab is the one shown');
  });

  test('the overview shows the heat map of small.json', { timeout: timeout(60_000) }, async () => {
    await app.byTestId('balance-heatmap');
    const figures = await app.definitions('key-figures');
    const needs = scenario.students.reduce((n, s) => n + s.needs.length, 0);
    assert.equal(figures.Studenter, String(scenario.students.length), `small.json's ${scenario.students.length} students: ${JSON.stringify(figures)}`);
    assert.equal(figures.Placeringsbehov, String(needs), `small.json's ${needs} needs: ${JSON.stringify(figures)}`);
    await app.waitForText('Behov mot kapacitet per område och vecka');
    await app.byTestId('heatmap-summary');
    await app.screenshot('e2e-overview');
  });

  test('the data tab lists the students and opens one in the form', { timeout: timeout(60_000) }, async () => {
    const student = scenario.students[0];
    await app.clickTestId('tab-data');
    // The kinds' buttons widen when their counts arrive: click once they are there, or the click
    // lands on the button that moved under the pointer.
    await app.waitForTestIdText('data-kind-student', String(scenario.students.length));
    await app.clickTestId('data-kind-student');
    await app.waitFor(async () => (await (await app.byTestId('data-kind-student')).getAttribute('aria-current')) === 'page', 'Studenter to be the kind shown');
    await app.waitForText(`${scenario.students.length} studenter`);
    await app.waitForTestIdText(`data-row-${student.id}`, student.name);

    // WebKitWebDriver refuses to click a <tr> itself ("element not interactable"): click its first
    // cell, as a user clicks somewhere in the row.
    const firstCell = await (await app.byTestId(`data-row-${student.id}`)).findElement(By.css('th, td'));
    await app.click(firstCell);
    await app.waitForTestIdText('edit-panel', `Student ${student.id}`);
    await app.waitForTestIdText('edit-state', 'Inga osparade ändringar.');
    const row = await app.byTestId(`data-row-${student.id}`);
    assert.equal(await row.getAttribute('aria-selected'), 'true', 'the opened student is selected in the grid');
    const values = await app.driver.executeScript(
      `return [...document.querySelectorAll('[data-testid="edit-panel"] input, [data-testid="edit-panel"] select')].map((e) => e.value);`,
    );
    assert.ok(values.includes(student.name), `the form holds the student's name ${student.name}: ${JSON.stringify(values.slice(0, 8))}`);
    assert.ok(values.includes(student.id), `the form holds the student's id ${student.id}`);
    await app.screenshot('e2e-data');
  });

  test('the plan tab runs the matching and shows placements and unplaced needs', { timeout: timeout(180_000) }, async () => {
    await app.clickTestId('tab-plan');
    await app.waitForTestIdText('plan-empty', 'Ingen plan ännu');

    const outcome = await runMatching();
    const placed = count(outcome.Placerade);
    const unplaced = count(outcome.Oplacerade);
    assert.ok(placed > 0, `the run placed needs: ${JSON.stringify(outcome)}`);
    assert.ok(unplaced > 0, `small.json leaves needs unplaced: ${JSON.stringify(outcome)}`);
    await app.waitForNoTestId('plan-empty');

    const counts = await filterCounts();
    assert.equal(counts.totalPlacements, placed, counts.text);
    assert.equal(counts.totalUnplaced, unplaced, counts.text);
    firstRun = { placed, unplaced, cost: outcome.Kostnad };

    // Placement rows (a page of them) and unplaced rows, each with a reason in words.
    const placementRows = await app.driver.findElements(By.css('[data-testid^="placement-"]'));
    assert.equal(placementRows.length, Math.min(placed, 50), 'the first page of placements');
    const unplacedRow = await app.waitForElement(By.css('tr[data-testid^="unplaced-"]'));
    const need = (await unplacedRow.getAttribute('data-testid')).slice('unplaced-'.length);
    const reason = await app.textOfTestId(`reason-${need}`);
    assert.ok(UNPLACED_REASONS.includes(reason), `unplaced ${need}: the reason "${reason}" is one of the Swedish reasons`);
    const row = await app.tableRow(`unplaced-${need}`);
    assert.ok(row.Orsak.startsWith(reason), `the reason is in the row's Orsak column: ${JSON.stringify(row)}`);
    // Why, in Swedish words from the engine's facts: not the plan file's English sentence.
    const detail = await app.textOfTestId(`detail-${need}`);
    assert.ok(/enhet|Ingen|Inget|Studentens|taket|Tidsfönstret|Det fanns/.test(detail), `unplaced ${need}: "${detail}" is Swedish`);
    assert.ok(!/\b(units?|students|the|full in)\b/.test(detail), `unplaced ${need}: "${detail}" has no English`);

    // The placement small.json locks is placed where it says, and shown locked.
    for (const [lockedNeed, lock] of lockedInFile) {
      assert.equal(await showOnly(lockedNeed), 'placement', `${lockedNeed}, locked in small.json, is placed`);
      const lockedRow = await app.tableRow(`placement-${lockedNeed}`);
      assert.ok(lockedRow.Enhet.includes(units.get(lock.unit).name), `${lockedNeed} is at ${lock.unit}: ${JSON.stringify(lockedRow)}`);
      assert.equal(lockedRow.Handledare, lock.supervisor);
      assert.equal(lockedRow['Låsning'], 'Låst');
    }
    await app.clickButton('Rensa filter');
    await app.waitFor(async () => (await filterCounts()).placements === placed, 'the filter to be cleared');

    await app.driver.executeScript('window.scrollTo(0, 0)');
    await app.screenshot('e2e-plan');
  });

  /** Opens the move dialog of a placed need and waits until it offers units. Returns the current unit's id. */
  async function openMove(need, student) {
    await app.clickTestId(`move-${need}`);
    await app.waitForTestIdText('move-dialog', 'Flytta placering');
    await app.waitForTestIdText('move-dialog', student.name);
    const current = (await app.optionsOf('move-unit')).find((o) => o.selected);
    assert.ok(current?.value, 'the dialog starts at the placement\'s unit');
    await app.waitForTestIdText('move-check', 'Välj en annan enhet, handledare eller vecka för att flytta.');
    return current.value;
  }

  /** Chooses `value` in the move dialog's select `id` and returns the check of the new choice. */
  async function choose(id, value) {
    await markCheck();
    await app.selectOption(id, value);
    return freshCheck();
  }

  /**
   * Looks in the open move dialog for a unit, first week and supervisor that break no rule, trying
   * at most `budget` choices: the units `unitIds`, each first as the dialog proposes it, then at
   * the weeks nearest the current start with each supervisor. Returns the unit, or undefined.
   */
  async function findValidMove(unitIds, currentStart, tried, budget = 40) {
    const selected = async (id) => (await app.optionsOf(id)).find((o) => o.selected)?.value;
    for (const unit of unitIds) {
      if (budget-- <= 0) return undefined;
      const check = await choose('move-unit', unit);
      tried.push({ unit, ok: check.ok, violations: check.violations?.length });
      if (check.ok) return unit;
      const supervisors = (await app.optionsOf('move-supervisor')).map((o) => o.value).filter(Boolean);
      const weeks = (await app.optionsOf('move-start')).map((o) => o.value);
      const from = Math.max(0, weeks.indexOf(currentStart));
      const starts = [...weeks].sort((a, b) => Math.abs(weeks.indexOf(a) - from) - Math.abs(weeks.indexOf(b) - from));
      for (const week of starts) {
        for (const supervisor of supervisors) {
          let next;
          if ((await selected('move-start')) !== week) next = await choose('move-start', week);
          if ((await selected('move-supervisor')) !== supervisor) next = await choose('move-supervisor', supervisor);
          if (!next) continue; // this very choice was checked already
          tried.push({ unit, week, supervisor, ok: next.ok, violations: next.violations?.length });
          if (next.ok) return unit;
          if (--budget <= 0) return undefined;
        }
      }
    }
    return undefined;
  }

  test('a move that breaks a rule is refused; a valid one is applied with a reason', { timeout: timeout(150_000) }, async (t) => {
    const reason = 'E2E: studenten har bytt ort';
    // The need to move: placed by the matching, with a rule-breaking unit choice in small.json
    // and, in the plan as shown, a unit with room for it.
    const placements = await readPlacements();
    const placed = new Set(placements.map((p) => p.need));
    const candidates = moveCandidates().filter((c) => placed.has(c.need));
    assert.ok(candidates.length > 0, 'a placed need with a rule-breaking unit choice in small.json');
    const withRoom = candidates.map((c) => ({ ...c, moves: freeMoves(c.need, c.fitting, placements) }));
    const candidate = withRoom.find((c) => c.moves.length > 0) ?? withRoom[0];
    const { need, student, breaking } = candidate;

    assert.equal(await showOnly(need), 'placement');
    const before = await app.tableRow(`placement-${need}`);
    const current = await openMove(need, student);
    assert.ok(before.Enhet.includes(units.get(current).name), `the dialog starts at the current unit: ${JSON.stringify({ current, before })}`);
    const currentStart = (await app.optionsOf('move-start')).find((o) => o.selected)?.value;
    await app.typeInto('move-reason', reason);

    // A unit (or supervisor) that breaks a rule: the rule in a sentence, and no way to apply it.
    let refused = await choose('move-unit', breaking.unit);
    if (breaking.supervisor) refused = await choose('move-supervisor', breaking.supervisor);
    assert.equal(refused.ok, false, `the check refuses ${breaking.unit}: ${JSON.stringify(refused)}`);
    assert.ok(
      refused.violations.some((v) => breaking.expect.every((part) => v.includes(part))),
      `a violation of ${need} at ${breaking.unit} says ${JSON.stringify(breaking.expect)}: ${JSON.stringify(refused.violations)}`,
    );
    await app.waitForTestIdText('move-check', 'Ändringen skulle bryta mot:');
    await app.byTestId('violations');
    await app.waitForEnabled('move-apply', false); // with a reason given: the broken rule alone blocks it
    await app.screenshot('e2e-move-dialog');

    // A unit, first week and supervisor with room, as the plan shows it; the app's check decides.
    const tried = [];
    let target;
    for (const move of candidate.moves.slice(0, 12)) {
      let check = await choose('move-unit', move.unit);
      if ((await app.optionsOf('move-start')).find((o) => o.selected)?.value !== move.start) check = await choose('move-start', move.start);
      if ((await app.optionsOf('move-supervisor')).find((o) => o.selected)?.value !== move.supervisor) check = await choose('move-supervisor', move.supervisor);
      tried.push({ ...move, ok: check.ok, violations: check.violations });
      if (check.ok) {
        target = move.unit;
        break;
      }
    }
    // Else every unit, week and supervisor the dialog offers, nearest first, within a budget.
    target ??= await findValidMove(
      candidate.fitting.filter((u) => u !== current),
      currentStart,
      tried,
      40,
    );
    assert.ok(target, `a unit ${need} can move to without breaking a rule: ${JSON.stringify(tried)}`);

    await app.waitForTestIdText('move-ok', 'OK – ändringen bryter inte mot någon regel.');
    await app.waitForNoTestId('violations');
    await app.waitForEnabled('move-apply', true);
    await app.clickTestId('move-apply');

    await app.waitForNoTestId('move-dialog');
    await app.waitForTestIdText('plan-notice', 'Ändringen är genomförd.');
    const unitName = units.get(target).name;
    await app.waitFor(async () => {
      const shown = (await showOnly(need)) === 'placement' ? await app.tableRow(`placement-${need}`) : null;
      return shown?.Enhet.includes(unitName);
    }, `the row of ${need} to show ${unitName}`);
    // The change is in the plan's log, with its reason.
    await app.waitForTestIdText('audit-trail', reason);
    moved = { need, unitId: target, unitName };
    t.diagnostic(`moved ${need} from ${before.Enhet} to ${unitName} (${tried.length} choices checked; ${candidate.moves.length} looked free)`);
  });

  test('a placement is locked with a reason', { timeout: timeout(60_000) }, async () => {
    assert.ok(moved, 'the placement moved in the previous step');
    const { need } = moved;
    await app.waitForTestIdText(`lock-${need}`, 'Lås');
    await app.clickTestId(`lock-${need}`);
    await app.waitForTestIdText('lock-dialog', 'Lås placering');
    await app.waitForEnabled('lock-confirm', false); // a reason first
    await app.typeInto('lock-reason', 'E2E: överenskommet med enheten');
    await app.clickTestId('lock-confirm');

    await app.waitForNoTestId('lock-dialog');
    await app.waitForTestIdText('plan-notice', 'Placeringen är låst.');
    await showOnly(need);
    await app.waitForTestIdText(`lock-${need}`, 'Lås upp');
    const row = await app.tableRow(`placement-${need}`);
    assert.equal(row['Låsning'], 'Låst', JSON.stringify(row));
    assert.ok(row.Enhet.includes(moved.unitName), JSON.stringify(row));
    moved.row = row;
  });

  test('a new run keeps the locked placement where it was locked', { timeout: timeout(180_000) }, async (t) => {
    assert.ok(moved?.row, 'the placement locked in the previous step');
    // The progress panel may show only for a moment: a re-run starts from the draft.
    const outcome = await runMatching({ waitForProgress: false });
    const movedCount = await app.textOfTestId('outcome-moved');
    t.diagnostic(`first run: ${JSON.stringify(firstRun)}; re-run: ${JSON.stringify(outcome)}`);
    assert.match(movedCount ?? '', /^\d+$/, `the outcome says how many placements moved: ${JSON.stringify(outcome)}`);

    assert.equal(await showOnly(moved.need), 'placement', `${moved.need} is still placed`);
    const row = await app.tableRow(`placement-${moved.need}`);
    for (const column of ['Enhet', 'Handledare', 'Veckor', 'Låsning']) {
      assert.equal(row[column], moved.row[column], `${column} of ${moved.need} after the run: ${JSON.stringify({ before: moved.row, after: row })}`);
    }
    await app.clickButton('Rensa filter');
  });

  test('the versions tab publishes the draft as version 1', { timeout: timeout(60_000) }, async () => {
    await app.clickTestId('tab-versions');
    await app.waitForTestIdText('version-0', 'Utkast');
    const draft = await app.tableRow('version-0');
    await app.typeInto('publish-note', 'E2E: skickad till lärosätena');
    await app.clickTestId('publish-plan');
    await app.waitForTestIdText('publish-done', 'Version 1 publicerad');

    const row = await app.tableRow('version-1');
    assert.equal(row.Version, 'Version 1', JSON.stringify(row));
    assert.equal(row.Anteckning, 'E2E: skickad till lärosätena', JSON.stringify(row));
    assert.equal(row.Placerade, draft.Placerade, `version 1 has the draft's placements: ${JSON.stringify({ draft, row })}`);
    assert.equal(row.Oplacerade, draft.Oplacerade);
    assert.equal(count(row.Placerade) + count(row.Oplacerade), firstRun.placed + firstRun.unplaced, 'every need is either placed or unplaced');
    await app.screenshot('e2e-versions');
  });
});
