import { useId } from 'react';
import { knownArea, knownClearance } from '../../lib/vocabulary';
import { useTranslation } from 'react-i18next';
import type { Level } from '../../bindings';
import {
  CheckboxField,
  CheckboxGroupField,
  ListItem,
  ListSection,
  NumberField,
  SelectField,
  Suggestions,
  TextField,
  WeekSelectField,
  WordListField,
} from '../fields';
import {
  blankCapacity,
  blankIpl,
  blankSupervisor,
  LEVELS,
  removeAt,
  replaceAt,
  type IplDraft,
  type UnitDraft,
} from '../model';
import { useFieldProblems } from '../problems';
import { draftList, type FormProps } from './env';
import { GeoFields } from './GeoFields';

export function UnitForm({ draft, update, env }: FormProps<UnitDraft>) {
  const { t } = useTranslation();
  const professions = useId();
  const providerOptions = env.scenario.providers.map((p) => ({ value: p.id, label: p.name }));
  const capacity = draftList(update, 'capacity');
  const supervisors = draftList(update, 'supervisors');
  const fromWeek = t('data.weeks.termStart');
  const toWeek = t('data.weeks.termEnd');

  return (
    <>
      <Suggestions id={professions} options={env.professionOptions} />
      <div className="form-grid">
        <TextField label={t('data.fields.id')} path="id" value={draft.id} onChange={(id) => update((d) => ({ ...d, id }))} mono hint={t('data.hints.id')} />
        <TextField label={t('data.fields.name')} path="name" value={draft.name} onChange={(name) => update((d) => ({ ...d, name }))} wide />
        <SelectField label={t('data.fields.provider')} path="provider" value={draft.provider} onChange={(provider) => update((d) => ({ ...d, provider }))} options={providerOptions} wide />
        <GeoFields path="location" value={draft.location} onChange={(location) => update((d) => ({ ...d, location }))} />
        <CheckboxField
          label={t('data.fields.acceptsMinors')}
          path="accepts_minors"
          checked={draft.accepts_minors}
          onChange={(value) => update((d) => ({ ...d, accepts_minors: value }))}
          wide
        />
      </div>
      <WordListField
        legend={t('data.fields.areas')}
        path="areas"
        values={draft.areas}
        onChange={(areas) => update((d) => ({ ...d, areas }))}
        suggestions={env.areaOptions}
        describe={(a) => knownArea(a, t)}
        hint={t('data.hints.areas')}
        emptyText={t('data.empty.areas')}
      />
      <CheckboxGroupField
        legend={t('data.fields.levels')}
        path="levels"
        options={LEVELS.map((l) => ({ value: l, label: t(`data.levels.${l}`) }))}
        values={draft.levels}
        onChange={(levels: Level[]) => update((d) => ({ ...d, levels }))}
      />
      <WordListField
        legend={t('data.fields.requirements')}
        path="requirements"
        values={draft.requirements}
        onChange={(requirements) => update((d) => ({ ...d, requirements }))}
        suggestions={env.clearanceOptions}
        describe={(c) => knownClearance(c, t)}
        hint={t('data.hints.requirements')}
        emptyText={t('data.empty.requirements')}
      />

      <ListSection
        title={t('data.sections.capacity')}
        path="capacity"
        count={draft.capacity.length}
        addLabel={t('data.add.capacity')}
        onAdd={() => capacity.add(blankCapacity)}
        emptyText={t('data.empty.capacity')}
      >
        {draft.capacity.map((c, i) => (
          <ListItem
            key={i}
            path={`capacity[${i}]`}
            title={t('data.sections.capacityEntry', { n: i + 1 })}
            removeLabel={t('data.form.removeItem')}
            onRemove={() => capacity.remove(i)}
          >
            <TextField
              label={t('data.fields.profession')}
              path={`capacity[${i}].profession`}
              value={c.profession}
              onChange={(profession) => capacity.change(i, (x) => ({ ...x, profession }))}
              list={professions}
              mono
            />
            <NumberField
              label={t('data.fields.places')}
              path={`capacity[${i}].places`}
              value={c.places}
              onChange={(places) => capacity.change(i, (x) => ({ ...x, places }))}
              min={0}
              hint={t('data.hints.places')}
            />
            <WeekSelectField label={t('data.fields.from')} path={`capacity[${i}].from`} value={c.from} onChange={(from) => capacity.change(i, (x) => ({ ...x, from }))} weeks={env.weeks} emptyLabel={fromWeek} />
            <WeekSelectField label={t('data.fields.to')} path={`capacity[${i}].to`} value={c.to} onChange={(to) => capacity.change(i, (x) => ({ ...x, to }))} weeks={env.weeks} emptyLabel={toWeek} />
          </ListItem>
        ))}
      </ListSection>

      <ListSection
        title={t('data.sections.supervisors')}
        path="supervisors"
        count={draft.supervisors.length}
        addLabel={t('data.add.supervisor')}
        onAdd={() => supervisors.add((d) => blankSupervisor(d, env.vocabulary.supervisorIds))}
        emptyText={t('data.empty.supervisors')}
      >
        {draft.supervisors.map((s, i) => (
          <ListItem
            key={i}
            path={`supervisors[${i}]`}
            title={s.id || t('data.sections.supervisor', { n: i + 1 })}
            removeLabel={t('data.form.removeItem')}
            onRemove={() => supervisors.remove(i)}
          >
            <TextField label={t('data.fields.id')} path={`supervisors[${i}].id`} value={s.id} onChange={(id) => supervisors.change(i, (x) => ({ ...x, id }))} mono />
            <TextField
              label={t('data.fields.profession')}
              path={`supervisors[${i}].profession`}
              value={s.profession}
              onChange={(profession) => supervisors.change(i, (x) => ({ ...x, profession }))}
              list={professions}
              mono
            />
            <NumberField
              label={t('data.fields.maxStudents')}
              path={`supervisors[${i}].max_students`}
              value={s.max_students}
              onChange={(max_students) => supervisors.change(i, (x) => ({ ...x, max_students }))}
              min={1}
            />
            <CheckboxField label={t('data.fields.trained')} path={`supervisors[${i}].trained`} checked={s.trained} onChange={(trained) => supervisors.change(i, (x) => ({ ...x, trained }))} />
            <WeekSelectField label={t('data.fields.availableFrom')} path={`supervisors[${i}].from`} value={s.from} onChange={(from) => supervisors.change(i, (x) => ({ ...x, from }))} weeks={env.weeks} emptyLabel={fromWeek} />
            <WeekSelectField label={t('data.fields.availableTo')} path={`supervisors[${i}].to`} value={s.to} onChange={(to) => supervisors.change(i, (x) => ({ ...x, to }))} weeks={env.weeks} emptyLabel={toWeek} />
          </ListItem>
        ))}
      </ListSection>

      <section className="list-section">
        <CheckboxField
          label={t('data.fields.ipl')}
          path="ipl"
          checked={draft.ipl !== null}
          onChange={(on) => update((d) => ({ ...d, ipl: on ? blankIpl(d) : null }))}
          hint={t('data.hints.ipl')}
        />
        {draft.ipl && (
          <IplFields
            ipl={draft.ipl}
            professions={professions}
            env={env}
            onChange={(change) => update((d) => (d.ipl ? { ...d, ipl: change(d.ipl) } : d))}
          />
        )}
      </section>
    </>
  );
}

type IplProps = {
  ipl: IplDraft;
  professions: string;
  env: FormProps<UnitDraft>['env'];
  onChange: (change: (ipl: IplDraft) => IplDraft) => void;
};

function IplFields({ ipl, professions, env, onChange }: IplProps) {
  const { t } = useTranslation();
  const teamProblems = useFieldProblems('ipl.team');
  const openWeeks = env.weeks.filter((w) => !w.closed || ipl.starts.includes(w.value));
  return (
    <div className="ipl">
      <fieldset className={`field field--group${teamProblems.length > 0 ? ' field--invalid' : ''}`}>
        <legend className="field__label">{t('data.fields.team')}</legend>
        <p className="field__hint">{t('data.hints.team')}</p>
        {teamProblems.length > 0 && (
          <ul className="field__problems">
            {teamProblems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        )}
        <ol className="team">
          {ipl.team.map((member, i) => (
            <li key={i} className="team__member">
              <TextField
                label={t('data.fields.profession')}
                path={`ipl.team[${i}]`}
                value={member.profession}
                onChange={(profession) => onChange((x) => ({ ...x, team: replaceAt(x.team, i, { ...member, profession }) }))}
                list={professions}
                mono
              />
              <NumberField
                label={t('data.fields.teamCount')}
                path={`ipl.team.${member.profession}`}
                value={member.count}
                onChange={(count) => onChange((x) => ({ ...x, team: replaceAt(x.team, i, { ...member, count }) }))}
                min={1}
              />
              <button
                type="button"
                className="button button--danger-ghost button--small team__remove"
                onClick={() => onChange((x) => ({ ...x, team: removeAt(x.team, i) }))}
                aria-label={t('data.form.removeTeamMember', { profession: member.profession || String(i + 1) })}
              >
                {t('data.form.removeItem')}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => onChange((x) => ({ ...x, team: [...x.team, { profession: '', count: 1 }] }))}
        >
          + {t('data.add.teamMember')}
        </button>
      </fieldset>
      <div className="form-grid">
        <NumberField label={t('data.fields.iplWeeks')} path="ipl.weeks" value={ipl.weeks} onChange={(weeks) => onChange((x) => ({ ...x, weeks }))} min={1} />
        <NumberField label={t('data.fields.maxTeams')} path="ipl.max_teams" value={ipl.max_teams} onChange={(max_teams) => onChange((x) => ({ ...x, max_teams }))} min={1} hint={t('data.hints.maxTeams')} />
      </div>
      <CheckboxGroupField
        legend={t('data.fields.starts')}
        path="ipl.starts"
        options={openWeeks.map((w) => ({ value: w.value, label: w.closed ? t('data.form.closedWeek', { week: w.label }) : w.label }))}
        values={ipl.starts}
        onChange={(starts) => onChange((x) => ({ ...x, starts }))}
        hint={t('data.hints.starts')}
        compact
      />
    </div>
  );
}
