import { useTable, type SortingState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TermSummary } from '../bindings';
import { useNavigation } from '../app/navigation';
import { BodyCell, SortHead } from '../components/DataTable';
import { useLanguage } from '../i18n/useLanguage';
import { termColumns, termTableFeatures } from './columns';

const INITIAL_SORTING: SortingState = [{ id: 'period', desc: true }]; // the latest term first

type Props = { terms: TermSummary[]; onDelete?: (term: TermSummary) => void };

/** The terms as a sortable table: one row per term, a header button per column. */
export function TermTable({ terms, onDelete }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { openTerm } = useNavigation();
  const columns = useMemo(() => termColumns(t, language, openTerm, onDelete), [t, language, openTerm, onDelete]);

  const table = useTable({
    features: termTableFeatures,
    columns,
    data: terms,
    initialState: { sorting: INITIAL_SORTING },
    enableSortingRemoval: false,
  });

  return (
    <div className="table-frame">
      <table className="data-table">
        <caption className="sr-only">{t('terms.caption')}</caption>
        <SortHead
          groups={table.getHeaderGroups()}
          render={(header) => <table.FlexRender header={header} />}
          plainClassName="terms-actions__head"
        />
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                return (
                  <BodyCell key={cell.id} meta={meta} className={meta?.actions ? 'terms-actions' : undefined}>
                    <table.FlexRender cell={cell} />
                  </BodyCell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
