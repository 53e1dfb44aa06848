import {
  columnFilteringFeature,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  rowSortingFeature,
  sortFn_basic,
  tableFeatures,
  useTable,
  type ColumnDef,
  type FilterFn,
  type ReactTable,
  type Row,
  type RowData,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BodyCell, SortHead } from '../components/DataTable';
import type { TableColumnMeta } from '../lib/columns';
import type { Option } from './fields';

/** How a column looks and filters in a data grid. */
export type GridColumnMeta = TableColumnMeta & {
  /** Ids and codes, in the monospace face. */
  mono?: boolean;
  /** The column's width (a CSS length); the grid's layout is fixed so that scrolling never reflows it. */
  width?: string;
  /** A select above the grid filtering on this column (its filterFn reads the chosen value). */
  filter?: { label: string; options: Option[] };
};

export const gridFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic },
  columnMeta: {} as GridColumnMeta,
});

export type GridFeatures = typeof gridFeatures;
export type GridColumn<T extends RowData> = ColumnDef<GridFeatures, T, any>;

/** Each row is one line of this height, so the virtualiser knows every row's place without measuring. */
export const ROW_HEIGHT = 36;

type Props<T extends RowData> = {
  data: T[];
  columns: GridColumn<T>[];
  getRowId: (row: T) => string;
  /** The text the search box looks in, lower-cased (ids, names, and what else identifies a row). */
  searchText: (row: T) => string;
  selectedId: string | null;
  onSelect: (id: string) => void;
  caption: string;
  /** "15 000 studenter", or "12 av 15 000 studenter" when filtered. */
  countText: (shown: number, total: number) => string;
  /** Buttons beside the filters (add an entry). */
  actions?: ReactNode;
};

/**
 * A grid of one kind of entry: sorts by any column, filters by text and by the columns' own
 * filters, and renders only the rows in view, so that 15,000 rows scroll without stutter.
 */
export function DataGrid<T extends RowData>({ data, columns, getRowId, searchText, selectedId, onSelect, caption, countText, actions }: Props<T>) {
  const { t } = useTranslation();
  const searchId = useId();

  // The search text of each row, computed once per row object (rows are replaced when data changes).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new searchText (another language) starts afresh
  const haystacks = useMemo(() => new WeakMap<object, string>(), [searchText]);
  const haystack = useCallback(
    (row: T) => {
      const key = row as unknown as object;
      let text = haystacks.get(key);
      if (text === undefined) {
        text = searchText(row).toLocaleLowerCase();
        haystacks.set(key, text);
      }
      return text;
    },
    [haystacks, searchText],
  );

  // Every word typed must occur in the row's text, in any order ("alva 12" finds "Alva Lindqvist 12").
  const globalFilterFn = useMemo(() => {
    const fn: FilterFn<GridFeatures, T> = (row, _columnId, words: string[]) => {
      const text = haystack(row.original);
      return words.every((word) => text.includes(word));
    };
    fn.resolveFilterValue = (value: unknown) => String(value ?? '').toLocaleLowerCase().split(/\s+/).filter(Boolean);
    return fn;
  }, [haystack]);

  const table = useTable({
    features: gridFeatures,
    columns,
    data,
    getRowId: (row: T) => getRowId(row),
    // The search is one test per row against its whole text, made through the first column only.
    getColumnCanGlobalFilter: (column) => column.table.getAllLeafColumns()[0]?.id === column.id,
    globalFilterFn,
    initialState: { globalFilter: '', columnFilters: [], sorting: [] },
  });

  const rows = table.getRowModel().rows;
  const filterColumns = table.getAllLeafColumns().filter((c) => c.columnDef.meta?.filter);
  const searchValue = typeof table.state.globalFilter === 'string' ? table.state.globalFilter : '';

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  // Roving focus: one row is in the tab order; arrow keys move through every row, scrolling as needed.
  const [active, setActive] = useState(0);
  const [focusWanted, setFocusWanted] = useState(false);
  const activeIndex = Math.min(active, Math.max(rows.length - 1, 0));
  const tabbable = items.some((v) => v.index === activeIndex) ? activeIndex : (items[0]?.index ?? -1);

  useEffect(() => {
    if (!focusWanted) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${activeIndex}"]`);
    if (element) {
      element.focus();
      setFocusWanted(false);
    }
  });

  // A row selected from elsewhere (an entry just added or renamed) is scrolled into view.
  const shownSelection = useRef(selectedId);
  useEffect(() => {
    if (selectedId === shownSelection.current) return;
    shownSelection.current = selectedId;
    const index = selectedId === null ? -1 : rows.findIndex((row) => row.id === selectedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedId, rows, virtualizer]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    setFocusWanted(true);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onRowKeyNow = (event: React.KeyboardEvent, index: number, id: string) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        moveTo(index - 1);
        break;
      case 'PageDown':
        moveTo(index + page);
        break;
      case 'PageUp':
        moveTo(index - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'Enter':
      case ' ':
        onSelect(id);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  // Rows are memoised: scrolling renders only the rows coming into view. Their handlers stay the same
  // functions and call the latest ones.
  const handlers = useRef({ key: onRowKeyNow, select: onSelect });
  handlers.current = { key: onRowKeyNow, select: onSelect };
  const onRowKey = useCallback((event: React.KeyboardEvent, index: number, id: string) => handlers.current.key(event, index, id), []);
  const onRowClick = useCallback((index: number, id: string) => {
    setActive(index);
    handlers.current.select(id);
  }, []);

  const leafColumns = table.getAllLeafColumns();

  return (
    <div className="data-grid">
      <div className="data-grid__toolbar">
        <div className="data-grid__filters">
          <div className="filter">
            <label className="filter__label" htmlFor={searchId}>
              {t('data.grid.search')}
            </label>
            <input
              id={searchId}
              className="input filter__search"
              type="search"
              value={searchValue}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => table.setGlobalFilter(e.target.value)}
            />
          </div>
          {filterColumns.map((column) => {
            const filter = column.columnDef.meta?.filter;
            if (!filter) return null;
            const value = column.getFilterValue();
            return (
              <div key={column.id} className="filter">
                <label className="filter__label" htmlFor={`${searchId}-${column.id}`}>
                  {filter.label}
                </label>
                <select
                  id={`${searchId}-${column.id}`}
                  className="input"
                  value={typeof value === 'string' ? value : ''}
                  onChange={(e) => column.setFilterValue(e.target.value === '' ? undefined : e.target.value)}
                >
                  <option value="">{t('data.grid.all')}</option>
                  {filter.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
        {actions && <div className="data-grid__actions">{actions}</div>}
      </div>
      <p className="page__count data-grid__count" role="status">
        {countText(rows.length, data.length)}
      </p>
      <div ref={scrollRef} className="table-frame data-grid__scroll" tabIndex={-1}>
        <table className="data-table data-grid__table" aria-rowcount={rows.length + 1}>
          <caption className="sr-only">{caption}</caption>
          <colgroup>
            {leafColumns.map((column) => (
              <col key={column.id} style={column.columnDef.meta?.width ? { width: column.columnDef.meta.width } : undefined} />
            ))}
          </colgroup>
          <SortHead
            groups={table.getHeaderGroups()}
            render={(header) => <table.FlexRender header={header} />}
            rowIndex={1}
            labelClassName="sort-button__label"
          />
          <tbody>
            {paddingTop > 0 && (
              <tr aria-hidden="true" className="data-grid__spacer">
                <td colSpan={leafColumns.length} style={{ height: paddingTop }} />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <GridRow<T>
                  key={row.id}
                  Render={table.FlexRender}
                  row={row}
                  index={item.index}
                  selected={row.id === selectedId}
                  tabbable={item.index === tabbable}
                  onClick={onRowClick}
                  onKeyDown={onRowKey}
                />
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden="true" className="data-grid__spacer">
                <td colSpan={leafColumns.length} style={{ height: paddingBottom }} />
              </tr>
            )}
          </tbody>
        </table>
        {rows.length === 0 && <p className="data-grid__none">{data.length === 0 ? t('data.grid.empty') : t('data.grid.noMatch')}</p>}
      </div>
    </div>
  );
}

type GridRowProps<T extends RowData> = {
  /** The table's FlexRender (the same function on every render, unlike the table object). */
  Render: ReactTable<GridFeatures, T>['FlexRender'];
  row: Row<GridFeatures, T>;
  index: number;
  selected: boolean;
  tabbable: boolean;
  onClick: (index: number, id: string) => void;
  onKeyDown: (event: React.KeyboardEvent, index: number, id: string) => void;
};

function GridRowView<T extends RowData>({ Render, row, index, selected, tabbable, onClick, onKeyDown }: GridRowProps<T>) {
  return (
    <tr
      data-index={index}
      data-testid={`data-row-${row.id}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={selected ? 'data-grid__row data-grid__row--selected' : 'data-grid__row'}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => onClick(index, row.id)}
      onKeyDown={(e) => onKeyDown(e, index, row.id)}
    >
      {row.getAllCells().map((cell) => {
        const meta = cell.column.columnDef.meta;
        const className = [meta?.numeric ? 'num' : '', meta?.mono ? 'mono' : ''].filter(Boolean).join(' ') || undefined;
        return (
          <BodyCell key={cell.id} meta={meta} className={className}>
            <Render cell={cell} />
          </BodyCell>
        );
      })}
    </tr>
  );
}

const GridRow = memo(GridRowView) as typeof GridRowView;
