import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  /** The column's header text. */
  children: ReactNode;
  sorted: false | 'asc' | 'desc';
  onToggle: ((event: unknown) => void) | undefined;
  numeric?: boolean;
};

/** A column header that sorts its table when pressed, and says how it is sorted. */
export function SortHeader({ children, sorted, onToggle, numeric }: Props) {
  const { t } = useTranslation();
  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort-button" onClick={onToggle}>
        <span>{children}</span>
        <span className={sorted ? 'sort-icon sort-icon--active' : 'sort-icon'} aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '▴▾'}
        </span>
        {sorted && <span className="sr-only">, {t(sorted === 'asc' ? 'terms.sort.ascending' : 'terms.sort.descending')}</span>}
      </button>
    </th>
  );
}
