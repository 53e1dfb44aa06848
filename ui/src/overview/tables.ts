import { sortingFeatures, type TableColumnMeta } from '../lib/columns';

/** Sorting, as the overview's tables use it. */
export const overviewTableFeatures = sortingFeatures<TableColumnMeta>();

export type OverviewFeatures = typeof overviewTableFeatures;
