import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditEntry } from '../bindings';
import { useLanguage } from '../i18n/useLanguage';
import { formatCount, localeOf } from '../lib/format';
import { formatWeek, formatWeekRange } from '../lib/weeks';
import { useDiscardGuard } from './discardGuard';
import { EntityEditor } from './EntityEditor';
import type { FormEnv } from './forms/env';
import { TermForm } from './forms/TermForm';
import { WeightsForm } from './forms/WeightsForm';
import { termDraft, termValue, WEIGHT_DEFAULTS, WEIGHT_KEYS, weightsDraft, weightsValue } from './model';

type Props = {
  termId: string;
  env: FormEnv;
  version: number;
  refresh: () => Promise<void>;
  announce: (entry: EditEntry) => void;
};

type Part = 'term' | 'weights';

/** The term (name, weeks, closed weeks) and the weights of the cost, each edited whole. */
export function TermWeightsView({ termId, env, version, refresh, announce }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const guard = useDiscardGuard();
  const [part, setPart] = useState<Part>('term');
  const { term, weights } = env.scenario;
  const initialTerm = useMemo(() => termDraft(term), [term]);
  const initialWeights = useMemo(() => weightsDraft(weights), [weights]);
  const openWeeks = env.weeks.filter((w) => !w.closed).length;
  const number = useMemo(() => new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 3 }), [language]);

  const choose = (next: Part) => {
    if (next !== part) guard.confirmDiscard(() => setPart(next));
  };
  const onSaved = async (entry: EditEntry) => {
    await refresh();
    announce(entry);
  };

  return (
    <div className="workbench workbench--editing">
      <div className="summary-cards">
        <section className={part === 'term' ? 'summary-card summary-card--active' : 'summary-card'} aria-labelledby="summary-term">
          <h3 id="summary-term" className="summary-card__title">
            {t('data.term.title')}
          </h3>
          <p className="summary-card__main">{term.name}</p>
          <p className="summary-card__line">{formatWeekRange(term.first_week, term.last_week, language)}</p>
          <p className="summary-card__line">
            {t('data.term.openWeeks', { count: openWeeks, formattedCount: formatCount(openWeeks, language) })}
          </p>
          {term.closed_weeks.length > 0 && (
            <p className="summary-card__line">
              {t('data.term.closed', { weeks: term.closed_weeks.map((w) => formatWeek(w, { language })).join(', ') })}
            </p>
          )}
          <button
            type="button"
            className="button button--secondary button--small"
            aria-pressed={part === 'term'}
            onClick={() => choose('term')}
            data-testid="data-part-term"
          >
            {t('data.term.edit')}
          </button>
        </section>
        <section className={part === 'weights' ? 'summary-card summary-card--active' : 'summary-card'} aria-labelledby="summary-weights">
          <h3 id="summary-weights" className="summary-card__title">
            {t('data.weights.title')}
          </h3>
          <p className="summary-card__line">{t('data.weights.intro')}</p>
          <dl className="summary-card__figures">
            {WEIGHT_KEYS.map((key) => (
              <div key={key}>
                <dt>{t(`data.weights.${key}`)}</dt>
                <dd>{number.format(weights[key] ?? WEIGHT_DEFAULTS[key])}</dd>
              </div>
            ))}
          </dl>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-pressed={part === 'weights'}
            onClick={() => choose('weights')}
            data-testid="data-part-weights"
          >
            {t('data.weights.edit')}
          </button>
        </section>
      </div>
      {part === 'term' ? (
        <EntityEditor
          key={`term:${version}:${guard.generation}`}
          termId={termId}
          kind="term"
          originalId={null}
          initial={initialTerm}
          toValue={termValue}
          title={t('data.term.edit')}
          onSaved={onSaved}
        >
          {(draft, update) => <TermForm draft={draft} update={update} env={env} />}
        </EntityEditor>
      ) : (
        <EntityEditor
          key={`weights:${version}:${guard.generation}`}
          termId={termId}
          kind="weights"
          originalId={null}
          initial={initialWeights}
          toValue={weightsValue}
          title={t('data.weights.edit')}
          onSaved={onSaved}
        >
          {(draft, update) => <WeightsForm draft={draft} update={update} env={env} />}
        </EntityEditor>
      )}
    </div>
  );
}
