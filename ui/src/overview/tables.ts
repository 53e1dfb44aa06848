import { createSortedRowModel, rowSortingFeature, sortFn_basic, tableFeatures } from '@tanstack/react-table';

export type OverviewColumnMeta = {
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** The cell that names the row (rendered as <th scope="row">). */
  rowHeader?: boolean;
};

/** Sorting, as the overview's tables use it. */
export const overviewTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic },
  columnMeta: {} as OverviewColumnMeta,
});

export type OverviewFeatures = typeof overviewTableFeatures;
