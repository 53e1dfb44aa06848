import { createSortedRowModel, rowSortingFeature, sortFn_basic, tableFeatures } from '@tanstack/react-table';
import type { Language } from '../i18n/languages';
import { formatCount } from './format';

/** What a column says about its cells, in every table of the app (TanStack Table's column meta). */
export type TableColumnMeta = {
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** The cell that names the row (rendered as <th scope="row">). */
  rowHeader?: boolean;
};

/** The features of a table that sorts by any column (and does no more), with its columns' meta. */
export function sortingFeatures<Meta extends TableColumnMeta>() {
  return tableFeatures({
    rowSortingFeature,
    sortedRowModel: createSortedRowModel(),
    sortFns: { basic: sortFn_basic },
    columnMeta: {} as Meta,
  });
}

/**
 * The options of a TanStack Table column of counts: right-aligned, sorted as numbers with the
 * largest first, each written the way the language writes numbers.
 */
export function countColumn(header: string, language: Language) {
  return {
    header,
    sortFn: 'basic' as const,
    sortDescFirst: true,
    meta: { numeric: true },
    cell: (info: { getValue: () => number }) => formatCount(info.getValue(), language),
  };
}
