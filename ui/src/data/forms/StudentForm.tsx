import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CheckboxField,
  ListItem,
  ListSection,
  NumberField,
  RankedListField,
  SelectField,
  Suggestions,
  TextField,
  WeekSelectField,
  WordListField,
} from '../fields';
import { blankNeed, move, removeAt, replaceAt, type NeedDraft, type StudentDraft } from '../model';
import type { FormProps } from './env';
import { GeoFields } from './GeoFields';

export function StudentForm({ draft, update, env }: FormProps<StudentDraft>) {
  const { t } = useTranslation();
  const areas = useId();
  const units = useId();
  const programmeOptions = env.scenario.programmes.map((p) => ({
    value: p.id,
    label: `${p.name} (${env.vocabulary.schools.get(p.school)?.name ?? p.school})`,
  }));
  const unitName = (id: string) => env.vocabulary.units.get(id)?.name;
  const setNeed = (i: number, change: (n: NeedDraft) => NeedDraft) =>
    update((d) => ({ ...d, needs: replaceAt(d.needs, i, change(d.needs[i] as NeedDraft)) }));

  return (
    <>
      <Suggestions id={areas} options={env.areaOptions} />
      <Suggestions id={units} options={env.unitOptions} />
      <div className="form-grid">
        <TextField label={t('data.fields.id')} path="id" value={draft.id} onChange={(id) => update((d) => ({ ...d, id }))} mono hint={t('data.hints.id')} />
        <TextField
          label={t('data.fields.personalId')}
          path="personal_id"
          value={draft.personal_id}
          onChange={(personal_id) => update((d) => ({ ...d, personal_id: personal_id.trim() }))}
          mono
          hint={t('data.hints.personalId')}
        />
        <TextField label={t('data.fields.name')} path="name" value={draft.name} onChange={(name) => update((d) => ({ ...d, name }))} wide />
        <SelectField
          label={t('data.fields.programme')}
          path="programme"
          value={draft.programme}
          onChange={(programme) => update((d) => ({ ...d, programme }))}
          options={programmeOptions}
          wide
        />
        <GeoFields path="home" value={draft.home} onChange={(home) => update((d) => ({ ...d, home }))} />
        <CheckboxField label={t('data.fields.minor')} path="minor" checked={draft.minor} onChange={(minor) => update((d) => ({ ...d, minor }))} wide />
      </div>
      <WordListField
        legend={t('data.fields.clearances')}
        path="clearances"
        values={draft.clearances}
        onChange={(clearances) => update((d) => ({ ...d, clearances }))}
        suggestions={env.clearanceOptions}
        hint={t('data.hints.clearances')}
        emptyText={t('data.empty.clearances')}
      />
      <WordListField
        legend={t('data.fields.excludedUnits')}
        path="excluded_units"
        values={draft.excluded_units}
        onChange={(excluded_units) => update((d) => ({ ...d, excluded_units }))}
        suggestions={env.unitOptions}
        listId={units}
        describe={unitName}
        hint={t('data.hints.excludedUnits')}
        emptyText={t('data.empty.excludedUnits')}
      />
      <ListSection
        title={t('data.sections.needs')}
        path="needs"
        count={draft.needs.length}
        addLabel={t('data.add.need')}
        onAdd={() => update((d) => ({ ...d, needs: [...d.needs, blankNeed(d, env.vocabulary.needIds)] }))}
        emptyText={t('data.empty.needs')}
      >
        {draft.needs.map((need, i) => (
          <ListItem
            key={i}
            path={`needs[${i}]`}
            title={need.id || t('data.sections.need', { n: i + 1 })}
            removeLabel={t('data.form.removeItem')}
            onRemove={() => update((d) => ({ ...d, needs: removeAt(d.needs, i) }))}
            onMoveUp={i > 0 ? () => update((d) => ({ ...d, needs: move(d.needs, i, i - 1) })) : undefined}
            onMoveDown={i < draft.needs.length - 1 ? () => update((d) => ({ ...d, needs: move(d.needs, i, i + 1) })) : undefined}
            moveUpLabel={t('data.form.moveUp', { item: need.id })}
            moveDownLabel={t('data.form.moveDown', { item: need.id })}
          >
            <TextField label={t('data.fields.id')} path={`needs[${i}].id`} value={need.id} onChange={(id) => setNeed(i, (n) => ({ ...n, id }))} mono />
            <TextField label={t('data.fields.area')} path={`needs[${i}].area`} value={need.area} onChange={(area) => setNeed(i, (n) => ({ ...n, area }))} list={areas} mono />
            <NumberField label={t('data.fields.weeks')} path={`needs[${i}].weeks`} value={need.weeks} onChange={(weeks) => setNeed(i, (n) => ({ ...n, weeks }))} min={1} hint={t('data.hints.weeks')} />
            <NumberField
              label={t('data.fields.priority')}
              path={`needs[${i}].priority`}
              value={need.priority}
              onChange={(priority) => setNeed(i, (n) => ({ ...n, priority }))}
              min={1}
              hint={t('data.hints.priority')}
            />
            <WeekSelectField
              label={t('data.fields.earliest')}
              path={`needs[${i}].earliest`}
              value={need.earliest}
              onChange={(earliest) => setNeed(i, (n) => ({ ...n, earliest }))}
              weeks={env.weeks}
              emptyLabel={t('data.weeks.termStart')}
            />
            <WeekSelectField
              label={t('data.fields.latest')}
              path={`needs[${i}].latest`}
              value={need.latest}
              onChange={(latest) => setNeed(i, (n) => ({ ...n, latest }))}
              weeks={env.weeks}
              emptyLabel={t('data.weeks.termEnd')}
            />
            <CheckboxField label={t('data.fields.needIpl')} path={`needs[${i}].ipl`} checked={need.ipl} onChange={(ipl) => setNeed(i, (n) => ({ ...n, ipl }))} />
            <div className="field--wide">
              <RankedListField
                legend={t('data.fields.preferences')}
                path={`needs[${i}].preferences`}
                values={need.preferences}
                onChange={(preferences) => setNeed(i, (n) => ({ ...n, preferences }))}
                suggestions={env.unitOptions}
                listId={units}
                describe={unitName}
                hint={t('data.hints.preferences')}
                emptyText={t('data.empty.preferences')}
              />
            </div>
          </ListItem>
        ))}
      </ListSection>
    </>
  );
}
