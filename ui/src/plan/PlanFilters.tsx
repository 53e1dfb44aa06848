import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterOption, FilterOptions, PlanFilter } from './filters';
import { isFiltering, NO_FILTER } from './filters';

type Props = {
  filter: PlanFilter;
  options: FilterOptions;
  onChange: (filter: PlanFilter) => void;
};

/** School, programme, provider and area choices and a text search; they filter everything below. */
export function PlanFilters({ filter, options, onChange }: Props) {
  const { t } = useTranslation();
  const searchId = useId();
  const set = (key: keyof PlanFilter) => (value: string) => onChange({ ...filter, [key]: value });
  return (
    <form className="plan-filters" role="search" aria-label={t('plan.filters.label')} onSubmit={(e) => e.preventDefault()}>
      <FilterSelect label={t('plan.filters.school')} value={filter.school} options={options.schools} onChange={set('school')} testId="filter-school" />
      <FilterSelect
        label={t('plan.filters.programme')}
        value={filter.programme}
        options={options.programmes}
        onChange={set('programme')}
        testId="filter-programme"
      />
      <FilterSelect
        label={t('plan.filters.provider')}
        value={filter.provider}
        options={options.providers}
        onChange={set('provider')}
        testId="filter-provider"
      />
      <FilterSelect label={t('plan.filters.area')} value={filter.area} options={options.areas} onChange={set('area')} testId="filter-area" />
      <div className="plan-filters__field plan-filters__field--search">
        <label htmlFor={searchId}>{t('plan.filters.search')}</label>
        <input
          id={searchId}
          type="search"
          value={filter.text}
          placeholder={t('plan.filters.searchPlaceholder')}
          onChange={(event) => set('text')(event.target.value)}
          data-testid="filter-text"
        />
      </div>
      <button
        type="button"
        className="button plan-btn--secondary plan-btn--small plan-filters__clear"
        onClick={() => onChange(NO_FILTER)}
        disabled={!isFiltering(filter)}
      >
        {t('plan.filters.clear')}
      </button>
    </form>
  );
}

type SelectProps = { label: string; value: string; options: FilterOption[]; onChange: (value: string) => void; testId: string };

function FilterSelect({ label, value, options, onChange, testId }: SelectProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="plan-filters__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        <option value="">{t('plan.filters.all')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
