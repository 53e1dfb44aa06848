import {
  createColumnHelper,
  createPaginatedRowModel,
  createSortedRowModel,
  rowPaginationFeature,
  rowSortingFeature,
  sortFn_basic,
  tableFeatures,
  useTable,
  type ColumnDef,
  type Header,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { useEffect, useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/useLanguage';
import { formatCount } from '../lib/format';

export type PlanColumnMeta = {
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** The cell that names the row (rendered as <th scope="row">). */
  rowHeader?: boolean;
};

export const planTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  sortedRowModel: createSortedRowModel(),
  paginatedRowModel: createPaginatedRowModel(),
  sortFns: { basic: sortFn_basic },
  columnMeta: {} as PlanColumnMeta,
});

export type PlanFeatures = typeof planTableFeatures;

export function planColumnHelper<T extends RowData>() {
  return createColumnHelper<PlanFeatures, T>();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of mixed value types, as TanStack's own helpers return them
export type PlanColumns<T extends RowData> = ColumnDef<PlanFeatures, T, any>[];

const PAGE_SIZES = [25, 50, 100, 250];

type Props<T extends RowData> = {
  data: T[];
  columns: PlanColumns<T>;
  caption: string;
  rowId: (row: T) => string;
  rowTestId?: (row: T) => string;
  initialSorting?: SortingState;
  /** When it changes (a new filter), the table goes back to its first page. */
  resetKey?: unknown;
  empty: string;
  pageSize?: number;
};

/**
 * A sortable, paged table (TanStack Table): a header button per sortable column, a pager below.
 * Paging keeps a 25,000-row plan as light as a short one; the page stays put when the data
 * changes after an edit, and goes back to the first page when the filter changes.
 */
export function PlanTable<T extends RowData>({ data, columns, caption, rowId, rowTestId, initialSorting, resetKey, empty, pageSize = 50 }: Props<T>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const initialState = useMemo(
    () => ({ sorting: initialSorting ?? [], pagination: { pageIndex: 0, pageSize } }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the first value counts
    [],
  );
  const table = useTable({
    features: planTableFeatures,
    columns,
    data,
    initialState,
    getRowId: (row) => rowId(row),
    enableSortingRemoval: false,
    autoResetPageIndex: false,
  });

  useEffect(() => {
    table.setPageIndex(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new filter resets the page
  }, [resetKey]);

  const { pageIndex, pageSize: size } = table.state.pagination;
  const total = data.length;
  const pages = Math.max(1, table.getPageCount());
  // After an edit shrinks the data below the current page, show the last page there is.
  useEffect(() => {
    if (pageIndex > 0 && pageIndex >= pages) table.setPageIndex(pages - 1);
  }, [pageIndex, pages, table]);

  const rows = table.getRowModel().rows;
  const from = total === 0 ? 0 : pageIndex * size + 1;
  const to = Math.min(total, (pageIndex + 1) * size);
  const sizeId = useId();

  return (
    <div className="plan-table">
      <div className="table-frame">
        <table className="data-table plan-table__table">
          <caption className="sr-only">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <HeaderCell key={header.id} header={header} render={<table.FlexRender header={header} />} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="plan-table__empty">
                  {empty}
                </td>
              </tr>
            )}
            {rows.map((row) => (
              <tr key={row.id} data-testid={rowTestId?.(row.original)}>
                {row.getAllCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  const content = <table.FlexRender cell={cell} />;
                  return meta?.rowHeader ? (
                    <th key={cell.id} scope="row">
                      {content}
                    </th>
                  ) : (
                    <td key={cell.id} className={meta?.numeric ? 'num' : undefined}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > PAGE_SIZES[0]! && (
        <nav className="plan-pager" aria-label={t('plan.pager.label')}>
          <span className="plan-pager__rows">
            {t('plan.pager.rows', {
              from: formatCount(from, language),
              to: formatCount(to, language),
              total: formatCount(total, language),
            })}
          </span>
          <button
            type="button"
            className="button plan-btn--small plan-btn--secondary"
            onClick={() => table.firstPage()}
            disabled={!table.getCanPreviousPage()}
            aria-label={t('plan.pager.first')}
          >
            «
          </button>
          <button
            type="button"
            className="button plan-btn--small plan-btn--secondary"
            onClick={() => table.previousPage()}
            disabled={!table.getCanPreviousPage()}
          >
            {t('plan.pager.previous')}
          </button>
          <span className="plan-pager__page">
            {t('plan.pager.page', { page: formatCount(pageIndex + 1, language), pages: formatCount(pages, language) })}
          </span>
          <button
            type="button"
            className="button plan-btn--small plan-btn--secondary"
            onClick={() => table.nextPage()}
            disabled={!table.getCanNextPage()}
          >
            {t('plan.pager.next')}
          </button>
          <button
            type="button"
            className="button plan-btn--small plan-btn--secondary"
            onClick={() => table.lastPage()}
            disabled={!table.getCanNextPage()}
            aria-label={t('plan.pager.last')}
          >
            »
          </button>
          <label className="plan-pager__size" htmlFor={sizeId}>
            {t('plan.pager.pageSize')}
          </label>
          <select id={sizeId} value={size} onChange={(event) => table.setPageSize(Number(event.target.value))}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </nav>
      )}
    </div>
  );
}

type HeaderCellProps<T extends RowData> = { header: Header<PlanFeatures, T, unknown>; render: ReactNode };

function HeaderCell<T extends RowData>({ header, render }: HeaderCellProps<T>) {
  const { t } = useTranslation();
  const numeric = header.column.columnDef.meta?.numeric;
  if (header.isPlaceholder) return <th scope="col" />;
  if (!header.column.getCanSort()) {
    return (
      <th scope="col" className={numeric ? 'num plan-table__plain-header' : 'plan-table__plain-header'}>
        {render}
      </th>
    );
  }
  const sorted = header.column.getIsSorted();
  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
        <span>{render}</span>
        <span className={sorted ? 'sort-icon sort-icon--active' : 'sort-icon'} aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '▴▾'}
        </span>
        {sorted && <span className="sr-only">, {t(sorted === 'asc' ? 'plan.sort.ascending' : 'plan.sort.descending')}</span>}
      </button>
    </th>
  );
}
