import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NavigationProvider, useNavigation } from '../app/navigation';
import type { PlanVersion_Serialize } from '../bindings';
import { plainSpaces } from '../test/fixtures';
import { fail, fakeBackend, type Handler } from './testing/backend';
import { comparison, draft, scenario, TERM, versions } from './testing/data';
import { VersionsScreen } from './VersionsScreen';

function versionsBackend(overrides: Record<string, Handler> = {}) {
  return fakeBackend({
    list_plan_versions: () => versions,
    term_scenario: () => scenario,
    compare_plan_versions: () => comparison,
    ...overrides,
  });
}

function CurrentTab() {
  const { view } = useNavigation();
  return <p data-testid="current-tab">{view.kind === 'term' ? view.tab : view.kind}</p>;
}

async function renderVersions() {
  const user = userEvent.setup();
  render(
    <NavigationProvider initial={{ kind: 'term', termId: TERM, tab: 'versions' }}>
      <CurrentTab />
      <VersionsScreen termId={TERM} />
    </NavigationProvider>,
  );
  await screen.findByTestId('version-0');
  return user;
}

describe('VersionsScreen', () => {
  it('lists the draft first, then the published versions, with their figures', async () => {
    versionsBackend();
    await renderVersions();
    const rows = within(screen.getByTestId('versions')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.dataset.testid)).toEqual(['version-0', 'version-1']);
    const draftRow = screen.getByTestId('version-0');
    expect(within(draftRow).getByRole('rowheader')).toHaveTextContent('Utkast');
    expect(plainSpaces(draftRow.textContent)).toContain('20 125,5');
    expect(draftRow).toHaveTextContent('Ändrad för hand');
    const first = screen.getByTestId('version-1');
    expect(within(first).getByRole('rowheader')).toHaveTextContent('Version 1');
    expect(first).toHaveTextContent('Första utskicket');
    expect(first).toHaveTextContent('Matchning, giltig');
    expect(first).toHaveTextContent(/20 apr\. 2027/);
  });

  it('publishes the draft with a note and says which version it became', async () => {
    let listed: PlanVersion_Serialize[] = versions;
    const backend = versionsBackend({
      list_plan_versions: () => listed,
      publish_plan: () => {
        listed = [...versions, { ...versions[1]!, version: 2, note: 'Till lärosätena' }];
        return 2;
      },
    });
    const user = await renderVersions();
    await user.type(screen.getByTestId('publish-note'), '  Till lärosätena ');
    await user.click(screen.getByTestId('publish-plan'));
    expect(await screen.findByTestId('publish-done')).toHaveTextContent('Version 2 publicerad');
    expect(backend.argsOf('publish_plan')).toEqual([{ termId: TERM, note: 'Till lärosätena' }]);
    expect(await screen.findByTestId('version-2')).toHaveTextContent('Till lärosätena');
    expect(screen.getByTestId('publish-note')).toHaveValue('');
    // After publishing, the latest published version is compared with the draft.
    await waitFor(() => expect(backend.argsOf('compare_plan_versions').at(-1)).toEqual({ termId: TERM, before: 2, after: 0 }));
  });

  it('cannot publish without a draft', async () => {
    versionsBackend({ list_plan_versions: () => [versions[0]!] });
    render(
      <NavigationProvider>
        <VersionsScreen termId={TERM} />
      </NavigationProvider>,
    );
    await screen.findByTestId('version-1');
    expect(screen.getByTestId('publish-plan')).toBeDisabled();
    expect(screen.getByText('Det finns inget utkast att publicera.')).toBeInTheDocument();
  });

  it('compares the latest published version with the draft by default, and any two on request', async () => {
    const backend = versionsBackend({
      list_plan_versions: () => [...versions, { ...versions[0]!, version: 2, note: 'Andra' }],
    });
    const user = await renderVersions();
    expect(screen.getByTestId('compare-before')).toHaveValue('2');
    expect(screen.getByTestId('compare-after')).toHaveValue('0');
    await waitFor(() => expect(backend.argsOf('compare_plan_versions')).toEqual([{ termId: TERM, before: 2, after: 0 }]));

    const summary = await screen.findByTestId('compare-summary');
    expect(summary).toHaveTextContent('1 flyttade, 1 tillkomna, 0 borttagna, 2 oförändrade.');
    const moved = screen.getByTestId('change-st-2-1');
    expect(moved).toHaveTextContent('Bo Ek (st-2-1)');
    expect(moved).toHaveTextContent('Avdelning 12, internmedicin, ks-avd12-h2, v. 36 → Avdelning 3, medicin, sos-avd3-h1, v. 37');
    expect(screen.getByTestId('change-st-4-1')).toHaveTextContent('Dan Berg (st-4-1)');
    expect(within(screen.getByTestId('compare-removed')).getByText('Inga.')).toBeInTheDocument();

    await user.selectOptions(screen.getByTestId('compare-before'), '1');
    await waitFor(() => expect(backend.argsOf('compare_plan_versions').at(-1)).toEqual({ termId: TERM, before: 1, after: 0 }));
    await user.selectOptions(screen.getByTestId('compare-after'), '2');
    await waitFor(() => expect(backend.argsOf('compare_plan_versions').at(-1)).toEqual({ termId: TERM, before: 1, after: 2 }));
  });

  it('exports a version as a plan file and shows where it was written', async () => {
    const backend = versionsBackend({ export_plan_file: () => ({ path: '/home/koordinator/Hämtningar/ht2027-plan-v1.json', bytes: 5120 }) });
    const user = await renderVersions();
    await user.click(screen.getByTestId('export-plan-1'));
    expect(await screen.findByTestId('exported-plan-1')).toHaveTextContent('Sparad som /home/koordinator/Hämtningar/ht2027-plan-v1.json');
    expect(backend.argsOf('export_plan_file')).toEqual([{ termId: TERM, version: 1 }]);
  });

  it('explains an export that could not be written', async () => {
    versionsBackend({
      export_plan_file: () => fail({ type: 'File', data: { path: '/read-only/ht2027-plan-draft.json', message: 'Permission denied (os error 13)' } }),
    });
    const user = await renderVersions();
    await user.click(screen.getByTestId('export-plan-0'));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Filen kunde inte sparas' })).toBeInTheDocument();
    expect(within(alert).getByText(/Permission denied/).closest('details')).not.toBeNull();
  });

  it('shows a published version read-only, and sends the draft to the plan tab', async () => {
    const published = draft({ version: 1, note: 'Första utskicket', solver_status: 'feasible' });
    const backend = versionsBackend({ plan_details: () => published });
    const user = await renderVersions();

    await user.click(screen.getByTestId('view-version-1'));
    const view = await screen.findByTestId('readonly-version-1');
    expect(within(view).getByRole('heading', { name: 'Version 1 (skrivskyddad)' })).toBeInTheDocument();
    expect(await within(view).findByTestId('placement-st-2-1')).toHaveTextContent('Bo Ek');
    expect(within(view).getByTestId('unplaced-st-5-1')).toHaveTextContent('Ingen ledig plats');
    expect(within(view).queryByTestId('move-st-2-1')).not.toBeInTheDocument();
    expect(within(view).queryByTestId('lock-st-2-1')).not.toBeInTheDocument();
    expect(within(view).queryByTestId('place-st-5-1')).not.toBeInTheDocument();
    expect(backend.argsOf('plan_details')).toEqual([{ termId: TERM, version: 1 }]);

    await user.click(within(view).getByRole('button', { name: 'Stäng' }));
    expect(screen.queryByTestId('readonly-version-1')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('view-version-0'));
    expect(screen.getByTestId('current-tab')).toHaveTextContent('plan');
  });

  it('says so when there is no plan at all', async () => {
    versionsBackend({ list_plan_versions: () => [] });
    render(
      <NavigationProvider>
        <VersionsScreen termId={TERM} />
      </NavigationProvider>,
    );
    expect(await screen.findByTestId('versions-empty')).toHaveTextContent('Det finns ingen plan ännu.');
    expect(screen.getByTestId('publish-plan')).toBeDisabled();
  });

  it('is written in English when English is chosen', async () => {
    versionsBackend();
    const { default: i18n } = await import('../i18n');
    await i18n.changeLanguage('en');
    await renderVersions();
    expect(within(screen.getByTestId('version-0')).getByRole('rowheader')).toHaveTextContent('Draft');
    expect(screen.getByTestId('publish-plan')).toHaveTextContent('Publish');
    expect(plainSpaces(screen.getByTestId('version-0').textContent)).toContain('20,125.5');
  });
});
