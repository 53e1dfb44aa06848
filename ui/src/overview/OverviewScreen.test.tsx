import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AppError, TermBalance } from '../bindings';
import { chooseLanguage } from '../i18n';
import { mockCommands } from '../test/backend';
import { plainSpaces } from '../test/fixtures';
import { termTabWrapper } from '../test/navigation';
import { OverviewScreen } from './OverviewScreen';

const balance: TermBalance = {
  open_weeks: ['2027-W51', '2028-W02', '2028-W03'],
  programmes: [
    {
      school: 'ki',
      school_name: 'Karolinska Institutet',
      programme: 'ki-nurse',
      programme_name: 'Sjuksköterskeprogrammet',
      profession: 'nurse',
      level: 'university',
      students: 1200,
      needs: 1500,
      need_weeks: 6000,
      ipl_needs: 40,
    },
    {
      school: 'sll-gy',
      school_name: 'Stockholms gymnasium',
      programme: 'gy-an',
      programme_name: 'Vård- och omsorgsprogrammet',
      profession: 'assistant_nurse',
      level: 'upper_secondary',
      students: 300,
      needs: 300,
      need_weeks: 1200,
      ipl_needs: 0,
    },
    {
      school: 'ki',
      school_name: 'Karolinska Institutet',
      programme: 'ki-phys',
      programme_name: 'Läkarprogrammet',
      profession: 'physician',
      level: 'university',
      students: 500,
      needs: 500,
      need_weeks: 2500,
      ipl_needs: 20,
    },
  ],
  providers: [
    {
      provider: 'ks',
      provider_name: 'Karolinska Universitetssjukhuset',
      ownership: 'public',
      units: 40,
      places: 300,
      place_weeks: 5000,
      supervisors: 600,
      trained_supervisors: 450,
      remit_min_weeks: 4000,
    },
    {
      provider: 'capio',
      provider_name: 'Capio S:t Görans sjukhus',
      ownership: 'private',
      units: 12,
      places: 90,
      place_weeks: 1500,
      supervisors: 150,
      trained_supervisors: 75,
      remit_min_weeks: 2000,
    },
  ],
  cells: [
    // internal medicine: nurses over capacity in the first week, physicians with places only
    { area: 'internal_medicine', profession: 'nurse', week: 0, demand: 3, capacity: 2 },
    { area: 'internal_medicine', profession: 'nurse', week: 1, demand: 1, capacity: 4 },
    { area: 'internal_medicine', profession: 'nurse', week: 2, demand: 0, capacity: 4 },
    { area: 'internal_medicine', profession: 'physician', week: 0, demand: 0, capacity: 2 },
    { area: 'internal_medicine', profession: 'physician', week: 1, demand: 0.5, capacity: 2 },
    { area: 'internal_medicine', profession: 'physician', week: 2, demand: 0, capacity: 2 },
    // surgery: nurses expected where no places are declared
    { area: 'surgery', profession: 'nurse', week: 0, demand: 0, capacity: 0 },
    { area: 'surgery', profession: 'nurse', week: 1, demand: 2.25, capacity: 0 },
    { area: 'surgery', profession: 'nurse', week: 2, demand: 0, capacity: 0 },
  ],
};

function answer(result: () => TermBalance) {
  return mockCommands({ term_balance_of: () => result() });
}

const Wrapper = termTabWrapper('ht2027', 'overview');

function heatCell(area: string, week: string): HTMLElement {
  const map = screen.getByTestId('balance-heatmap');
  const found = map.querySelector<HTMLElement>(`td[data-area="${area}"][data-week="${week}"]`);
  if (!found) throw new Error(`no cell ${area} ${week}`);
  return found;
}

describe('OverviewScreen', () => {
  it('asks for the term balance and shows the key figures', async () => {
    const calls = answer(() => balance);
    render(<OverviewScreen termId="ht2027" />, { wrapper: Wrapper });
    const figures = await screen.findByTestId('key-figures');
    expect(calls).toHaveBeenCalledWith('term_balance_of', { termId: 'ht2027' });
    const text = plainSpaces(figures.textContent);
    expect(text).toContain('Studenter2 000');
    expect(text).toContain('Efterfrågade studentveckor9 700');
    expect(text).toContain('Deklarerade studentveckor6 500');
    expect(text).toContain('Beläggning149 %Behovet är större än kapaciteten');
  });

  it('marks a week over capacity in red and demand without places distinctly', async () => {
    answer(() => balance);
    render(<OverviewScreen termId="ht2027" />, { wrapper: Wrapper });
    const map = await screen.findByTestId('balance-heatmap');

    expect(within(map).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Område',
      '2027v. 51',
      '2028v. 2',
      'v. 3',
      'Hela terminen',
    ]);
    expect(within(map).getByRole('rowheader', { name: 'Internmedicin' })).toBeInTheDocument();
    expect(within(map).getByRole('rowheader', { name: 'Kirurgi' })).toBeInTheDocument();

    // all professions: internal medicine, week 51: 3 students for 4 places
    const im51 = heatCell('internal_medicine', '2027-W51');
    expect(im51).toHaveAttribute('data-level', 'r75');
    expect(plainSpaces(im51.title)).toBe('Internmedicin, v. 51: behov 3 studenter, kapacitet 4 platser, 75 %');

    const surgery2 = heatCell('surgery', '2028-W02');
    expect(surgery2).toHaveAttribute('data-level', 'no_capacity');
    expect(surgery2).toHaveTextContent('!');
    expect(plainSpaces(surgery2.title)).toBe('Kirurgi, v. 2: behov 2,3 studenter, kapacitet 0 platser, ingen kapacitet. Brist');

    expect(heatCell('surgery', '2027-W51')).toHaveAttribute('data-level', 'empty');
    expect(plainSpaces(screen.getByTestId('heatmap-summary').textContent)).toBe('Brist i 1 område: Kirurgi (1 vecka)');
    expect(screen.getByText('Stor brist: över 150 %')).toBeInTheDocument(); // the legend
  });

  it('shows one profession when chosen', async () => {
    answer(() => balance);
    const user = userEvent.setup();
    render(<OverviewScreen termId="ht2027" />, { wrapper: Wrapper });
    await screen.findByTestId('balance-heatmap');
    const select = screen.getByRole('combobox', { name: 'Yrke' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Alla yrken (summerat)',
      'Läkare',
      'Sjuksköterska',
    ]);

    await user.selectOptions(select, 'nurse');
    const im51 = heatCell('internal_medicine', '2027-W51');
    expect(im51).toHaveAttribute('data-level', 'over');
    expect(im51).toHaveTextContent('150');
    expect(plainSpaces(im51.title)).toBe('Internmedicin, v. 51: behov 3 studenter, kapacitet 2 platser, 150 %. Brist');
    expect(plainSpaces(screen.getByTestId('heatmap-summary').textContent)).toBe(
      'Brist i 2 områden: Internmedicin (1 vecka), Kirurgi (1 vecka)',
    );

    await user.selectOptions(select, 'physician');
    expect(heatCell('internal_medicine', '2027-W51')).toHaveAttribute('data-level', 'idle');
    expect(heatCell('internal_medicine', '2028-W02')).toHaveAttribute('data-level', 'r25');
    expect(within(screen.getByTestId('balance-heatmap')).queryByRole('rowheader', { name: 'Kirurgi' })).not.toBeInTheDocument();
    expect(screen.getByTestId('heatmap-summary')).toHaveTextContent('Kapaciteten räcker i alla områden och veckor.');
  });

  it('groups the needs by school with subtotals and a total, and sorts', async () => {
    answer(() => balance);
    const user = userEvent.setup();
    render(<OverviewScreen termId="ht2027" />, { wrapper: Wrapper });
    const table = await screen.findByTestId('programme-table');

    const rowTexts = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => plainSpaces(row.textContent));
    expect(rowTexts()).toEqual([
      'Karolinska Institutet',
      'Läkarprogrammetki-physUniversitet och högskola (VFU)Läkare5005002 50020',
      'Sjuksköterskeprogrammetki-nurseUniversitet och högskola (VFU)Sjuksköterska1 2001 5006 00040',
      'Summa Karolinska Institutet1 7002 0008 50060',
      'Stockholms gymnasium',
      'Vård- och omsorgsprogrammetgy-anGymnasium och komvux (APL)Undersköterska3003001 2000',
      'Summa Stockholms gymnasium3003001 2000',
      'Summa för terminen2 0002 3009 70060',
    ]);

    await user.click(within(table).getByRole('button', { name: /^Studenter/ }));
    expect(rowTexts()[1]).toContain('Sjuksköterskeprogrammet'); // largest first within the school

    await user.click(screen.getByRole('checkbox', { name: 'Gruppera per lärosäte' }));
    expect(rowTexts()).toEqual([
      'Sjuksköterskeprogrammetki-nurseKarolinska InstitutetUniversitet och högskola (VFU)Sjuksköterska1 2001 5006 00040',
      'Läkarprogrammetki-physKarolinska InstitutetUniversitet och högskola (VFU)Läkare5005002 50020',
      'Vård- och omsorgsprogrammetgy-anStockholms gymnasiumGymnasium och komvux (APL)Undersköterska3003001 2000',
      'Summa för terminen2 0002 3009 70060',
    ]);
    expect(plainSpaces(screen.getByTestId('level-totals').textContent)).toContain(
      'Universitet och högskola (VFU)1 700 studenter, 2 000 behov, 8 500 studentveckor',
    );
  });

  it('lists the providers, public and private, with their totals', async () => {
    answer(() => balance);
    const user = userEvent.setup();
    render(<OverviewScreen termId="ht2027" />, { wrapper: Wrapper });
    const table = await screen.findByTestId('provider-table');

    const ks = within(table).getByRole('rowheader', { name: /Karolinska Universitetssjukhuset/ }).closest('tr')!;
    expect(plainSpaces(ks.textContent)).toBe('Karolinska UniversitetssjukhusetksOffentlig403005 00060045075 %4 000');
    const capio = within(table).getByRole('rowheader', { name: /Capio/ }).closest('tr')!;
    expect(capio).toHaveTextContent('Privat');
    expect(capio).toHaveTextContent('Fler än deklarerat'); // remit minimum 2 000 > 1 500 declared
    expect(plainSpaces(table.querySelector('tfoot')?.textContent)).toBe('Summa, 2 vårdgivare523906 5007505256 000');

    await user.click(screen.getByTestId('providers-filter-private'));
    expect(within(table).queryByRole('rowheader', { name: /Karolinska/ })).not.toBeInTheDocument();
    expect(plainSpaces(table.querySelector('tfoot')?.textContent)).toContain('Summa, 1 vårdgivare');
  });

  it('speaks English when asked', async () => {
    await chooseLanguage('en');
    answer(() => balance);
    render(<OverviewScreen termId="ht2027" />, { wrapper: Wrapper });
    const map = await screen.findByTestId('balance-heatmap');
    expect(within(map).getByRole('columnheader', { name: /week 51/ })).toBeInTheDocument();
    expect(within(map).getByRole('rowheader', { name: 'Internal medicine' })).toBeInTheDocument();
    expect(heatCell('surgery', '2028-W02').title).toBe(
      'Surgery, week 2: demand 2.3 students, capacity 0 places, no capacity. Shortage',
    );
    expect(screen.getByTestId('heatmap-summary')).toHaveTextContent('Shortage in 1 area: Surgery (1 week)');
  });

  it('says so when the term is empty, and leads to the data', async () => {
    answer(() => ({ open_weeks: ['2027-W35'], programmes: [], providers: [], cells: [] }));
    const user = userEvent.setup();
    render(<OverviewScreen termId="ht2027" />, { wrapper: Wrapper });
    expect(await screen.findByRole('heading', { name: 'Terminen har inga behov eller platser ännu' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Gå till Underlag' }));
    expect(screen.getByTestId('view')).toHaveTextContent('ht2027/data');
  });

  it('explains a missing term in plain words', async () => {
    const error: AppError = { type: 'NotFound', data: { what: 'term', id: 'ht2099' } };
    mockIPC(() => {
      throw error;
    });
    render(<OverviewScreen termId="ht2099" />, { wrapper: Wrapper });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Det gick inte att hitta terminen (ht2099).');
  });
});
