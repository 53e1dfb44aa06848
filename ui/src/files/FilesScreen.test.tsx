import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AppError, PlacementView_Serialize, PlanDetails_Serialize, UnplacedView_Serialize } from '../bindings';
import { deferred, mockCommands } from '../test/backend';
import { placementView, plainSpaces } from '../test/fixtures';
import { termTabWrapper } from '../test/navigation';
import { FilesScreen } from './FilesScreen';

const Wrapper = termTabWrapper('ht2027', 'files');

function placement(need: string): PlacementView_Serialize {
  return placementView({
    need,
    student: `st-${need}`,
    student_name: 'Alva Lindqvist',
    unit_name: 'Avdelning 12',
    preference_rank: 1,
    travel_km: 4.2,
    cost: 4.2,
  });
}

const unplaced: UnplacedView_Serialize = {
  need: 'st-0002-1',
  student: 'st-0002',
  student_name: 'Omar Said',
  programme: 'ki-nurse',
  programme_name: 'Sjuksköterskeprogrammet',
  school: 'ki',
  area: 'surgery',
  weeks: 4,
  priority: 1,
  earliest: null,
  latest: null,
  reason: 'no_capacity',
  detail: 'all full',
  facts: null,
  names: {},
};

const imported: PlanDetails_Serialize = {
  version: 0,
  solver_status: 'imported',
  objective: 10008.4,
  bound: null,
  gap: null,
  created_at: '2027-08-01T10:00:00Z',
  note: '',
  violations: [],
  review: {
    open_weeks: ['2027-W35', '2027-W36'],
    placements: [placement('st-0001-1'), placement('st-0003-1'), placement('st-0004-1')],
    unplaced: [unplaced],
    remits: [],
  },
};

const planFile = (text = '{"format":"vfu-plan/1","term":"ht2027"}') =>
  new File([text], 'ht2027.plan.json', { type: 'application/json' });

describe('FilesScreen', () => {
  it('exports the scenario file and says where it went', async () => {
    const calls = mockCommands({
      export_scenario_file: () => ({ path: '/home/samordnare/Hämtade filer/ht2027-scenario.json', bytes: 123_456 }),
    });
    const user = userEvent.setup();
    render(<FilesScreen termId="ht2027" />, { wrapper: Wrapper });

    await user.click(screen.getByTestId('export-scenario'));
    const saved = await screen.findByTestId('export-scenario-result');
    expect(plainSpaces(saved.textContent)).toBe('Sparad till /home/samordnare/Hämtade filer/ht2027-scenario.json (121 kB)');
    expect(calls).toHaveBeenCalledWith('export_scenario_file', { termId: 'ht2027' });
  });

  it('explains why an export could not be written', async () => {
    mockCommands({
      export_scenario_file: () => {
        const error: AppError = { type: 'File', data: { path: '/home/x/ht2027-scenario.json', message: 'Permission denied (os error 13)' } };
        throw error;
      },
      export_plan_file: () => {
        const error: AppError = { type: 'NotFound', data: { what: 'plan version', id: 'ht2027 v0' } };
        throw error;
      },
    });
    const user = userEvent.setup();
    render(<FilesScreen termId="ht2027" />, { wrapper: Wrapper });
    await user.click(screen.getByTestId('export-scenario'));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Filen kunde inte sparas' })).toBeInTheDocument();
    expect(within(alert).getByText(/Permission denied/).closest('details')).not.toBeNull();

    await user.click(screen.getByTestId('export-draft-plan'));
    expect(await screen.findByRole('heading', { name: 'Det finns inget utkast ännu' })).toBeInTheDocument();
  });

  it('imports a plan file as the draft and offers the plan', async () => {
    const calls = mockCommands({ import_plan_text: () => imported });
    const user = userEvent.setup();
    render(<FilesScreen termId="ht2027" />, { wrapper: Wrapper });

    await user.upload(screen.getByTestId('import-plan-input'), planFile());
    const result = await screen.findByTestId('import-plan-result');
    expect(calls).toHaveBeenCalledWith('import_plan_text', { termId: 'ht2027', text: '{"format":"vfu-plan/1","term":"ht2027"}' });
    expect(result).toHaveTextContent('Planen i ht2027.plan.json är nu terminens utkast.');
    expect(result).toHaveTextContent('3 behov placerade, 1 oplacerat');

    await user.click(within(result).getByRole('button', { name: 'Visa planen' }));
    expect(screen.getByTestId('view')).toHaveTextContent('ht2027/plan');
  });

  it('shows the rules a refused plan breaks', async () => {
    mockCommands({
      import_plan_text: () => {
        const error: AppError = {
          type: 'RulesBroken',
          data: {
            violations: [
              { rule: 'unit_capacity', need: null, message: 'ks-avd12 has 5 nurses in 2027-W38 but 4 places' },
              { rule: 'student_overlap', need: 'st-0001-2', message: 'st-0001 is in two places in 2027-W40' },
            ],
          },
        };
        throw error;
      },
    });
    const user = userEvent.setup();
    render(<FilesScreen termId="ht2027" />, { wrapper: Wrapper });
    await user.upload(screen.getByTestId('import-plan-input'), planFile());

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Planen bryter mot regler' })).toBeInTheDocument();
    expect(alert).toHaveTextContent('Ingenting importerades. Planen i ht2027.plan.json bryter mot regler på 2 ställen');
    const violations = within(alert).getByTestId('violations');
    expect(within(violations).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Enhetens platser ks-avd12 has 5 nurses in 2027-W38 but 4 places',
      'En plats per vecka st-0001 is in two places in 2027-W40',
    ]);
    expect(screen.queryByTestId('import-plan-result')).not.toBeInTheDocument();
  });

  it('lists every problem of a plan file that cannot be read, and reports progress meanwhile', async () => {
    const gate = deferred<void>();
    mockCommands({
      import_plan_text: async () => {
        await gate.promise;
        const error: AppError = {
          type: 'InvalidInput',
          data: {
            problems: [
              { path: 'placements[3].start', field: null, message: '"2027-W99" is not an ISO week' },
              { path: 'placements[7].nedd', field: null, message: 'unknown field' },
              { path: 'term', field: null, message: 'the plan is for term "vt2028", not "ht2027"' },
            ],
          },
        };
        throw error;
      },
    });
    const user = userEvent.setup();
    render(<FilesScreen termId="ht2027" />, { wrapper: Wrapper });
    await user.upload(screen.getByTestId('import-plan-input'), planFile());
    expect(await screen.findByTestId('import-plan-progress')).toHaveTextContent('Kontrollerar och importerar ht2027.plan.json');

    gate.resolve();
    const report = await screen.findByTestId('import-plan-problems');
    expect(within(report).getByTestId('problem-count')).toHaveTextContent('3 problem');
    expect(within(report).getAllByRole('listitem').map((li) => within(li).getByText(/\S/, { selector: 'code' }).textContent)).toEqual([
      'placements[3].start',
      'placements[7].nedd',
      'term',
    ]);
    await waitFor(() => expect(screen.queryByTestId('import-plan-progress')).not.toBeInTheDocument());
  });

  it('explains both file formats', () => {
    mockCommands({});
    render(<FilesScreen termId="ht2027" />, { wrapper: Wrapper });
    expect(screen.getByRole('heading', { name: 'Filformaten' })).toBeInTheDocument();
    expect(screen.getByText('vfu-scenario/1')).toBeInTheDocument();
    expect(screen.getByText('vfu-plan/1')).toBeInTheDocument();
  });
});
