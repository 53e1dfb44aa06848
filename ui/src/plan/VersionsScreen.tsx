import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../app/navigation';
import {
  commands,
  type NeedChange_Serialize,
  type PlacementBrief,
  type PlanComparison_Serialize,
  type PlanVersion_Serialize,
} from '../bindings';
import { PlainHead } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { LoadStatus } from '../components/LoadStatus';
import { useLanguage } from '../i18n/useLanguage';
import { describeAppError, describeUnexpected, type ErrorView } from '../lib/errors';
import { formatCount } from '../lib/format';
import { useCommand } from '../lib/useCommand';
import { formatWeek } from '../lib/weeks';
import { solverStatusLabel } from './labels';
import { formatCost, formatTimestamp } from './planFormat';
import { PlanReview, PlanSummary } from './PlanReview';
import { useScenarioIndex, type ScenarioIndex } from './scenarioIndex';
import './plan.css';

type Props = { termId: string };

type ExportState = { status: 'busy' } | { status: 'done'; path: string } | { status: 'failed'; view: ErrorView };

type CompareState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; comparison: PlanComparison_Serialize }
  | { status: 'failed'; view: ErrorView };

/** The draft first, then the published versions, newest first. */
function ordered(versions: PlanVersion_Serialize[]): PlanVersion_Serialize[] {
  return [...versions].sort((a, b) => (a.version === 0 ? -1 : b.version === 0 ? 1 : b.version - a.version));
}

/** Latest published against the draft; without a draft, the two latest published versions. */
function defaultPair(versions: PlanVersion_Serialize[]): [number, number] | null {
  const published = versions.map((v) => v.version).filter((n) => n > 0).sort((a, b) => b - a);
  const hasDraft = versions.some((v) => v.version === 0);
  if (hasDraft && published.length > 0) return [published[0]!, 0];
  if (published.length >= 2) return [published[1]!, published[0]!];
  return null;
}

/**
 * The plan's versions: the draft and every published version with their figures; publishing the
 * draft with a note; comparing any two versions; viewing a published version read-only; and
 * exporting any version as a plan file.
 */
export function VersionsScreen({ termId }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { showTab } = useNavigation();
  const versions = useCommand(() => commands.listPlanVersions(termId), [termId]);
  const scenario = useScenarioIndex(termId);
  const [exports, setExports] = useState<Record<number, ExportState>>({});
  const [viewing, setViewing] = useState<number | null>(null);

  const list = useMemo(() => (versions.state.status === 'ready' ? ordered(versions.state.data) : []), [versions.state]);
  const none = t('plan.notAvailable');
  const versionName = (n: number) => (n === 0 ? t('plan.versions.draft') : t('plan.versions.version', { version: n }));

  const exportVersion = async (version: number) => {
    setExports((current) => ({ ...current, [version]: { status: 'busy' } }));
    let next: ExportState;
    try {
      const result = await commands.exportPlanFile(termId, version);
      next = result.status === 'ok' ? { status: 'done', path: result.data.path } : { status: 'failed', view: describeAppError(result.error, t) };
    } catch (error: unknown) {
      next = { status: 'failed', view: describeUnexpected(error, t) };
    }
    setExports((current) => ({ ...current, [version]: next }));
  };

  const view = (version: number) => {
    if (version === 0) showTab('plan');
    else setViewing(version);
  };

  return (
    <section className="page plan-screen" aria-labelledby="versions-heading">
      <div className="page__header">
        <h2 id="versions-heading" className="plan-screen__title">
          {t('plan.versions.heading')}
        </h2>
        <p className="page__intro">{t('plan.versions.intro')}</p>
      </div>

      <LoadStatus state={versions.state} onRetry={versions.reload} loadingText={t('plan.versions.loading')} />

      {versions.state.status === 'ready' && list.length === 0 && (
        <div className="empty" data-testid="versions-empty">
          <p className="empty__body">{t('plan.versions.empty')}</p>
        </div>
      )}

      {list.length > 0 && (
        <div className="table-frame">
          <table className="data-table plan-table__table" data-testid="versions">
            <caption className="sr-only">{t('plan.versions.caption')}</caption>
            <PlainHead
              columns={(
                ['version', 'placed', 'unplaced', 'cost', 'status', 'note', 'created', 'actions'] as const
              ).map((c) => ({
                label: t(`plan.versions.columns.${c}`),
                numeric: c === 'placed' || c === 'unplaced' || c === 'cost',
              }))}
            />
            <tbody>
              {list.map((v) => {
                const exported = exports[v.version];
                return (
                  <tr key={v.version} data-testid={`version-${v.version}`}>
                    <th scope="row">
                      <strong>{versionName(v.version)}</strong>
                    </th>
                    <td className="num">{formatCount(v.placed, language)}</td>
                    <td className="num">{formatCount(v.unplaced, language)}</td>
                    <td className="num">{formatCost(v.objective, language) ?? none}</td>
                    <td>{solverStatusLabel(v.solver_status, t)}</td>
                    <td>{v.note || none}</td>
                    <td className="plan-nowrap">{formatTimestamp(v.created_at, language)}</td>
                    <td>
                      <span className="plan-actions">
                        <button
                          type="button"
                          className="button plan-btn--small plan-btn--secondary"
                          onClick={() => view(v.version)}
                          aria-label={t('plan.versions.viewLabel', { version: versionName(v.version) })}
                          data-testid={`view-version-${v.version}`}
                        >
                          {t('plan.versions.view')}
                        </button>
                        <button
                          type="button"
                          className="button plan-btn--small plan-btn--secondary"
                          onClick={() => void exportVersion(v.version)}
                          disabled={exported?.status === 'busy'}
                          aria-label={t('plan.versions.exportLabel', { version: versionName(v.version) })}
                          data-testid={`export-plan-${v.version}`}
                        >
                          {t('plan.versions.export')}
                        </button>
                      </span>
                      {exported?.status === 'done' && (
                        <span className="plan-exported" role="status" data-testid={`exported-plan-${v.version}`}>
                          {t('plan.versions.exported', { path: exported.path })}
                        </span>
                      )}
                      {exported?.status === 'failed' && <ErrorNotice view={exported.view} />}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {versions.state.status === 'ready' && (
        <PublishForm termId={termId} hasDraft={list.some((v) => v.version === 0)} onPublished={versions.reload} />
      )}

      {list.length > 0 && <Comparison termId={termId} versions={list} scenario={scenario.index} versionName={versionName} />}

      {viewing !== null && (
        <ReadOnlyVersion
          key={viewing}
          termId={termId}
          version={viewing}
          title={t('plan.versions.readOnly.heading', { version: versionName(viewing) })}
          scenario={scenario.index}
          onClose={() => setViewing(null)}
        />
      )}
    </section>
  );
}

function PublishForm({ termId, hasDraft, onPublished }: { termId: string; hasDraft: boolean; onPublished: () => void }) {
  const { t } = useTranslation();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [published, setPublished] = useState<number | null>(null);
  const [error, setError] = useState<ErrorView | null>(null);

  const publish = async () => {
    setBusy(true);
    setError(null);
    setPublished(null);
    try {
      const result = await commands.publishPlan(termId, note.trim());
      if (result.status === 'ok') {
        setPublished(result.data);
        setNote('');
        onPublished();
      } else {
        setError(describeAppError(result.error, t));
      }
    } catch (e: unknown) {
      setError(describeUnexpected(e, t));
    }
    setBusy(false);
  };

  return (
    <section className="plan-section" aria-labelledby="publish-heading">
      <h3 id="publish-heading" className="plan-section__title">
        {t('plan.versions.publish.heading')}
      </h3>
      <p className="plan-muted">{hasDraft ? t('plan.versions.publish.body') : t('plan.versions.publish.noDraft')}</p>
      <form
        className="plan-publish"
        onSubmit={(event) => {
          event.preventDefault();
          void publish();
        }}
      >
        <div className="plan-form__field">
          <label htmlFor={noteId}>{t('plan.versions.publish.note')}</label>
          <input
            id={noteId}
            type="text"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            placeholder={t('plan.versions.publish.notePlaceholder')}
            disabled={!hasDraft}
            data-testid="publish-note"
          />
        </div>
        <button type="submit" className="button" disabled={!hasDraft || busy} data-testid="publish-plan">
          {busy ? t('plan.versions.publish.publishing') : t('plan.versions.publish.button')}
        </button>
      </form>
      {published !== null && (
        <p className="plan-notice" role="status" data-testid="publish-done">
          {t('plan.versions.publish.done', { version: published })}
        </p>
      )}
      {error && <ErrorNotice view={error} />}
    </section>
  );
}

type ComparisonProps = {
  termId: string;
  versions: PlanVersion_Serialize[];
  scenario: ScenarioIndex | null;
  versionName: (n: number) => string;
};

function Comparison({ termId, versions, scenario, versionName }: ComparisonProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const beforeId = useId();
  const afterId = useId();
  const fallback = defaultPair(versions);
  const [chosen, setChosen] = useState<{ before: number | null; after: number | null }>({ before: null, after: null });
  const exists = (n: number | null) => n !== null && versions.some((v) => v.version === n);
  const before = exists(chosen.before) ? chosen.before : (fallback?.[0] ?? null);
  const after = exists(chosen.after) ? chosen.after : (fallback?.[1] ?? null);
  const [state, setState] = useState<CompareState>({ status: 'idle' });
  // The list is new after a publish: compare again then too.
  const stamp = versions.map((v) => `${v.version}:${v.created_at}`).join(',');

  const latest = useRef(0);
  useEffect(() => {
    const ask = ++latest.current;
    if (before === null || after === null) {
      setState({ status: 'idle' });
      return;
    }
    setState({ status: 'loading' });
    commands
      .comparePlanVersions(termId, before, after)
      .then((result) => {
        if (ask !== latest.current) return;
        setState(result.status === 'ok' ? { status: 'ready', comparison: result.data } : { status: 'failed', view: describeAppError(result.error, t) });
      })
      .catch((error: unknown) => {
        if (ask === latest.current) setState({ status: 'failed', view: describeUnexpected(error, t) });
      });
  }, [termId, before, after, stamp, t]);

  if (versions.length < 2) {
    return (
      <section className="plan-section" aria-labelledby="compare-heading">
        <h3 id="compare-heading" className="plan-section__title">
          {t('plan.versions.compare.heading')}
        </h3>
        <p className="plan-muted">{t('plan.versions.compare.needTwo')}</p>
      </section>
    );
  }

  const option = (v: PlanVersion_Serialize) => (
    <option key={v.version} value={v.version}>
      {versionName(v.version)}
    </option>
  );

  return (
    <section className="plan-section" aria-labelledby="compare-heading">
      <h3 id="compare-heading" className="plan-section__title">
        {t('plan.versions.compare.heading')}
      </h3>
      <div className="plan-compare__choice">
        <div className="plan-form__field">
          <label htmlFor={beforeId}>{t('plan.versions.compare.before')}</label>
          <select
            id={beforeId}
            value={before ?? ''}
            onChange={(event) => setChosen((c) => ({ ...c, before: Number(event.target.value) }))}
            data-testid="compare-before"
          >
            {versions.map(option)}
          </select>
        </div>
        <span aria-hidden="true" className="plan-compare__arrow">
          →
        </span>
        <div className="plan-form__field">
          <label htmlFor={afterId}>{t('plan.versions.compare.after')}</label>
          <select
            id={afterId}
            value={after ?? ''}
            onChange={(event) => setChosen((c) => ({ ...c, after: Number(event.target.value) }))}
            data-testid="compare-after"
          >
            {versions.map(option)}
          </select>
        </div>
      </div>
      <div aria-live="polite" data-testid="comparison">
        {state.status === 'loading' && (
          <p className="status" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('plan.versions.compare.loading')}
          </p>
        )}
        {state.status === 'failed' && <ErrorNotice view={state.view} />}
        {state.status === 'ready' && (
          <>
            <p className="plan-compare__summary" data-testid="compare-summary">
              {t('plan.versions.compare.summary', {
                moved: formatCount(state.comparison.moved.length, language),
                added: formatCount(state.comparison.added.length, language),
                removed: formatCount(state.comparison.removed.length, language),
                unchanged: formatCount(state.comparison.unchanged, language),
              })}
            </p>
            <div className="plan-compare__lists">
              <ChangeList title={t('plan.versions.compare.moved')} changes={state.comparison.moved} scenario={scenario} testId="compare-moved" />
              <ChangeList title={t('plan.versions.compare.added')} changes={state.comparison.added} scenario={scenario} testId="compare-added" />
              <ChangeList
                title={t('plan.versions.compare.removed')}
                changes={state.comparison.removed}
                scenario={scenario}
                testId="compare-removed"
              />
            </div>
          </>
        )}
      </div>
    </section>
  );
}

const FIRST_CHANGES = 100;

function ChangeList({
  title,
  changes,
  scenario,
  testId,
}: {
  title: string;
  changes: NeedChange_Serialize[];
  scenario: ScenarioIndex | null;
  testId: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [all, setAll] = useState(false);
  const shown = all ? changes : changes.slice(0, FIRST_CHANGES);
  const spot = (brief: PlacementBrief) =>
    t('plan.versions.compare.spot', {
      unit: scenario?.units.get(brief.unit)?.name ?? brief.unit,
      supervisor: brief.supervisor,
      week: formatWeek(brief.start, { language }),
    });
  return (
    <div className="plan-compare__list" data-testid={testId}>
      <h4 className="plan-compare__title">
        {title} <span className="plan-muted">({formatCount(changes.length, language)})</span>
      </h4>
      {changes.length === 0 ? (
        <p className="plan-muted">{t('plan.versions.compare.none')}</p>
      ) : (
        <ul>
          {shown.map((change) => (
            <li key={change.need} data-testid={`change-${change.need}`}>
              <span className="plan-compare__need">
                {t('plan.versions.compare.needLabel', {
                  student: scenario?.students.get(change.student)?.name ?? change.student,
                  need: change.need,
                })}
              </span>
              <span className="plan-compare__spots">
                {change.before && spot(change.before)}
                {change.before && change.after && ' → '}
                {change.after && spot(change.after)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {!all && changes.length > FIRST_CHANGES && (
        <button type="button" className="button plan-btn--secondary plan-btn--small plan-more" onClick={() => setAll(true)}>
          {t('plan.versions.compare.showAll', { total: formatCount(changes.length, language) })}
        </button>
      )}
    </div>
  );
}

type ReadOnlyProps = {
  termId: string;
  version: number;
  title: string;
  scenario: ScenarioIndex | null;
  onClose: () => void;
};

/** A published version as it was published: its review without any edit actions. */
function ReadOnlyVersion({ termId, version, title, scenario, onClose }: ReadOnlyProps) {
  const { t } = useTranslation();
  const { state, reload } = useCommand(() => commands.planDetails(termId, version), [termId, version]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="plan-section plan-readonly" aria-labelledby="readonly-heading" data-testid={`readonly-version-${version}`}>
      <div className="plan-readonly__header">
        <h3 id="readonly-heading" className="plan-section__title" tabIndex={-1} ref={heading}>
          {title}
        </h3>
        <button type="button" className="button plan-btn--secondary plan-btn--small" onClick={onClose}>
          {t('plan.versions.readOnly.close')}
        </button>
      </div>
      <LoadStatus state={state} onRetry={reload} loadingText={t('plan.loading')} />
      {state.status === 'ready' && state.data === null && <p className="plan-muted">{t('plan.empty.title')}</p>}
      {state.status === 'ready' && state.data && (
        <>
          <PlanSummary details={state.data} />
          <PlanReview details={state.data} scenario={scenario} />
        </>
      )}
    </section>
  );
}
