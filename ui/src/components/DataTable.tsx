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

type SortHeadProps<H extends SortableHeader & { id: string }> = {
  /** The table's header groups (`table.getHeaderGroups()`). */
  groups: { id: string; headers: H[] }[];
  /** A header's content (the table's FlexRender of it). */
  render: (header: H) => ReactNode;
  /** Headers left out (a column shown as row groups instead). */
  hidden?: (header: H) => boolean;
  /** The header row's aria-rowindex, in a grid that numbers its rows. */
  rowIndex?: number;
  plainClassName?: string;
  labelClassName?: string;
};

/** The head of a sortable table: a row of sort headers per header group. */
export function SortHead<H extends SortableHeader & { id: string }>({
  groups,
  render,
  hidden,
  rowIndex,
  plainClassName,
  labelClassName,
}: SortHeadProps<H>) {
  return (
    <thead>
      {groups.map((group) => (
        <tr key={group.id} aria-rowindex={rowIndex}>
          {group.headers
            .filter((header) => !hidden?.(header))
            .map((header) => (
              <SortHeader key={header.id} header={header} plainClassName={plainClassName} labelClassName={labelClassName}>
                {render(header)}
              </SortHeader>
            ))}
        </tr>
      ))}
    </thead>
  );
}

/** The head of a table that does not sort: one header per column, numeric ones right-aligned. */
export function PlainHead({ columns }: { columns: { label: string; numeric?: boolean }[] }) {
  return (
    <thead>
      <tr>
        {columns.map(({ label, numeric }) => (
          <th key={label} scope="col" className={numeric ? 'plan-table__plain-header num' : 'plan-table__plain-header'}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
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
