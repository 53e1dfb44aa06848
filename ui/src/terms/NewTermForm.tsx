import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { commands, type InputProblem, type NewTerm } from '../bindings';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLanguage } from '../i18n/useLanguage';
import { describeAppError, describeUnexpected, type ErrorView } from '../lib/errors';
import { formatCount } from '../lib/format';
import { formatWeek, formatWeekRange } from '../lib/weeks';
import { normaliseWeekInput, weeksBetween } from './isoWeeks';

type Props = {
  /** Called with the new term's id once it is saved. */
  onCreated: (termId: string) => void;
  onCancel: () => void;
};

type Field = 'id' | 'name' | 'first_week' | 'last_week' | 'closed_weeks';
type FieldProblems = Partial<Record<Field, string[]>>;

/** Longest term whose weeks are offered for closing (two years); longer ones are surely a typo. */
const MAX_PICKABLE_WEEKS = 106;

/** The form field a problem of `create_term` belongs to, from its path (`term.first_week`, `term.closed_weeks[1]`). */
export function fieldOfPath(path: string): Field | null {
  const match = /^(?:term\.)?(id|name|first_week|last_week|closed_weeks)(?:$|[.[])/.exec(path);
  return match ? (match[1] as Field) : null;
}

/**
 * A new, empty term: id, name, first and last week, and the closed weeks picked among the term's
 * own weeks (so they are always inside it). The back end checks it by the scenario format's rules;
 * its problems are shown beside their fields.
 */
export function NewTermForm({ onCreated, onCancel }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formId = useId();
  const headingId = `${formId}-heading`;
  const firstInput = useRef<HTMLInputElement>(null);
  const formElement = useRef<HTMLFormElement>(null);

  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [firstText, setFirstText] = useState('');
  const [lastText, setLastText] = useState('');
  const [closed, setClosed] = useState<string[]>([]);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [otherProblems, setOtherProblems] = useState<InputProblem[]>([]);
  const [failure, setFailure] = useState<ErrorView | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => firstInput.current?.focus(), []);

  // After a refused attempt the focus goes to the first field with a problem.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt > 0) formElement.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const first = normaliseWeekInput(firstText);
  const last = normaliseWeekInput(lastText);
  const termWeeks = useMemo(
    () => (first && last ? weeksBetween(first, last, MAX_PICKABLE_WEEKS + 1) : []),
    [first, last],
  );
  const pickable = termWeeks.length > 0 && termWeeks.length <= MAX_PICKABLE_WEEKS;
  // Closed weeks outside the term as it now stands are dropped rather than sent.
  const closedInside = closed.filter((week) => termWeeks.includes(week)).sort();
  const openCount = termWeeks.length - closedInside.length;

  const toggleClosed = (week: string) =>
    setClosed((current) => (current.includes(week) ? current.filter((w) => w !== week) : [...current, week]));

  const check = (): FieldProblems => {
    const found: FieldProblems = {};
    if (!id.trim()) found.id = [t('terms.create.required')];
    else if (/\s/.test(id.trim())) found.id = [t('terms.create.idSpaces')];
    if (!name.trim()) found.name = [t('terms.create.required')];
    if (!firstText.trim()) found.first_week = [t('terms.create.required')];
    else if (!first) found.first_week = [t('terms.create.notAWeek')];
    if (!lastText.trim()) found.last_week = [t('terms.create.required')];
    else if (!last) found.last_week = [t('terms.create.notAWeek')];
    else if (first && last < first) found.last_week = [t('terms.create.lastBeforeFirst')];
    if (first && last && termWeeks.length > 0 && openCount === 0) found.closed_weeks = [t('terms.create.allClosed')];
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setOtherProblems([]);
    const found = check();
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    const term: NewTerm = { id: id.trim(), name: name.trim(), first_week: first!, last_week: last!, closed_weeks: closedInside };
    setSaving(true);
    try {
      const result = await commands.createTerm(term);
      if (result.status === 'ok') {
        onCreated(result.data.id);
        return;
      }
      const error = result.error;
      if (error.type === 'InvalidInput') {
        const byField: FieldProblems = {};
        const elsewhere: InputProblem[] = [];
        for (const problem of error.data.problems) {
          const field = fieldOfPath(problem.path);
          if (field) (byField[field] ??= []).push(problem.message);
          else elsewhere.push(problem);
        }
        setProblems(byField);
        setOtherProblems(elsewhere);
        setAttempt((n) => n + 1);
      } else if (error.type === 'TermExists') {
        setProblems({ id: [t('terms.create.exists', { id: error.data.id })] });
        setAttempt((n) => n + 1);
      } else {
        setFailure(describeAppError(error, t));
      }
    } catch (error: unknown) {
      setFailure(describeUnexpected(error, t));
    } finally {
      setSaving(false);
    }
  };

  const describedBy = (field: Field, hint?: boolean) =>
    [hint ? `${formId}-${field}-hint` : '', problems[field]?.length ? `${formId}-${field}-problems` : ''].filter(Boolean).join(' ') ||
    undefined;

  const fieldProblems = (field: Field) =>
    problems[field]?.length ? (
      <ul id={`${formId}-${field}-problems`} className="term-form__problems" data-testid={`new-term-problems-${field}`}>
        {problems[field]!.map((message, index) => (
          <li key={index}>{message}</li>
        ))}
      </ul>
    ) : null;

  const weekPreview = (text: string, week: string | null) => {
    if (!text.trim()) return t('terms.create.weekFormat');
    return week ? formatWeek(week, { withYear: true, language }) : t('terms.create.notAWeek');
  };

  return (
    <section className="term-form" aria-labelledby={headingId} data-testid="new-term-form">
      <h2 id={headingId} className="term-form__title">
        {t('terms.create.title')}
      </h2>
      <p className="term-form__intro">{t('terms.create.intro')}</p>
      <form ref={formElement} onSubmit={(event) => void submit(event)} noValidate>
        <div className="term-form__grid">
          <div className="term-form__field">
            <label htmlFor={`${formId}-id`}>{t('terms.create.id')}</label>
            <input
              ref={firstInput}
              id={`${formId}-id`}
              className="term-form__input term-form__input--mono"
              value={id}
              onChange={(event) => setId(event.target.value)}
              aria-invalid={problems.id?.length ? true : undefined}
              aria-describedby={describedBy('id', true)}
              autoComplete="off"
              spellCheck={false}
              data-testid="new-term-id"
            />
            <p id={`${formId}-id-hint`} className="term-form__hint">
              {t('terms.create.idHint')}
            </p>
            {fieldProblems('id')}
          </div>
          <div className="term-form__field">
            <label htmlFor={`${formId}-name`}>{t('terms.create.name')}</label>
            <input
              id={`${formId}-name`}
              className="term-form__input"
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-invalid={problems.name?.length ? true : undefined}
              aria-describedby={describedBy('name', true)}
              autoComplete="off"
              data-testid="new-term-name"
            />
            <p id={`${formId}-name-hint`} className="term-form__hint">
              {t('terms.create.nameHint')}
            </p>
            {fieldProblems('name')}
          </div>
          <div className="term-form__field">
            <label htmlFor={`${formId}-first_week`}>{t('terms.create.firstWeek')}</label>
            <input
              id={`${formId}-first_week`}
              className="term-form__input term-form__input--mono"
              value={firstText}
              onChange={(event) => setFirstText(event.target.value)}
              onBlur={() => first && setFirstText(first)}
              aria-invalid={problems.first_week?.length ? true : undefined}
              aria-describedby={describedBy('first_week', true)}
              autoComplete="off"
              spellCheck={false}
              inputMode="text"
              data-testid="new-term-first-week"
            />
            <p id={`${formId}-first_week-hint`} className="term-form__hint term-form__preview" aria-live="polite">
              {weekPreview(firstText, first)}
            </p>
            {fieldProblems('first_week')}
          </div>
          <div className="term-form__field">
            <label htmlFor={`${formId}-last_week`}>{t('terms.create.lastWeek')}</label>
            <input
              id={`${formId}-last_week`}
              className="term-form__input term-form__input--mono"
              value={lastText}
              onChange={(event) => setLastText(event.target.value)}
              onBlur={() => last && setLastText(last)}
              aria-invalid={problems.last_week?.length ? true : undefined}
              aria-describedby={describedBy('last_week', true)}
              autoComplete="off"
              spellCheck={false}
              data-testid="new-term-last-week"
            />
            <p id={`${formId}-last_week-hint`} className="term-form__hint term-form__preview" aria-live="polite">
              {weekPreview(lastText, last)}
            </p>
            {fieldProblems('last_week')}
          </div>
        </div>

        <fieldset className="term-form__closed" aria-describedby={describedBy('closed_weeks', true)}>
          <legend>{t('terms.create.closedWeeks')}</legend>
          <p id={`${formId}-closed_weeks-hint`} className="term-form__hint">
            {pickable
              ? t('terms.create.closedSummary', {
                  range: formatWeekRange(first!, last!, language),
                  open: t('terms.create.openWeeks', { count: openCount, formattedCount: formatCount(openCount, language) }),
                  closed: t('terms.create.closedCount', {
                    count: closedInside.length,
                    formattedCount: formatCount(closedInside.length, language),
                  }),
                })
              : termWeeks.length > MAX_PICKABLE_WEEKS
                ? t('terms.create.tooLong')
                : t('terms.create.closedFirst')}
          </p>
          {pickable && (
            <div className="week-picker" data-testid="closed-week-picker">
              {termWeeks.map((week) => {
                const isClosed = closedInside.includes(week);
                return (
                  <button
                    key={week}
                    type="button"
                    className="week-picker__week"
                    aria-pressed={isClosed}
                    onClick={() => toggleClosed(week)}
                    title={formatWeek(week, { withYear: true, language })}
                    data-week={week}
                  >
                    {formatWeek(week, { language })}
                  </button>
                );
              })}
            </div>
          )}
          {fieldProblems('closed_weeks')}
        </fieldset>

        {otherProblems.length > 0 && (
          <ul className="term-form__problems term-form__problems--general" data-testid="new-term-problems-other">
            {otherProblems.map((problem, index) => (
              <li key={`${problem.path}-${index}`}>
                {problem.path && <code className="notice__path">{problem.path}</code>} {problem.message}
              </li>
            ))}
          </ul>
        )}
        {failure && <ErrorNotice view={failure} />}

        <div className="term-form__actions">
          <button type="submit" className="button" disabled={saving} data-testid="new-term-submit">
            {saving && <span className="spinner" aria-hidden="true" />}
            {saving ? t('terms.create.saving') : t('terms.create.submit')}
          </button>
          <button type="button" className="button terms-button--secondary" onClick={onCancel} disabled={saving}>
            {t('terms.create.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
