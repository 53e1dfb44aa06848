import { memo, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditProblem } from '../bindings';
import { formatWeek, parseIsoWeek } from '../lib/weeks';
import { useLanguage } from '../i18n/useLanguage';
import { move, numText, parseNum, removeAt, type Num } from './model';
import { useFieldProblems } from './problems';
import type { WeekOption } from './termWeeks';

/** A choice in a select or a list of suggestions. */
export type Option = { value: string; label: string };

function FieldProblems({ id, problems }: { id: string; problems: EditProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="field__problems">
      {problems.map((p, i) => (
        <li key={`${p.path}-${i}`}>{p.message}</li>
      ))}
    </ul>
  );
}

type FieldFrameProps = {
  inputId: string;
  label: string;
  hint?: ReactNode;
  hintId: string;
  problems: EditProblem[];
  problemsId: string;
  children: ReactNode;
  wide?: boolean;
};

function FieldFrame({ inputId, label, hint, hintId, problems, problemsId, children, wide }: FieldFrameProps) {
  return (
    <div className={`field${problems.length > 0 ? ' field--invalid' : ''}${wide ? ' field--wide' : ''}`}>
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      {children}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <FieldProblems id={problemsId} problems={problems} />
    </div>
  );
}

/** ids and ARIA for an input with a hint and problems. */
function useFieldIds(problems: EditProblem[], hasHint: boolean) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const problemsId = `${inputId}-problems`;
  const describedBy = [hasHint ? hintId : null, problems.length > 0 ? problemsId : null].filter(Boolean).join(' ') || undefined;
  return { inputId, hintId, problemsId, aria: { 'aria-invalid': problems.length > 0 || undefined, 'aria-describedby': describedBy } };
}

type TextFieldProps = {
  label: string;
  path: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  /** The id of a <datalist> of suggestions. */
  list?: string;
  readOnly?: boolean;
  mono?: boolean;
  wide?: boolean;
  autoComplete?: string;
};

export function TextField({ label, path, value, onChange, hint, list, readOnly, mono, wide, autoComplete = 'off' }: TextFieldProps) {
  const problems = useFieldProblems(path);
  const { inputId, hintId, problemsId, aria } = useFieldIds(problems, Boolean(hint));
  return (
    <FieldFrame {...{ inputId, label, hint, hintId, problems, problemsId, wide }}>
      <input
        id={inputId}
        className={mono ? 'input input--mono' : 'input'}
        type="text"
        value={value}
        list={list}
        readOnly={readOnly}
        autoComplete={autoComplete}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        {...aria}
      />
    </FieldFrame>
  );
}

type NumberFieldProps = {
  label: string;
  path: string;
  value: Num;
  onChange: (value: Num) => void;
  hint?: ReactNode;
  /** Decimals allowed (coordinates, weights); otherwise a whole number. */
  decimal?: boolean;
  min?: number;
};

export function NumberField({ label, path, value, onChange, hint, decimal, min }: NumberFieldProps) {
  const problems = useFieldProblems(path);
  const { inputId, hintId, problemsId, aria } = useFieldIds(problems, Boolean(hint));
  return (
    <FieldFrame {...{ inputId, label, hint, hintId, problems, problemsId }}>
      <input
        id={inputId}
        className="input input--number"
        type={decimal ? 'text' : 'number'}
        inputMode={decimal ? 'decimal' : 'numeric'}
        min={decimal ? undefined : min}
        step={decimal ? undefined : 1}
        value={numText(value)}
        autoComplete="off"
        onChange={(e) => onChange(parseNum(e.target.value))}
        {...aria}
      />
    </FieldFrame>
  );
}

type CheckboxFieldProps = { label: string; path: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string; wide?: boolean };

export function CheckboxField({ label, path, checked, onChange, hint, wide }: CheckboxFieldProps) {
  const problems = useFieldProblems(path);
  const { inputId, hintId, problemsId, aria } = useFieldIds(problems, Boolean(hint));
  return (
    <div className={`field field--check${problems.length > 0 ? ' field--invalid' : ''}${wide ? ' field--wide' : ''}`}>
      <label className="check" htmlFor={inputId}>
        <input id={inputId} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} {...aria} />
        <span>{label}</span>
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <FieldProblems id={problemsId} problems={problems} />
    </div>
  );
}

type SelectFieldProps = {
  label: string;
  path: string;
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  /** A first choice meaning "none" (an optional field). */
  emptyLabel?: string;
  hint?: ReactNode;
  wide?: boolean;
};

export function SelectField({ label, path, value, onChange, options, emptyLabel, hint, wide }: SelectFieldProps) {
  const { t } = useTranslation();
  const problems = useFieldProblems(path);
  const { inputId, hintId, problemsId, aria } = useFieldIds(problems, Boolean(hint));
  // A value not among the choices (an id removed meanwhile) stays visible rather than silently changing.
  const unknown = value !== '' && !options.some((o) => o.value === value);
  return (
    <FieldFrame {...{ inputId, label, hint, hintId, problems, problemsId, wide }}>
      <select id={inputId} className="input" value={value} onChange={(e) => onChange(e.target.value)} {...aria}>
        {(emptyLabel !== undefined || value === '') && <option value="">{emptyLabel ?? t('data.form.choose')}</option>}
        {unknown && <option value={value}>{t('data.form.unknownChoice', { value })}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

type WeekSelectFieldProps = {
  label: string;
  path: string;
  value: string;
  onChange: (value: string) => void;
  weeks: WeekOption[];
  /** What no choice means ("Terminens första vecka"). */
  emptyLabel: string;
};

/** A week of the term; the value is "YYYY-Www", shown as "v. 36". */
export function WeekSelectField({ label, path, value, onChange, weeks, emptyLabel }: WeekSelectFieldProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const options = weeks.map((w) => ({ value: w.value, label: w.closed ? t('data.form.closedWeek', { week: w.label }) : w.label }));
  const outside = value !== '' && !weeks.some((w) => w.value === value);
  const problems = useFieldProblems(path);
  const { inputId, hintId, problemsId, aria } = useFieldIds(problems, false);
  return (
    <FieldFrame {...{ inputId, label, hintId, problems, problemsId }}>
      <select id={inputId} className="input" value={value} onChange={(e) => onChange(e.target.value)} {...aria}>
        <option value="">{emptyLabel}</option>
        {outside && <option value={value}>{formatWeek(value, { language, withYear: true })}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

type WeekTextFieldProps = { label: string; path: string; value: string; onChange: (value: string) => void };

/** An ISO week typed as "2027-W36", with "v. 36 2027" beside it once it is one. */
export function WeekTextField({ label, path, value, onChange }: WeekTextFieldProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const hint = parseIsoWeek(value) ? formatWeek(value, { language, withYear: true }) : t('data.form.weekFormat');
  return <TextField label={label} path={path} value={value} onChange={(v) => onChange(v.trim().toUpperCase())} hint={hint} mono />;
}

type GroupFrameProps = {
  /** The group's id; its problems are at `${id}-problems`. */
  id: string;
  legend: string;
  hint?: string;
  problems: EditProblem[];
  /** Whether the fieldset is described by its problems. */
  describeProblems?: boolean;
  children: ReactNode;
};

/** A field of several inputs: a fieldset with its legend and hint, the inputs, then its problems. */
function GroupFrame({ id, legend, hint, problems, describeProblems, children }: GroupFrameProps) {
  const invalid = problems.length > 0;
  return (
    <fieldset className={`field field--group${invalid ? ' field--invalid' : ''}`} aria-describedby={describeProblems && invalid ? `${id}-problems` : undefined}>
      <legend className="field__label">{legend}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      {children}
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </fieldset>
  );
}

type WordAddProps = {
  /** The list field's id; the input is `${id}-input`, its own suggestions `${id}-list`. */
  id: string;
  legend: string;
  values: string[];
  onChange: (values: string[]) => void;
  suggestions: Option[];
  listId?: string;
};

/** Adds a word (or id) to a list by typing it, offering the suggestions not listed yet. */
function WordAdd({ id, legend, values, onChange, suggestions, listId }: WordAddProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const add = () => {
    const word = text.trim();
    if (word === '') return;
    // A word listed twice is a problem the validator names; adding it once more is refused here.
    if (!values.includes(word)) onChange([...values, word]);
    setText('');
  };
  const unused = listId === undefined ? suggestions.filter((s) => !values.includes(s.value)) : [];
  return (
    <div className="word-add">
      <label className="sr-only" htmlFor={`${id}-input`}>
        {t('data.form.addTo', { list: legend })}
      </label>
      <input
        id={`${id}-input`}
        className="input"
        type="text"
        value={text}
        list={listId ?? `${id}-list`}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
        }}
      />
      {listId === undefined && <Suggestions id={`${id}-list`} options={unused} />}
      <button type="button" className="button button--secondary button--small" onClick={add} disabled={text.trim() === ''}>
        {t('data.form.add')}
      </button>
    </div>
  );
}

type CheckboxGroupFieldProps<T extends string> = {
  legend: string;
  path: string;
  options: { value: T; label: string }[];
  values: readonly T[];
  onChange: (values: T[]) => void;
  hint?: string;
  compact?: boolean;
};

/** Several of a few choices (education levels, weeks); kept in the choices' order. */
export function CheckboxGroupField<T extends string>({ legend, path, options, values, onChange, hint, compact }: CheckboxGroupFieldProps<T>) {
  const problems = useFieldProblems(path, true);
  const id = useId();
  const chosen = new Set(values);
  const toggle = (value: T, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(value);
    else next.delete(value);
    // Choices keep their order; values not among the choices are kept too, never dropped silently.
    onChange([...options.map((o) => o.value).filter((v) => next.has(v)), ...values.filter((v) => !options.some((o) => o.value === v) && next.has(v))]);
  };
  return (
    <GroupFrame id={id} legend={legend} hint={hint} problems={problems} describeProblems>
      <div className={compact ? 'check-grid check-grid--compact' : 'check-grid'}>
        {options.map((o) => (
          <label key={o.value} className="check">
            <input type="checkbox" checked={chosen.has(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </GroupFrame>
  );
}

type WordListFieldProps = {
  legend: string;
  path: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** Words (or ids) already in use, offered while typing; free words are allowed unless `strict`. */
  suggestions: Option[];
  /** Describes a listed value (a unit's name beside its id). */
  describe?: (value: string) => string | undefined;
  hint?: string;
  emptyText: string;
  /** A shared <datalist> to offer instead of one of its own (long lists such as every unit). */
  listId?: string;
};

/** A list field's frame: legend and hint, the list (or that it is empty), a way to add, problems. */
function ListFieldFrame({ legend, path, values, onChange, suggestions, hint, emptyText, listId, children }: WordListFieldProps & { children: ReactNode }) {
  const problems = useFieldProblems(path, true);
  const id = useId();
  return (
    <GroupFrame id={id} legend={legend} hint={hint} problems={problems}>
      {values.length === 0 ? <p className="field__empty">{emptyText}</p> : children}
      <WordAdd id={id} legend={legend} values={values} onChange={onChange} suggestions={suggestions} listId={listId} />
    </GroupFrame>
  );
}

/** A list of words (areas, clearances, requirements) or ids (excluded units): add by typing, remove each. */
export function WordListField(props: WordListFieldProps) {
  const { t } = useTranslation();
  const { values, onChange, describe } = props;
  return (
    <ListFieldFrame {...props}>
      <ul className="chips">
        {values.map((value, index) => {
          const description = describe?.(value);
          return (
            <li key={`${value}-${index}`} className="chip">
              <span className="chip__value">{value}</span>
              {description && <span className="chip__description">{description}</span>}
              <button
                type="button"
                className="chip__remove"
                aria-label={t('data.form.removeWord', { word: value })}
                onClick={() => onChange(removeAt(values, index))}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </ListFieldFrame>
  );
}

type RankedListFieldProps = WordListFieldProps & { describe: (value: string) => string | undefined };

/** Ids in rank order (a need's preferred units): the first is the most wanted; move up and down. */
export function RankedListField(props: RankedListFieldProps) {
  const { t } = useTranslation();
  const { values, onChange, describe } = props;
  return (
    <ListFieldFrame {...props}>
      <ol className="ranked">
        {values.map((value, index) => (
          <li key={`${value}-${index}`} className="ranked__item">
            <span className="ranked__rank" aria-hidden="true">
              {index + 1}
            </span>
            <span className="ranked__value">
              <span className="ranked__id">{value}</span>
              {describe(value) && <span className="ranked__name">{describe(value)}</span>}
            </span>
            <span className="ranked__actions">
              <button
                type="button"
                className="icon-button"
                aria-label={t('data.form.moveUp', { item: value })}
                disabled={index === 0}
                onClick={() => onChange(move(values, index, index - 1))}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('data.form.moveDown', { item: value })}
                disabled={index === values.length - 1}
                onClick={() => onChange(move(values, index, index + 1))}
              >
                ↓
              </button>
              <button
                type="button"
                className="icon-button icon-button--danger"
                aria-label={t('data.form.removeWord', { word: value })}
                onClick={() => onChange(removeAt(values, index))}
              >
                ×
              </button>
            </span>
          </li>
        ))}
      </ol>
    </ListFieldFrame>
  );
}

type ListSectionProps = {
  title: string;
  path: string;
  count: number;
  addLabel: string;
  onAdd: () => void;
  emptyText: string;
  children: ReactNode;
};

/** A nested list of the entry (needs, capacity, supervisors, remit) with a button to add one. */
export function ListSection({ title, path, count, addLabel, onAdd, emptyText, children }: ListSectionProps) {
  // Problems at the list itself ("must list at least one"); its items show their own.
  const problems = useFieldProblems(path);
  const id = useId();
  return (
    <section className="list-section" aria-labelledby={`${id}-title`}>
      <div className="list-section__header">
        <h3 id={`${id}-title`} className="list-section__title">
          {title} <span className="list-section__count">({count})</span>
        </h3>
        <button type="button" className="button button--secondary button--small" onClick={onAdd}>
          + {addLabel}
        </button>
      </div>
      <FieldProblems id={`${id}-problems`} problems={problems} />
      {count === 0 ? <p className="field__empty">{emptyText}</p> : <ol className="list-section__items">{children}</ol>}
    </section>
  );
}

type ListItemProps = {
  title: string;
  path: string;
  removeLabel: string;
  onRemove: () => void;
  onMoveUp?: () => void;
  onMoveDown?: () => void;
  moveUpLabel?: string;
  moveDownLabel?: string;
  children: ReactNode;
};

/** One item of a nested list, with its own fields and a button to remove it. */
export function ListItem({ title, path, removeLabel, onRemove, onMoveUp, onMoveDown, moveUpLabel, moveDownLabel, children }: ListItemProps) {
  const problems = useFieldProblems(path);
  const id = useId();
  return (
    <li className="list-item">
      <fieldset className="list-item__fields" aria-labelledby={`${id}-title`}>
        <div className="list-item__header">
          <span id={`${id}-title`} className="list-item__title">
            {title}
          </span>
          <span className="list-item__actions">
            {onMoveUp && (
              <button type="button" className="icon-button" aria-label={moveUpLabel} onClick={onMoveUp}>
                ↑
              </button>
            )}
            {onMoveDown && (
              <button type="button" className="icon-button" aria-label={moveDownLabel} onClick={onMoveDown}>
                ↓
              </button>
            )}
            <button type="button" className="button button--danger-ghost button--small" onClick={onRemove}>
              {removeLabel}
            </button>
          </span>
        </div>
        <FieldProblems id={`${id}-problems`} problems={problems} />
        <div className="form-grid">{children}</div>
      </fieldset>
    </li>
  );
}

/** A <datalist> of suggestions shared by several inputs (memoised: it can hold every unit of the term). */
export const Suggestions = memo(function Suggestions({ id, options }: { id: string; options: Option[] }) {
  return (
    <datalist id={id}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </datalist>
  );
});
