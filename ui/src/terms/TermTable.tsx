import { useTable, type Header, type SortingState } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TermSummary } from '../bindings';
import { useNavigation } from '../app/navigation';
import { useLanguage } from '../i18n/useLanguage';
import { termColumns, termTableFeatures, type TermFeatures } from './columns';

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
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <SortableHeader key={header.id} header={header} render={<table.FlexRender header={header} />} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                const content = <table.FlexRender cell={cell} />;
                return meta?.rowHeader ? (
                  <th key={cell.id} scope="row">
                    {content}
                  </th>
                ) : (
                  <td key={cell.id} className={meta?.numeric ? 'num' : meta?.actions ? 'terms-actions' : undefined}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type SortableHeaderProps = { header: Header<TermFeatures, TermSummary, unknown>; render: ReactNode };

function SortableHeader({ header, render }: SortableHeaderProps) {
  const { t } = useTranslation();
  const sorted = header.column.getIsSorted();
  const numeric = header.column.columnDef.meta?.numeric;
  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined;
  if (!header.column.getCanSort()) {
    return (
      <th scope="col" className="terms-actions__head">
        {header.isPlaceholder ? null : render}
      </th>
    );
  }
  return (
    <th scope="col" aria-sort={ariaSort} className={numeric ? 'num' : undefined}>
      {header.isPlaceholder ? null : (
        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
          <span>{render}</span>
          <span className={sorted ? 'sort-icon sort-icon--active' : 'sort-icon'} aria-hidden="true">
            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '▴▾'}
          </span>
          {sorted && <span className="sr-only">, {t(sorted === 'asc' ? 'terms.sort.ascending' : 'terms.sort.descending')}</span>}
        </button>
      )}
    </th>
  );
}
