import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NavigationProvider } from '../app/navigation';
import type { AppError, InputProblem, TermSummary } from '../bindings';
import { deferred, mockCommands, type Handler } from '../test/backend';
import { autumn2027, plainSpaces, spring2027 } from '../test/fixtures';
import { Where } from '../test/navigation';
import { fieldOfPath } from './NewTermForm';
import { TermList } from './TermList';

/** Answers list_terms with `terms` and the other commands with the given handlers; records every call. */
function backend(terms: () => TermSummary[], handlers: Record<string, Handler> = {}) {
  return mockCommands({ ...handlers, list_terms: () => terms() });
}

function renderList() {
  return render(
    <NavigationProvider>
      <TermList />
      <Where />
    </NavigationProvider>,
  );
}

const newSummary: TermSummary = {
  ...spring2027,
  id: 'vt2028',
  name: 'VT 2028',
  first_week: '2028-W03',
  last_week: '2028-W22',
  closed_weeks: ['2028-W14'],
  open_weeks: 19,
};

function jsonFile(text: string, name = 'scenario.json') {
  return new File([text], name, { type: 'application/json' });
}

describe('new term', () => {
  it('maps a problem path to its field', () => {
    expect(fieldOfPath('term.first_week')).toBe('first_week');
    expect(fieldOfPath('term.closed_weeks[1]')).toBe('closed_weeks');
    expect(fieldOfPath('term.id')).toBe('id');
    expect(fieldOfPath('term')).toBeNull();
    expect(fieldOfPath('format')).toBeNull();
  });

  it('checks the form before sending it', async () => {
    const calls = backend(() => [autumn2027]);
    const user = userEvent.setup();
    renderList();
    await user.click(await screen.findByTestId('new-term'));
    const form = screen.getByTestId('new-term-form');
    expect(within(form).getByRole('heading', { name: 'Ny termin' })).toBeInTheDocument();
    expect(within(form).getByLabelText('Termin-id')).toHaveFocus();

    await user.type(within(form).getByLabelText('Första veckan'), '2028-W22');
    await user.type(within(form).getByLabelText('Sista veckan'), 'v. 3');
    await user.click(within(form).getByRole('button', { name: 'Skapa termin' }));

    expect(within(form).getByLabelText('Termin-id')).toHaveAccessibleDescription(/Fyll i fältet\./);
    expect(within(form).getByLabelText('Namn')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('new-term-problems-last_week')).toHaveTextContent('Ingen giltig vecka');
    expect(calls).not.toHaveBeenCalledWith('create_term', expect.anything());

    await user.clear(within(form).getByLabelText('Sista veckan'));
    await user.type(within(form).getByLabelText('Sista veckan'), '2028-W03');
    await user.click(within(form).getByRole('button', { name: 'Skapa termin' }));
    expect(screen.getByTestId('new-term-problems-last_week')).toHaveTextContent('Sista veckan ligger före den första.');

    await user.click(within(form).getByRole('button', { name: 'Avbryt' }));
    expect(screen.queryByTestId('new-term-form')).not.toBeInTheDocument();
  });

  it('shows the back end\'s problems beside their fields, then opens the new term', async () => {
    let attempt = 0;
    const calls = backend(() => [autumn2027], {
      create_term: () => {
        attempt += 1;
        if (attempt === 1) {
          const error: AppError = {
            type: 'InvalidInput',
            data: {
              problems: [
                { path: 'term.first_week', field: null, message: '2028-W03 overlaps the break between the terms' },
                { path: 'term.closed_weeks[0]', field: null, message: '2028-W14 is a holiday week already' },
                { path: 'weights', field: null, message: 'weights are missing' },
              ],
            },
          };
          throw error;
        }
        return newSummary;
      },
    });
    const user = userEvent.setup();
    renderList();
    await user.click(await screen.findByTestId('new-term'));
    const form = screen.getByTestId('new-term-form');

    await user.type(within(form).getByLabelText('Termin-id'), 'vt2028');
    await user.type(within(form).getByLabelText('Namn'), 'VT 2028');
    const first = within(form).getByLabelText('Första veckan');
    await user.type(first, '2028-w3');
    expect(first).toHaveAccessibleDescription('v. 3 2028');
    await user.type(within(form).getByLabelText('Sista veckan'), '2028-W22');
    expect(within(form).getByLabelText('Sista veckan')).toHaveAccessibleDescription('v. 22 2028');

    const picker = screen.getByTestId('closed-week-picker');
    const weeks = within(picker).getAllByRole('button');
    expect(weeks).toHaveLength(20);
    expect(weeks[0]).toHaveTextContent('v. 3');
    await user.click(within(picker).getByRole('button', { name: 'v. 14' }));
    expect(within(picker).getByRole('button', { name: 'v. 14' })).toHaveAttribute('aria-pressed', 'true');
    expect(plainSpaces(form.textContent)).toContain('v. 3 – v. 22 2028: 19 öppna veckor, 1 stängd.');

    await user.click(within(form).getByRole('button', { name: 'Skapa termin' }));
    expect(await screen.findByTestId('new-term-problems-first_week')).toHaveTextContent(
      '2028-W03 overlaps the break between the terms',
    );
    expect(first).toHaveAttribute('aria-invalid', 'true');
    expect(first).toHaveAccessibleDescription(/overlaps the break/);
    expect(first).toHaveFocus();
    expect(screen.getByTestId('new-term-problems-closed_weeks')).toHaveTextContent('2028-W14 is a holiday week already');
    expect(screen.getByTestId('new-term-problems-other')).toHaveTextContent('weights weights are missing');
    expect(screen.getByTestId('view')).toHaveTextContent('terms');

    await user.click(within(form).getByRole('button', { name: 'Skapa termin' }));
    await waitFor(() => expect(screen.getByTestId('view')).toHaveTextContent('vt2028/overview'));
    expect(calls).toHaveBeenCalledWith('create_term', {
      term: { id: 'vt2028', name: 'VT 2028', first_week: '2028-W03', last_week: '2028-W22', closed_weeks: ['2028-W14'] },
    });
  });

  it('says beside the id when the term exists', async () => {
    backend(() => [autumn2027], {
      create_term: () => {
        const error: AppError = { type: 'TermExists', data: { id: 'ht2027' } };
        throw error;
      },
    });
    const user = userEvent.setup();
    renderList();
    await user.click(await screen.findByTestId('new-term'));
    const form = screen.getByTestId('new-term-form');
    await user.type(within(form).getByLabelText('Termin-id'), 'ht2027');
    await user.type(within(form).getByLabelText('Namn'), 'HT 2027');
    await user.type(within(form).getByLabelText('Första veckan'), '2027-W35');
    await user.type(within(form).getByLabelText('Sista veckan'), '2028-W02');
    await user.click(within(form).getByRole('button', { name: 'Skapa termin' }));
    expect(await screen.findByTestId('new-term-problems-id')).toHaveTextContent(
      'Det finns redan en termin med id ht2027. Välj ett annat id.',
    );
  });
});

describe('scenario import', () => {
  it('shows progress, then every problem of a refused file with its path', async () => {
    const answer = deferred<void>();
    const problems: InputProblem[] = Array.from({ length: 150 }, (_, i) => ({
      path: `students[${i}].personal_id`,
      field: null,
      message: 'the check digit is wrong',
    }));
    const calls = backend(() => [autumn2027], {
      import_scenario_text: async () => {
        await answer.promise;
        const error: AppError = { type: 'InvalidInput', data: { problems } };
        throw error;
      },
    });
    const user = userEvent.setup();
    renderList();
    await screen.findByRole('table');

    await user.upload(screen.getByTestId('import-scenario-input'), jsonFile('{"format":"vfu-scenario/1"}', 'ht2029.json'));
    expect(await screen.findByTestId('import-scenario-progress')).toHaveTextContent(/Kontrollerar och importerar ht2029\.json \(27 byte\)/);
    expect(screen.getByTestId('import-scenario-input')).toBeDisabled();
    expect(calls).toHaveBeenCalledWith('import_scenario_text', { text: '{"format":"vfu-scenario/1"}' });

    answer.resolve();
    const report = await screen.findByTestId('import-scenario-problems');
    expect(within(report).getByRole('heading', { name: 'Scenariofilen godtogs inte' })).toBeInTheDocument();
    expect(report).toHaveTextContent('Ingenting importerades från ht2029.json.');
    expect(within(report).getByTestId('problem-count')).toHaveTextContent('150 problem');
    const items = within(report).getAllByRole('listitem');
    expect(items).toHaveLength(150);
    expect(items[0]).toHaveTextContent('students[0].personal_id');
    expect(items[149]).toHaveTextContent('students[149].personal_id the check digit is wrong');
    expect(screen.queryByTestId('import-scenario-progress')).not.toBeInTheDocument();
    expect(screen.getByTestId('view')).toHaveTextContent('terms');

    await user.click(within(report).getByRole('button', { name: 'Stäng' }));
    expect(screen.queryByTestId('import-scenario-problems')).not.toBeInTheDocument();
  });

  it('explains a term that already exists', async () => {
    backend(() => [autumn2027], {
      import_scenario_text: () => {
        const error: AppError = { type: 'TermExists', data: { id: 'ht2027' } };
        throw error;
      },
    });
    const user = userEvent.setup();
    renderList();
    await screen.findByRole('table');
    await user.upload(screen.getByTestId('import-scenario-input'), jsonFile('{}'));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Terminen finns redan' })).toBeInTheDocument();
    expect(alert).toHaveTextContent('Det finns redan en termin med id ht2027.');
  });

  it('opens the imported term', async () => {
    const calls = backend(() => [], { import_scenario_text: () => ({ ...newSummary, id: 'ht2029' }) });
    const user = userEvent.setup();
    renderList();
    expect(await screen.findByRole('heading', { name: 'Inga terminer ännu' })).toBeInTheDocument();
    await user.upload(screen.getByTestId('import-scenario-input'), jsonFile('{"term":{}}'));
    await waitFor(() => expect(screen.getByTestId('view')).toHaveTextContent('ht2029/overview'));
    expect(calls).toHaveBeenCalledWith('import_scenario_text', { text: '{"term":{}}' });
  });
});

describe('deleting a term', () => {
  it('asks first, naming the term, and removes it when confirmed', async () => {
    let terms = [spring2027, autumn2027];
    const calls = backend(() => terms, {
      delete_term: (payload) => {
        terms = terms.filter((term) => term.id !== payload.termId);
        return null;
      },
    });
    const user = userEvent.setup();
    renderList();
    await screen.findByRole('table');

    await user.click(screen.getByRole('button', { name: 'Ta bort HT 2027' }));
    let dialog = screen.getByRole('alertdialog', { name: 'Ta bort HT 2027 (ht2027)?' });
    expect(dialog).toHaveAccessibleDescription(/Det går inte att ångra/);
    expect(within(dialog).getByRole('button', { name: 'Avbryt' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(calls).not.toHaveBeenCalledWith('delete_term', expect.anything());

    await user.click(screen.getByTestId('delete-term-ht2027'));
    dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Ta bort terminen' }));
    expect(await screen.findByTestId('term-deleted')).toHaveTextContent('HT 2027 togs bort.');
    expect(calls).toHaveBeenCalledWith('delete_term', { termId: 'ht2027' });
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: /HT 2027/ })).not.toBeInTheDocument());
    expect(screen.getByRole('rowheader', { name: /VT 2027/ })).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('keeps the dialog open with the reason when removal fails', async () => {
    backend(() => [autumn2027], {
      delete_term: () => {
        const error: AppError = { type: 'Busy', data: { term_id: 'ht2027' } };
        throw error;
      },
    });
    const user = userEvent.setup();
    renderList();
    await user.click(await screen.findByTestId('delete-term-ht2027'));
    const dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Ta bort terminen' }));
    expect(await within(dialog).findByRole('heading', { name: 'Matchning pågår' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Ta bort terminen' })).toBeEnabled();
  });
});
