import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { compareIsoWeeks, formatWeek } from '../../lib/weeks';
import { CheckboxGroupField, TextField, WeekTextField } from '../fields';
import type { TermDraft } from '../model';
import { weeksBetween } from '../termWeeks';
import type { FormProps } from './env';

export function TermForm({ draft, update }: FormProps<TermDraft>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const range = weeksBetween(draft.first_week, draft.last_week);
  // Closed weeks outside the range stay listed (the validator names them) rather than vanishing.
  const choices = [...new Set([...range, ...draft.closed_weeks])].sort(compareIsoWeeks);
  return (
    <>
      <div className="form-grid">
        <TextField label={t('data.fields.id')} path="id" value={draft.id} onChange={() => undefined} readOnly mono hint={t('data.hints.termId')} />
        <TextField label={t('data.fields.name')} path="name" value={draft.name} onChange={(name) => update((d) => ({ ...d, name }))} wide />
        <WeekTextField label={t('data.fields.firstWeek')} path="first_week" value={draft.first_week} onChange={(first_week) => update((d) => ({ ...d, first_week }))} />
        <WeekTextField label={t('data.fields.lastWeek')} path="last_week" value={draft.last_week} onChange={(last_week) => update((d) => ({ ...d, last_week }))} />
      </div>
      {choices.length === 0 ? (
        <p className="field__empty">{t('data.hints.closedWeeksNeedRange')}</p>
      ) : (
        <CheckboxGroupField
          legend={t('data.fields.closedWeeks')}
          path="closed_weeks"
          options={choices.map((w) => ({ value: w, label: formatWeek(w, { language }) }))}
          values={draft.closed_weeks}
          onChange={(closed_weeks) => update((d) => ({ ...d, closed_weeks }))}
          hint={t('data.hints.closedWeeks')}
          compact
        />
      )}
    </>
  );
}
