import { useTranslation } from 'react-i18next';
import type { Ownership } from '../../bindings';
import { ListItem, ListSection, NumberField, SelectField, TextField } from '../fields';
import { blankRemit, OWNERSHIPS, type ProviderDraft } from '../model';
import { draftList, programmeOptions, type FormProps } from './env';

export function ProviderForm({ draft, update, env }: FormProps<ProviderDraft>) {
  const { t } = useTranslation();
  const remit = draftList(update, 'remit');
  return (
    <>
      <div className="form-grid">
        <TextField label={t('data.fields.id')} path="id" value={draft.id} onChange={(id) => update((d) => ({ ...d, id }))} mono hint={t('data.hints.id')} />
        <TextField label={t('data.fields.name')} path="name" value={draft.name} onChange={(name) => update((d) => ({ ...d, name }))} wide />
        <SelectField
          label={t('data.fields.ownership')}
          path="ownership"
          value={draft.ownership}
          onChange={(value) => update((d) => ({ ...d, ownership: value as Ownership | '' }))}
          options={OWNERSHIPS.map((o) => ({ value: o, label: t(`data.ownership.${o}`) }))}
          emptyLabel={t('data.ownership.none')}
        />
      </div>
      <ListSection
        title={t('data.sections.remit')}
        path="remit"
        count={draft.remit.length}
        addLabel={t('data.add.remit')}
        onAdd={() => remit.add((d) => blankRemit(d, env.scenario))}
        emptyText={t('data.empty.remit')}
      >
        {draft.remit.map((entry, i) => (
          <ListItem
            key={i}
            path={`remit[${i}]`}
            title={env.vocabulary.programmes.get(entry.programme)?.name ?? t('data.sections.remitEntry', { n: i + 1 })}
            removeLabel={t('data.form.removeItem')}
            onRemove={() => remit.remove(i)}
          >
            <SelectField
              label={t('data.fields.programme')}
              path={`remit[${i}].programme`}
              value={entry.programme}
              onChange={(programme) => remit.change(i, (r) => ({ ...r, programme }))}
              options={programmeOptions(env)}
              wide
            />
            <NumberField
              label={t('data.fields.minStudentWeeks')}
              path={`remit[${i}].min_student_weeks`}
              value={entry.min_student_weeks}
              onChange={(value) => remit.change(i, (r) => ({ ...r, min_student_weeks: value }))}
              min={0}
              hint={t('data.hints.minStudentWeeks')}
            />
            <NumberField
              label={t('data.fields.maxStudentWeeks')}
              path={`remit[${i}].max_student_weeks`}
              value={entry.max_student_weeks}
              onChange={(value) => remit.change(i, (r) => ({ ...r, max_student_weeks: value }))}
              min={0}
              hint={t('data.hints.maxStudentWeeks')}
            />
          </ListItem>
        ))}
      </ListSection>
    </>
  );
}
