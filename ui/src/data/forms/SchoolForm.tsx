import { useTranslation } from 'react-i18next';
import type { Level } from '../../bindings';
import { SelectField, TextField } from '../fields';
import { LEVELS, type SchoolDraft } from '../model';
import type { FormProps } from './env';

export function SchoolForm({ draft, update }: FormProps<SchoolDraft>) {
  const { t } = useTranslation();
  return (
    <div className="form-grid">
      <TextField label={t('data.fields.id')} path="id" value={draft.id} onChange={(id) => update((d) => ({ ...d, id }))} mono hint={t('data.hints.id')} />
      <TextField label={t('data.fields.name')} path="name" value={draft.name} onChange={(name) => update((d) => ({ ...d, name }))} wide />
      <SelectField
        label={t('data.fields.level')}
        path="level"
        value={draft.level}
        onChange={(level) => update((d) => ({ ...d, level: level as Level }))}
        options={LEVELS.map((l) => ({ value: l, label: t(`data.levels.${l}`) }))}
        hint={t('data.hints.schoolLevel')}
      />
    </div>
  );
}
