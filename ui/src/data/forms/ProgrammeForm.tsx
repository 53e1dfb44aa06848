import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, NumberField, SelectField, Suggestions, TextField } from '../fields';
import type { ProgrammeDraft } from '../model';
import type { FormProps } from './env';

export function ProgrammeForm({ draft, update, env }: FormProps<ProgrammeDraft>) {
  const { t } = useTranslation();
  const professions = useId();
  const schoolOptions = env.scenario.schools.map((s) => ({ value: s.id, label: `${s.name} (${t(`data.levels.${s.level}`)})` }));
  return (
    <div className="form-grid">
      <TextField label={t('data.fields.id')} path="id" value={draft.id} onChange={(id) => update((d) => ({ ...d, id }))} mono hint={t('data.hints.id')} />
      <TextField label={t('data.fields.name')} path="name" value={draft.name} onChange={(name) => update((d) => ({ ...d, name }))} wide />
      <SelectField label={t('data.fields.school')} path="school" value={draft.school} onChange={(school) => update((d) => ({ ...d, school }))} options={schoolOptions} />
      <TextField
        label={t('data.fields.profession')}
        path="profession"
        value={draft.profession}
        onChange={(profession) => update((d) => ({ ...d, profession }))}
        list={professions}
        mono
        hint={t('data.hints.profession')}
      />
      <Suggestions id={professions} options={env.professionOptions} />
      <CheckboxField
        label={t('data.fields.trainedSupervisorRequired')}
        path="trained_supervisor_required"
        checked={draft.trained_supervisor_required}
        onChange={(value) => update((d) => ({ ...d, trained_supervisor_required: value }))}
      />
      <NumberField
        label={t('data.fields.maxStudentsPerSupervisor')}
        path="max_students_per_supervisor"
        value={draft.max_students_per_supervisor}
        onChange={(value) => update((d) => ({ ...d, max_students_per_supervisor: value }))}
        min={1}
        hint={t('data.hints.maxStudentsPerSupervisor')}
      />
    </div>
  );
}
