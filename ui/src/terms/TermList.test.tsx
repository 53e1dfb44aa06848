import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AppError, TermSummary } from '../bindings';
import { autumn2027, plainSpaces, spring2027 } from '../test/fixtures';
import { TermList } from './TermList';
import { NavigationProvider } from '../app/navigation';

function answerListTerms(answer: () => TermSummary[] | Promise<TermSummary[]>) {
  const calls = vi.fn();
  mockIPC((cmd, payload) => {
    calls(cmd, payload);
    if (cmd === 'list_terms') return answer();
    throw new Error(`unexpected command ${cmd}`);
  });
  return calls;
}

function failListTerms(error: AppError) {
  mockIPC((cmd) => {
    if (cmd === 'list_terms') throw error; // the shape Tauri rejects with when a command returns Err(AppError)
  });
}

/** The text of each body row's first cell (the row header), in display order. */
function termOrder(): string[] {
  const [, body] = screen.getAllByRole('rowgroup');
  return within(body!)
    .getAllByRole('row')
    .map((row) => within(row).getByRole('rowheader').querySelector('.term__name')?.textContent ?? '');
}

describe('TermList', () => {
  it('lists the terms with Swedish weeks and numbers', async () => {
    const calls = answerListTerms(() => [spring2027, autumn2027]);
    render(<TermList />, { wrapper: NavigationProvider });

    expect(await screen.findByRole('rowheader', { name: /HT 2027/ })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: /VT 2027/ })).toBeInTheDocument();
    expect(calls).toHaveBeenCalledWith('list_terms', {});
    expect(screen.getByText('ht2027')).toBeInTheDocument();

    expect(screen.getByText('v. 35 2027 – v. 2 2028')).toBeInTheDocument();
    expect(screen.getByText('v. 3 – v. 22 2027')).toBeInTheDocument();
    expect(screen.getByText('Stängt v. 52, v. 1')).toBeInTheDocument();

    const autumnRow = screen.getByRole('rowheader', { name: /HT 2027/ }).closest('tr')!;
    const cells = within(autumnRow).getAllByRole('cell').map((cell) => plainSpaces(cell.textContent));
    // period, open weeks, students, needs, units, places, supervisors, demand
    expect(cells.slice(1, 7)).toEqual(['18', '10 000', '15 234', '2 450', '3 120', '7 815']);
    expect(within(autumnRow).getByText(/^10\s000$/)).toBeInTheDocument();
    expect(cells[7]).toContain('128 %');
    expect(cells[7]).toContain('61 200 av 48 000 studentveckor');
    expect(cells[7]).toContain('Behovet är större än kapaciteten');

    const headers = screen.getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers.join('|')).toMatch(/Termin.*Period.*Öppna veckor.*Studenter.*Behov.*Enheter.*Platser.*Handledare.*Beläggning/);
    expect(plainSpaces(screen.getByText(/terminer$/).textContent)).toBe('2 terminer');
  });

  it('shows the latest term first and sorts by a column when its header is pressed', async () => {
    answerListTerms(() => [spring2027, autumn2027]);
    const user = userEvent.setup();
    render(<TermList />, { wrapper: NavigationProvider });
    await screen.findByRole('table');

    expect(termOrder()).toEqual(['HT 2027', 'VT 2027']);
    expect(screen.getByRole('columnheader', { name: /Period/ })).toHaveAttribute('aria-sort', 'descending');

    await user.click(screen.getByRole('button', { name: /^Termin/ }));
    expect(termOrder()).toEqual(['HT 2027', 'VT 2027']);
    expect(screen.getByRole('columnheader', { name: /Termin/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('columnheader', { name: /Period/ })).not.toHaveAttribute('aria-sort');

    await user.click(screen.getByRole('button', { name: /^Termin/ }));
    expect(termOrder()).toEqual(['VT 2027', 'HT 2027']);

    await user.click(screen.getByRole('button', { name: /^Studenter/ }));
    expect(termOrder()).toEqual(['HT 2027', 'VT 2027']); // counts sort largest first
  });

  it('shows that it is loading', async () => {
    answerListTerms(() => new Promise<TermSummary[]>(() => {}));
    render(<TermList />, { wrapper: NavigationProvider });
    expect(await screen.findByRole('status')).toHaveTextContent('Hämtar terminer…');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says so when there are no terms', async () => {
    answerListTerms(() => []);
    render(<TermList />, { wrapper: NavigationProvider });
    expect(await screen.findByRole('heading', { name: 'Inga terminer ännu' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('explains a storage error in plain words, with the details tucked away, and can try again', async () => {
    failListTerms({ type: 'Storage', data: { message: 'error returned from database: (code: 5) database is locked' } });
    const user = userEvent.setup();
    render(<TermList />, { wrapper: NavigationProvider });

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Databasen kunde inte läsas' })).toBeInTheDocument();
    const details = within(alert).getByText(/database is locked/);
    expect(details.closest('details')).not.toHaveAttribute('open');
    expect(within(alert).getByText('Tekniska detaljer').tagName).toBe('SUMMARY');

    answerListTerms(() => [autumn2027]);
    await user.click(within(alert).getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByRole('rowheader', { name: /HT 2027/ })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('lists the problems of an InvalidInput error', async () => {
    failListTerms({ type: 'InvalidInput', data: { problems: [{ path: 'term_id', message: 'okänd termin' }] } });
    render(<TermList />, { wrapper: NavigationProvider });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Uppgifterna behöver rättas' })).toBeInTheDocument();
    expect(within(alert).getByRole('listitem')).toHaveTextContent('term_id okänd termin');
  });

  it('shows a friendly message when the app core cannot be reached', async () => {
    // No mockIPC: there is no Tauri bridge, as when the UI is opened in a plain browser.
    render(<TermList />, { wrapper: NavigationProvider });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Programmet kunde inte hämta uppgifterna' })).toBeInTheDocument();
    await waitFor(() => expect(within(alert).getByText(/TypeError/).closest('details')).not.toBeNull());
  });
});
