import { NavigationProvider, useNavigation } from '../app/navigation';
import { mockIPC } from '@tauri-apps/api/mocks';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Scenario_Serialize } from '../bindings';
import { plainSpaces } from '../test/fixtures';
import { DataScreen } from './DataScreen';
import { tinyScenario } from './testing';

// jsdom lays nothing out: give elements a size so that the virtualised grid renders its rows.
const SIZES = { clientHeight: 720, clientWidth: 1200, offsetHeight: 720, offsetWidth: 1200 } as const;
const saved = Object.keys(SIZES).map((key) => [key, Object.getOwnPropertyDescriptor(HTMLElement.prototype, key)] as const);
beforeAll(() => {
  for (const [key, value] of Object.entries(SIZES)) {
    Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => value });
  }
});
afterAll(() => {
  for (const [key, descriptor] of saved) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, key, descriptor);
    else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[key];
  }
});

type Edit = { kind: string; id: string | null; value: Record<string, unknown> | null; position: number | null };
type Handler = (cmd: string, args: Record<string, unknown>) => unknown;

const LOGGED = {
  seq: 1,
  kind: 'student',
  entity_id: 'st-01',
  action: 'changed',
  undone: false,
  created_at: '2027-08-30 10:15:00',
};

/** Answers the data screen's commands from a scenario; `extra` answers (or overrides) the rest. */
function backend(options: { scenario?: Scenario_Serialize; edits?: unknown[]; extra?: Handler } = {}) {
  let scenario = options.scenario ?? tinyScenario();
  const calls = vi.fn<(cmd: string, args: Record<string, unknown>) => void>();
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls(cmd, args);
    const answer = options.extra?.(cmd, args);
    if (answer !== undefined) return answer;
    switch (cmd) {
      case 'term_scenario':
        return scenario;
      case 'list_edits':
        return options.edits ?? [];
      case 'check_edit':
        return [];
      default:
        throw new Error(`unexpected command ${cmd}`);
    }
  });
  return {
    calls,
    setScenario: (next: Scenario_Serialize) => {
      scenario = next;
    },
    edits: (cmd: string) => calls.mock.calls.filter(([c]) => c === cmd).map(([, args]) => args.edit as Edit),
  };
}

async function openStudents(user: ReturnType<typeof userEvent.setup>) {
  render(<DataScreen termId="HT2027-v45" />, { wrapper: NavigationProvider });
  await user.click(await screen.findByTestId('data-kind-student'));
  return screen.findByTestId('data-row-st-01');
}

function rowIds(): string[] {
  return screen.queryAllByTestId(/^data-row-/).map((row) => row.getAttribute('data-testid')!.replace('data-row-', ''));
}

describe('DataScreen', () => {
  it('lists the students with their count, masks personal identity numbers, and filters by text and programme', async () => {
    backend();
    const user = userEvent.setup();
    const first = await openStudents(user);

    expect(plainSpaces(screen.getByRole('status', { name: '' }).textContent)).toBe('12 studenter');
    expect(rowIds()).toHaveLength(12);
    expect(within(first).getByText('Alva Lindqvist')).toBeInTheDocument();
    expect(within(first).getByText('20010505-****')).toBeInTheDocument();
    expect(within(first).getByText('Sjuksköterskeprogrammet')).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('200105052385');
    expect(screen.getByTestId('data-kind-student')).toHaveTextContent('Studenter12');

    await user.type(screen.getByRole('searchbox', { name: 'Sök' }), 'hugo');
    expect(rowIds()).toEqual(['st-02']);
    expect(plainSpaces(screen.getByText(/av 12 studenter/).textContent)).toBe('1 av 12 studenter');
    // The search sees the date of birth, never the last four digits.
    await user.clear(screen.getByRole('searchbox', { name: 'Sök' }));
    await user.type(screen.getByRole('searchbox', { name: 'Sök' }), '2385');
    expect(rowIds()).toEqual([]);
    expect(screen.getByText('Inget matchar sökningen och filtren.')).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Sök' }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Program' }), 'ki-med');
    expect(rowIds()).toEqual(['st-04', 'st-05', 'st-06']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Område' }), 'emergency');
    expect(rowIds()).toEqual(['st-04', 'st-05']);
  });

  it('sorts by any column', async () => {
    backend();
    const user = userEvent.setup();
    await openStudents(user);

    await user.click(screen.getByRole('button', { name: /^Namn/ }));
    expect(screen.getByRole('columnheader', { name: /Namn/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(rowIds().slice(0, 3)).toEqual(['st-12', 'st-01', 'st-03']); // Ali, Alva, Amira
    await user.click(screen.getByRole('button', { name: /^Veckor/ }));
    expect(screen.getByRole('columnheader', { name: /Veckor/ })).toHaveAttribute('aria-sort', 'descending');
    expect(rowIds()[0]).toBe('st-01'); // 4 + 2 weeks
  });

  it('shows the full personal identity number only in the edit form', async () => {
    backend();
    const user = userEvent.setup();
    await user.click(await openStudents(user));

    const field = await screen.findByRole('textbox', { name: 'Personnummer' });
    expect(field).toHaveValue('200105052385');
    expect(within(screen.getByRole('table')).queryByText('200105052385')).not.toBeInTheDocument();
  });

  it('checks a change after a pause in typing and shows each problem beside its field', async () => {
    const { edits } = backend({
      extra: (cmd, args) => {
        if (cmd !== 'check_edit') return undefined;
        const value = (args.edit as Edit).value!;
        if (value.personal_id === '200105052385') return [];
        return [
          { path: 'students[0].personal_id', field: 'personal_id', message: `"${String(value.personal_id)}" fails the check digit` },
          { path: 'locked[0].need', field: null, message: '"st-01-1" is not a need of this file' },
        ];
      },
    });
    const user = userEvent.setup();
    await user.click(await openStudents(user));

    const field = await screen.findByRole('textbox', { name: 'Personnummer' });
    await user.clear(field);
    await user.type(field, '200105052386');
    expect(edits('check_edit')).toHaveLength(0); // nothing checked while typing

    const message = await screen.findByText('"200105052386" fails the check digit');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field.getAttribute('aria-describedby')).toContain(message.closest('ul')!.id);
    const checks = edits('check_edit');
    expect(checks).toHaveLength(1); // once, after typing paused
    expect(checks[0]).toMatchObject({ kind: 'student', id: 'st-01', position: null, value: { id: 'st-01', personal_id: '200105052386' } });

    const problems = screen.getByTestId('edit-problems');
    expect(problems).toHaveTextContent('2 problem behöver rättas');
    expect(problems).toHaveTextContent('1 visas vid sitt fält.');
    expect(within(problems).getByRole('listitem')).toHaveTextContent('"st-01-1" is not a need of this file');
    expect(within(problems).queryByText(/check digit/)).not.toBeInTheDocument();
    expect(screen.getByTestId('edit-save')).toBeDisabled();

    await user.clear(field);
    await user.type(field, '200105052385');
    await waitFor(() => expect(screen.queryByTestId('edit-problems')).not.toBeInTheDocument());
    expect(field).not.toHaveAttribute('aria-invalid');
  });

  it('shows a problem of a nested list at its own field', async () => {
    backend({
      extra: (cmd, args) =>
        cmd === 'check_edit' && (args.edit as Edit).value
          ? [{ path: 'students[0].needs[1].weeks', field: 'needs[1].weeks', message: '0 is too small; it must be at least 1' }]
          : undefined,
    });
    const user = userEvent.setup();
    await user.click(await openStudents(user));

    const weeks = (await screen.findAllByRole('spinbutton', { name: 'Veckor' }))[1]!;
    await user.clear(weeks);
    await user.type(weeks, '0');
    const message = await screen.findByText('0 is too small; it must be at least 1');
    expect(message.closest('.list-item')).toHaveTextContent('st-01-2');
    expect(screen.getByTestId('edit-problems')).toHaveTextContent('1 visas vid sitt fält.');
  });

  it('saves the whole entry, reads the scenario again and says what was saved', async () => {
    const saved = tinyScenario();
    saved.students[0]!.name = 'Alva Berg';
    const { calls, edits, setScenario } = backend({
      extra: (cmd) => {
        if (cmd !== 'save_edit') return undefined;
        setScenario(saved);
        return LOGGED;
      },
    });
    const user = userEvent.setup();
    await user.click(await openStudents(user));

    const name = await screen.findByRole('textbox', { name: 'Namn' });
    await user.clear(name);
    await user.type(name, 'Alva Berg');
    await waitFor(() => expect(screen.getByTestId('edit-state')).toHaveTextContent('klara att spara'));
    await user.click(screen.getByTestId('edit-save'));

    await waitFor(() => expect(edits('save_edit')).toHaveLength(1));
    expect(calls).toHaveBeenCalledWith('save_edit', expect.objectContaining({ termId: 'HT2027-v45' }));
    expect(edits('save_edit')[0]).toEqual({
      kind: 'student',
      id: 'st-01',
      position: null,
      value: {
        id: 'st-01',
        name: 'Alva Berg',
        personal_id: '200105052385',
        programme: 'ki-nurse',
        minor: false,
        home: { lat: 59.36, lon: 18.0 },
        excluded_units: [],
        clearances: ['jobsh', 'mrsa_screening'],
        needs: [
          { id: 'st-01-1', area: 'internal_medicine', weeks: 4, earliest: '2027-W45', latest: '2027-W51', ipl: false, priority: 1, preferences: ['ks-avd12'] },
          { id: 'st-01-2', area: 'internal_medicine', weeks: 2, earliest: '2027-W46', latest: '2027-W50', ipl: true, priority: 2, preferences: [] },
        ],
      },
    });
    expect(await screen.findByTestId('data-message')).toHaveTextContent('Ändrade student st-01.');
    expect(calls.mock.calls.filter(([c]) => c === 'term_scenario')).toHaveLength(2);
    expect(within(screen.getByTestId('data-row-st-01')).getByText('Alva Berg')).toBeInTheDocument();
    expect(screen.getByTestId('edit-state')).toHaveTextContent('Inga osparade ändringar.');
  });

  it('shows the problems of a refused save beside their fields', async () => {
    backend({
      extra: (cmd) =>
        cmd === 'save_edit'
          ? Promise.reject({
              type: 'InvalidInput',
              data: { problems: [{ path: 'students[0].name', field: 'name', message: 'must not be empty' }] },
            })
          : undefined,
    });
    const user = userEvent.setup();
    await user.click(await openStudents(user));
    const name = await screen.findByRole('textbox', { name: 'Namn' });
    await user.type(name, ' ');
    await waitFor(() => expect(screen.getByTestId('edit-save')).toBeEnabled());
    await user.click(screen.getByTestId('edit-save'));
    expect(await screen.findByText('must not be empty')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
  });

  it('undoes the newest edit with the button and with Ctrl+Z, and says what was undone', async () => {
    const { calls } = backend({
      edits: [LOGGED],
      extra: (cmd) => (cmd === 'undo_edit' ? { ...LOGGED, undone: true } : undefined),
    });
    const user = userEvent.setup();
    render(<DataScreen termId="HT2027-v45" />, { wrapper: NavigationProvider });
    const undo = await screen.findByTestId('edit-undo');
    await waitFor(() => expect(undo).toBeEnabled());

    await user.click(undo);
    expect(await screen.findByTestId('data-message')).toHaveTextContent('Ångrade: ändrade student st-01');
    expect(calls).toHaveBeenCalledWith('undo_edit', { termId: 'HT2027-v45' });
    expect(calls.mock.calls.filter(([c]) => c === 'term_scenario')).toHaveLength(2);

    // Ctrl+Z in a text field is the field's own undo; elsewhere it undoes the saved edit.
    const count = () => calls.mock.calls.filter(([c]) => c === 'undo_edit').length;
    await user.click(screen.getByTestId('data-part-term'));
    const name = screen.getByRole('textbox', { name: 'Namn' });
    name.focus();
    fireEvent.keyDown(name, { key: 'z', ctrlKey: true });
    expect(count()).toBe(1);
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(count()).toBe(2));
  });

  it('says so when there is nothing to undo', async () => {
    backend({ extra: (cmd) => (cmd === 'undo_edit' ? null : undefined) });
    render(<DataScreen termId="HT2027-v45" />, { wrapper: NavigationProvider });
    await screen.findByTestId('data-part-term');
    act(() => {
      fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    });
    expect(await screen.findByTestId('data-message')).toHaveTextContent('Det finns inget att ångra.');
  });

  it('lists the edit log with time and what was done, undone edits struck through', async () => {
    backend({
      edits: [
        { seq: 2, kind: 'unit', entity_id: 'ks-akut', action: 'removed', undone: true, created_at: '2027-08-30 11:00:00' },
        LOGGED,
        { seq: 0, kind: 'weights', entity_id: null, action: 'changed', undone: false, created_at: '2027-08-30 09:00:00' },
      ],
    });
    const user = userEvent.setup();
    render(<DataScreen termId="HT2027-v45" />, { wrapper: NavigationProvider });
    await user.click(await screen.findByRole('button', { name: 'Ändringslogg (3)' }));

    const log = screen.getByTestId('edit-log');
    const items = within(log).getAllByRole('listitem');
    expect(items.map((i) => i.querySelector('.edit-log__text')?.textContent)).toEqual([
      'Tog bort enhet ks-akut ångrad',
      'Ändrade student st-01',
      'Ändrade vikterna',
    ]);
    expect(within(items[0]!).getByText('Tog bort enhet ks-akut').tagName).toBe('S');
    expect(items[1]!.querySelector('s')).toBeNull();
    expect(items[1]!.querySelector('time')).toHaveAttribute('dateTime', '2027-08-30 10:15:00');
    expect(items[1]!.querySelector('time')?.textContent).toMatch(/2027/);
  });

  it('asks before unsaved changes are thrown away by choosing another row', async () => {
    backend();
    const user = userEvent.setup();
    await user.click(await openStudents(user));
    const name = await screen.findByRole('textbox', { name: 'Namn' });
    await user.type(name, 'x');

    await user.click(screen.getByTestId('data-row-st-02'));
    const dialog = await screen.findByRole('alertdialog', { name: 'Kasta osparade ändringar?' });
    await user.click(within(dialog).getByRole('button', { name: 'Fortsätt redigera' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Student st-01' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Namn' })).toHaveValue('Alva Lindqvistx');

    await user.click(screen.getByTestId('data-kind-unit'));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Kasta ändringarna' }));
    expect(await screen.findByTestId('data-row-ks-avd12')).toBeInTheDocument();
    expect(screen.queryByTestId('edit-panel')).not.toBeInTheDocument();
  });

  it('asks before leaving the data screen for another tab with unsaved changes', async () => {
    backend();
    const user = userEvent.setup();
    function WhereAmI() {
      const { view, showTab } = useNavigation();
      return (
        <>
          <button type="button" onClick={() => showTab('plan')}>
            Plan
          </button>
          <output data-testid="tab">{view.kind === 'term' ? view.tab : view.kind}</output>
        </>
      );
    }
    render(
      <NavigationProvider initial={{ kind: 'term', termId: 'HT2027-v45', tab: 'data' }}>
        <WhereAmI />
        <DataScreen termId="HT2027-v45" />
      </NavigationProvider>,
    );
    const name = await screen.findByRole('textbox', { name: 'Namn' });
    await user.type(name, ' (ändrad)');
    await user.click(screen.getByRole('button', { name: 'Plan' }));
    expect(screen.getByTestId('tab')).toHaveTextContent('data');
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Kasta ändringarna' }));
    expect(screen.getByTestId('tab')).toHaveTextContent('plan');
  });

  it('adds a new entry with a suggested id, checked and saved as an addition', async () => {
    const { edits } = backend({ extra: (cmd) => (cmd === 'save_edit' ? { ...LOGGED, seq: 2, entity_id: 'st-13', action: 'added' } : undefined) });
    const user = userEvent.setup();
    await openStudents(user);
    await user.click(screen.getByTestId('data-add'));

    expect(screen.getByRole('heading', { name: 'Ny student' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Id' })).toHaveValue('st-13');
    await user.type(screen.getByRole('textbox', { name: 'Namn' }), 'Vera Ny');
    await user.type(screen.getByRole('textbox', { name: 'Personnummer' }), '200105052385');
    await user.click(screen.getByRole('button', { name: '+ Lägg till behov' }));
    expect(screen.getAllByRole('textbox', { name: 'Id' })[1]).toHaveValue('st-13-1');

    await waitFor(() => expect(edits('check_edit').length).toBeGreaterThan(0));
    expect(edits('check_edit').at(-1)).toMatchObject({ kind: 'student', id: null, value: { id: 'st-13', name: 'Vera Ny' } });
    await waitFor(() => expect(screen.getByTestId('edit-save')).toBeEnabled());
    await user.click(screen.getByTestId('edit-save'));
    await waitFor(() => expect(edits('save_edit')).toHaveLength(1));
    expect(edits('save_edit')[0]).toMatchObject({ id: null, value: { id: 'st-13', needs: [{ id: 'st-13-1', weeks: 1, priority: 1 }] } });
    expect(await screen.findByTestId('data-message')).toHaveTextContent('Lade till student st-13.');
  });

  it('shows what still refers to an entry before removing it, and removes it when nothing does', async () => {
    const { edits } = backend({
      extra: (cmd, args) => {
        const edit = args.edit as Edit | undefined;
        if (cmd === 'check_edit' && edit?.value === null && edit.id === 'ks-avd12')
          return [{ path: 'students[0].needs[0].preferences[0]', field: null, message: '"ks-avd12" is not a unit of this file' }];
        if (cmd === 'save_edit') return { ...LOGGED, kind: 'unit', entity_id: 'capio-mott', action: 'removed' };
        return undefined;
      },
    });
    const user = userEvent.setup();
    render(<DataScreen termId="HT2027-v45" />, { wrapper: NavigationProvider });
    await user.click(await screen.findByTestId('data-kind-unit'));

    await user.click(await screen.findByTestId('data-row-ks-avd12'));
    await user.click(screen.getByTestId('edit-remove'));
    const dialog = await screen.findByRole('alertdialog', { name: 'Ta bort enhet ks-avd12?' });
    expect(within(dialog).getByTestId('remove-problems')).toHaveTextContent('students[0].needs[0].preferences[0] "ks-avd12" is not a unit of this file');
    expect(within(dialog).queryByTestId('remove-confirm')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Stäng' }));

    await user.click(screen.getByTestId('data-row-capio-mott'));
    await user.click(screen.getByTestId('edit-remove'));
    await user.click(await screen.findByTestId('remove-confirm'));
    await waitFor(() => expect(edits('save_edit')).toEqual([{ kind: 'unit', id: 'capio-mott', value: null, position: null }]));
    expect(await screen.findByTestId('data-message')).toHaveTextContent('Tog bort enhet capio-mott.');
    expect(screen.queryByTestId('edit-panel')).not.toBeInTheDocument();
  });

  it('edits a unit\'s capacity by week range, shown as "v. 48" and sent as ISO weeks', async () => {
    const { edits } = backend();
    const user = userEvent.setup();
    render(<DataScreen termId="HT2027-v45" />, { wrapper: NavigationProvider });
    await user.click(await screen.findByTestId('data-kind-unit'));
    await user.click(await screen.findByTestId('data-row-ks-avd12'));

    const from = screen.getAllByRole('combobox', { name: 'Från och med vecka' })[1]!;
    expect(from).toHaveDisplayValue('v. 48');
    expect(within(from).getByRole('option', { name: 'v. 52 (stängd)' })).toBeInTheDocument();
    await user.selectOptions(from, '2027-W47');
    await waitFor(() => expect(edits('check_edit')).toHaveLength(1));
    expect((edits('check_edit')[0]!.value!.capacity as unknown[])[1]).toEqual({ profession: 'nurse', from: '2027-W47', to: '2027-W51', places: 1 });
  });

  it('renders only the rows in view of 15 000 students, and filters all of them', async () => {
    const scenario = tinyScenario();
    const model = scenario.students;
    scenario.students = Array.from({ length: 15000 }, (_, i) => {
      const student = model[i % model.length]!;
      const id = `st-${String(i + 1).padStart(5, '0')}`;
      return { ...student, id, needs: student.needs.map((need, j) => ({ ...need, id: `${id}-${j + 1}` })) };
    });
    backend({ scenario });
    const user = userEvent.setup();
    render(<DataScreen termId="HT2027-v45" />, { wrapper: NavigationProvider });
    await user.click(await screen.findByTestId('data-kind-student'));
    await screen.findByTestId('data-row-st-00001');

    expect(plainSpaces(screen.getByText(/studenter$/).textContent)).toBe('15 000 studenter');
    expect(rowIds().length).toBeGreaterThan(10);
    expect(rowIds().length).toBeLessThan(60);
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '15001');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Program' }), 'ecu-medsek');
    expect(plainSpaces(screen.getByText(/av 15 000 studenter$/).textContent)).toBe('1 250 av 15 000 studenter');
    expect(rowIds()[0]).toBe('st-00007');
  });

  it('edits the term whole, closed weeks chosen among the term\'s weeks', async () => {
    const { edits } = backend();
    const user = userEvent.setup();
    render(<DataScreen termId="HT2027-v45" />, { wrapper: NavigationProvider });
    expect(await screen.findByRole('heading', { name: 'Redigera terminen' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Id' })).toHaveAttribute('readonly');
    expect(screen.getByText('v. 45 2027')).toBeInTheDocument(); // beside "2027-W45"

    await user.click(screen.getByRole('checkbox', { name: 'v. 50' }));
    await waitFor(() => expect(edits('check_edit')).toHaveLength(1));
    expect(edits('check_edit')[0]).toEqual({
      kind: 'term',
      id: null,
      position: null,
      value: {
        id: 'HT2027-v45',
        name: 'Höstterminen 2027, period 2',
        first_week: '2027-W45',
        last_week: '2028-W03',
        closed_weeks: ['2027-W50', '2027-W52', '2028-W01'],
      },
    });
  });

  it('explains a failure to read the scenario in plain words', async () => {
    mockIPC((cmd) => {
      if (cmd === 'term_scenario') throw { type: 'NotFound', data: { what: 'term', id: 'HT2027-v45' } };
      if (cmd === 'list_edits') return [];
    });
    render(<DataScreen termId="HT2027-v45" />, { wrapper: NavigationProvider });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Uppgiften hittades inte' })).toBeInTheDocument();
  });
});
