import { createColumnHelper, useTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ProviderCapacity } from '../bindings';
import { BodyCell, SortHead } from '../components/DataTable';
import type { Language } from '../i18n/languages';
import { useLanguage } from '../i18n/useLanguage';
import { countColumn } from '../lib/columns';
import { formatCount, formatPercent, nameCollator } from '../lib/format';
import { ownershipName } from './labels';
import { overviewTableFeatures, type OverviewFeatures } from './tables';

type Props = { providers: ProviderCapacity[] };

type Ownership = 'all' | 'public' | 'private' | 'unknown';
const OWNERSHIPS: readonly Ownership[] = ['all', 'public', 'private', 'unknown'];

type CountKey = 'units' | 'places' | 'place_weeks' | 'supervisors' | 'trained_supervisors' | 'remit_min_weeks';
const COUNT_KEYS: readonly CountKey[] = ['units', 'places', 'place_weeks', 'supervisors', 'trained_supervisors', 'remit_min_weeks'];

const INITIAL_SORTING: SortingState = [{ id: 'places', desc: true }];

function ownershipOf(provider: ProviderCapacity): Exclude<Ownership, 'all'> {
  return provider.ownership === 'public' || provider.ownership === 'private' ? provider.ownership : 'unknown';
}

/** Declared less capacity over the term than its remit's minimums ask for. */
function belowRemit(provider: ProviderCapacity): boolean {
  return provider.remit_min_weeks > provider.place_weeks;
}

const helper = createColumnHelper<OverviewFeatures, ProviderCapacity>();

function providerColumns(t: TFunction, language: Language): ColumnDef<OverviewFeatures, ProviderCapacity, any>[] {
  const collator = nameCollator(language);
  const count = (key: CountKey, header: string) => helper.accessor(key, countColumn(header, language));
  return helper.columns([
    helper.accessor('provider_name', {
      id: 'provider',
      header: t('overview.providers.columns.provider'),
      sortFn: (a, b) => collator.compare(a.original.provider_name, b.original.provider_name),
      meta: { rowHeader: true },
      cell: (info) => (
        <span className="ov-name">
          <span className="ov-name__main">{info.row.original.provider_name}</span>
          <span className="ov-name__id">{info.row.original.provider}</span>
        </span>
      ),
    }),
    helper.accessor((provider) => ownershipOf(provider), {
      id: 'ownership',
      header: t('overview.providers.columns.ownership'),
      sortFn: (a, b) => collator.compare(ownershipName(a.original.ownership, t), ownershipName(b.original.ownership, t)),
      cell: (info) => (
        <span className={`ov-ownership ov-ownership--${info.getValue()}`}>{ownershipName(info.row.original.ownership, t)}</span>
      ),
    }),
    count('units', t('overview.providers.columns.units')),
    count('places', t('overview.providers.columns.places')),
    count('place_weeks', t('overview.providers.columns.placeWeeks')),
    count('supervisors', t('overview.providers.columns.supervisors')),
    helper.accessor('trained_supervisors', {
      header: t('overview.providers.columns.trained'),
      sortFn: 'basic',
      sortDescFirst: true,
      meta: { numeric: true },
      cell: (info) => {
        const { supervisors, trained_supervisors } = info.row.original;
        return (
          <span className="ov-figure">
            {formatCount(trained_supervisors, language)}
            {supervisors > 0 && <span className="ov-figure__detail">{formatPercent(trained_supervisors / supervisors, language)}</span>}
          </span>
        );
      },
    }),
    helper.accessor('remit_min_weeks', {
      header: t('overview.providers.columns.remitMin'),
      sortFn: 'basic',
      sortDescFirst: true,
      meta: { numeric: true },
      cell: (info) => {
        const provider = info.row.original;
        const short = belowRemit(provider);
        return (
          <span className={short ? 'ov-figure ov-figure--warn' : 'ov-figure'}>
            {formatCount(provider.remit_min_weeks, language)}
            {short && <span className="ov-figure__detail">{t('overview.providers.belowRemit')}</span>}
          </span>
        );
      },
    }),
  ]);
}

/** What each provider declares: units, places, student-weeks and supervisors, public and private. */
export function ProviderTable({ providers }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [ownership, setOwnership] = useState<Ownership>('all');
  const columns = useMemo(() => providerColumns(t, language), [t, language]);
  const counts = useMemo(() => {
    const result: Record<Ownership, number> = { all: providers.length, public: 0, private: 0, unknown: 0 };
    for (const provider of providers) result[ownershipOf(provider)] += 1;
    return result;
  }, [providers]);
  const shown = useMemo(
    () => (ownership === 'all' ? providers : providers.filter((provider) => ownershipOf(provider) === ownership)),
    [providers, ownership],
  );

  const table = useTable({
    features: overviewTableFeatures,
    columns,
    data: shown,
    initialState: { sorting: INITIAL_SORTING },
    enableSortingRemoval: false,
  });

  const totals = useMemo(() => {
    const result: Record<CountKey, number> = {
      units: 0,
      places: 0,
      place_weeks: 0,
      supervisors: 0,
      trained_supervisors: 0,
      remit_min_weeks: 0,
    };
    for (const provider of shown) for (const key of COUNT_KEYS) result[key] += provider[key];
    return result;
  }, [shown]);

  return (
    <div className="ov-table-block">
      <div className="ov-toolbar" role="group" aria-label={t('overview.providers.filterLabel')}>
        {OWNERSHIPS.filter((o) => o === 'all' || counts[o] > 0).map((o) => (
          <button
            key={o}
            type="button"
            className="ov-chip"
            aria-pressed={ownership === o}
            onClick={() => setOwnership(o)}
            data-testid={`providers-filter-${o}`}
          >
            {t(`overview.providers.filter.${o}`)} ({formatCount(counts[o], language)})
          </button>
        ))}
      </div>
      <div className="table-frame">
        <table className="data-table ov-table" data-testid="provider-table">
          <caption className="sr-only">{t('overview.providers.caption')}</caption>
          <SortHead groups={table.getHeaderGroups()} render={(header) => <table.FlexRender header={header} />} />
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getAllCells().map((cell) => (
                  <BodyCell key={cell.id} meta={cell.column.columnDef.meta}>
                    <table.FlexRender cell={cell} />
                  </BodyCell>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="ov-total">
              <th scope="row" colSpan={2}>
                {t('overview.providers.total', { count: shown.length, formattedCount: formatCount(shown.length, language) })}
              </th>
              {COUNT_KEYS.map((key) => (
                <td key={key} className="num">
                  {formatCount(totals[key], language)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
