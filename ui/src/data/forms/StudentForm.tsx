import { useId } from 'react';
import { knownClearance } from '../../lib/vocabulary';
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
import { blankNeed, type StudentDraft } from '../model';
import { draftList, programmeOptions, type FormProps } from './env';
import { GeoFields } from './GeoFields';

export function StudentForm({ draft, update, env }: FormProps<StudentDraft>) {
  const { t } = useTranslation();
  const areas = useId();
  const units = useId();
  const unitName = (id: string) => env.vocabulary.units.get(id)?.name;
  const needs = draftList(update, 'needs');

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
          options={programmeOptions(env)}
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
        describe={(c) => knownClearance(c, t)}
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
        onAdd={() => needs.add((d) => blankNeed(d, env.vocabulary.needIds))}
        emptyText={t('data.empty.needs')}
      >
        {draft.needs.map((need, i) => (
          <ListItem
            key={i}
            path={`needs[${i}]`}
            title={need.id || t('data.sections.need', { n: i + 1 })}
            removeLabel={t('data.form.removeItem')}
            onRemove={() => needs.remove(i)}
            onMoveUp={i > 0 ? () => needs.move(i, i - 1) : undefined}
            onMoveDown={i < draft.needs.length - 1 ? () => needs.move(i, i + 1) : undefined}
            moveUpLabel={t('data.form.moveUp', { item: need.id })}
            moveDownLabel={t('data.form.moveDown', { item: need.id })}
          >
            <TextField label={t('data.fields.id')} path={`needs[${i}].id`} value={need.id} onChange={(id) => needs.change(i, (n) => ({ ...n, id }))} mono />
            <TextField label={t('data.fields.area')} path={`needs[${i}].area`} value={need.area} onChange={(area) => needs.change(i, (n) => ({ ...n, area }))} list={areas} mono />
            <NumberField label={t('data.fields.weeks')} path={`needs[${i}].weeks`} value={need.weeks} onChange={(weeks) => needs.change(i, (n) => ({ ...n, weeks }))} min={1} hint={t('data.hints.weeks')} />
            <NumberField
              label={t('data.fields.priority')}
              path={`needs[${i}].priority`}
              value={need.priority}
              onChange={(priority) => needs.change(i, (n) => ({ ...n, priority }))}
              min={1}
              hint={t('data.hints.priority')}
            />
            <WeekSelectField
              label={t('data.fields.earliest')}
              path={`needs[${i}].earliest`}
              value={need.earliest}
              onChange={(earliest) => needs.change(i, (n) => ({ ...n, earliest }))}
              weeks={env.weeks}
              emptyLabel={t('data.weeks.termStart')}
            />
            <WeekSelectField
              label={t('data.fields.latest')}
              path={`needs[${i}].latest`}
              value={need.latest}
              onChange={(latest) => needs.change(i, (n) => ({ ...n, latest }))}
              weeks={env.weeks}
              emptyLabel={t('data.weeks.termEnd')}
            />
            <CheckboxField label={t('data.fields.needIpl')} path={`needs[${i}].ipl`} checked={need.ipl} onChange={(ipl) => needs.change(i, (n) => ({ ...n, ipl }))} />
            <div className="field--wide">
              <RankedListField
                legend={t('data.fields.preferences')}
                path={`needs[${i}].preferences`}
                values={need.preferences}
                onChange={(preferences) => needs.change(i, (n) => ({ ...n, preferences }))}
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
