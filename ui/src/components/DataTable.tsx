import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableColumnMeta } from '../lib/columns';

/** The part of a TanStack Table header (of a table with row sorting) that a sort header reads. */
type SortableHeader = {
  isPlaceholder: boolean;
  column: {
    getCanSort: () => boolean;
    getIsSorted: () => false | 'asc' | 'desc';
    getToggleSortingHandler: () => ((event: unknown) => void) | undefined;
    columnDef: { meta?: TableColumnMeta };
  };
};

type SortHeaderProps = {
  header: SortableHeader;
  /** The column's header (the table's FlexRender of it). */
  children: ReactNode;
  /** The class of a header that does not sort (a column of buttons). */
  plainClassName?: string;
  /** The class of the label inside the sort button. */
  labelClassName?: string;
};

/** A column header that sorts its table when pressed, and says how it is sorted. */
export function SortHeader({ header, children, plainClassName, labelClassName }: SortHeaderProps) {
  const { t } = useTranslation();
  const { column } = header;
  const numeric = column.columnDef.meta?.numeric;
  if (header.isPlaceholder) return <th scope="col" />;
  if (!column.getCanSort()) {
    return (
      <th scope="col" className={[numeric ? 'num' : '', plainClassName ?? ''].filter(Boolean).join(' ') || undefined}>
        {children}
      </th>
    );
  }
  const sorted = column.getIsSorted();
  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort-button" onClick={column.getToggleSortingHandler()}>
        <span className={labelClassName}>{children}</span>
        <span className={sorted ? 'sort-icon sort-icon--active' : 'sort-icon'} aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '▴▾'}
        </span>
        {sorted && <span className="sr-only">, {t(sorted === 'asc' ? 'table.sort.ascending' : 'table.sort.descending')}</span>}
      </button>
    </th>
  );
}

type BodyCellProps = {
  meta: TableColumnMeta | undefined;
  /** The cell's class; a numeric data cell is right-aligned ("num") unless told otherwise. */
  className?: string;
  children: ReactNode;
};

/** A body cell: the one naming its row as <th scope="row">, the others as <td>. */
export function BodyCell({ meta, className, children }: BodyCellProps) {
  return meta?.rowHeader ? (
    <th scope="row" className={className}>
      {children}
    </th>
  ) : (
    <td className={className ?? (meta?.numeric ? 'num' : undefined)}>{children}</td>
  );
}
