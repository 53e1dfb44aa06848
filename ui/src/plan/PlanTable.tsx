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
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BodyCell, SortHead } from '../components/DataTable';
import type { Language } from '../i18n/languages';
import { useLanguage } from '../i18n/useLanguage';
import type { TableColumnMeta } from '../lib/columns';
import { formatCount, nameCollator } from '../lib/format';

export const planTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  sortedRowModel: createSortedRowModel(),
  paginatedRowModel: createPaginatedRowModel(),
  sortFns: { basic: sortFn_basic },
  columnMeta: {} as TableColumnMeta,
});

export type PlanFeatures = typeof planTableFeatures;

export function planColumnHelper<T extends RowData>() {
  return createColumnHelper<PlanFeatures, T>();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of mixed value types, as TanStack's own helpers return them
export type PlanColumns<T extends RowData> = ColumnDef<PlanFeatures, T, any>[];

/** Builds a plan table's columns in a language, names sorted as its readers sort them. */
type ColumnsBuilder<T extends RowData, A> = (t: TFunction, language: Language, collator: Intl.Collator, arg: A) => PlanColumns<T>;

/** A plan table's columns, built again when the language or `arg` (the row actions) changes. */
export function usePlanColumns<T extends RowData, A>(build: ColumnsBuilder<T, A>, arg: A): PlanColumns<T> {
  const { t } = useTranslation();
  const language = useLanguage();
  return useMemo(() => build(t, language, nameCollator(language), arg), [build, t, language, arg]);
}

/** The first column of a table of needs: the student's name over the need's id, sorted by name. */
export function studentColumn<T extends { student_name: string; need: string }>(header: string, collator: Intl.Collator) {
  return planColumnHelper<T>().accessor((row) => row.student_name, {
    id: 'student',
    header,
    sortFn: (a, b) => collator.compare(a.original.student_name, b.original.student_name) || collator.compare(a.original.need, b.original.need),
    meta: { rowHeader: true },
    cell: (info) => (
      <span className="plan-cell">
        <span className="plan-cell__main">{info.row.original.student_name}</span>
        <span className="plan-cell__sub plan-cell__id">{info.row.original.need}</span>
      </span>
    ),
  });
}

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
          <SortHead
            groups={table.getHeaderGroups()}
            render={(header) => <table.FlexRender header={header} />}
            plainClassName="plan-table__plain-header"
          />
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
                {row.getAllCells().map((cell) => (
                  <BodyCell key={cell.id} meta={cell.column.columnDef.meta}>
                    <table.FlexRender cell={cell} />
                  </BodyCell>
                ))}
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
          <select
            id={sizeId}
            value={size}
            onChange={(event) => table.setPageSize(Number(event.target.value))}
            data-testid="page-size"
          >
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
