import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../app/navigation';
import { commands, type TermBalance } from '../bindings';
import { LoadStatus } from '../components/LoadStatus';
import { useLanguage } from '../i18n/useLanguage';
import { formatCount, formatPercent } from '../lib/format';
import { useCommand } from '../lib/useCommand';
import { BalanceHeatmap } from './BalanceHeatmap';
import { ProgrammeTable } from './ProgrammeTable';
import { ProviderTable } from './ProviderTable';
import './overview.css';

type Props = { termId: string };

/**
 * The term before any matching: what the schools ask for, what the providers declare, and where
 * and when demand outgrows capacity.
 */
export function OverviewScreen({ termId }: Props) {
  const { t } = useTranslation();
  const { state, reload } = useCommand(() => commands.termBalanceOf(termId), [termId]);
  return (
    <div className="overview" data-testid="overview">
      <LoadStatus state={state} onRetry={reload} loadingText={t('overview.loading')} />
      {state.status === 'ready' && <Balance balance={state.data} />}
    </div>
  );
}

function Balance({ balance }: { balance: TermBalance }) {
  const { t } = useTranslation();
  const { showTab } = useNavigation();
  const heatId = useId();
  const programmesId = useId();
  const providersId = useId();

  if (balance.programmes.length === 0 && balance.providers.length === 0 && balance.cells.length === 0) {
    return (
      <div className="empty">
        <h2 className="empty__title">{t('overview.empty.title')}</h2>
        <p className="empty__body">{t('overview.empty.body')}</p>
        <button type="button" className="button ov-empty-action" onClick={() => showTab('data')}>
          {t('overview.empty.action')}
        </button>
      </div>
    );
  }

  return (
    <>
      <KeyFigures balance={balance} />

      <section className="ov-section" aria-labelledby={heatId}>
        <h2 id={heatId} className="ov-section__title">
          {t('overview.heatmap.title')}
        </h2>
        <p className="ov-section__intro">{t('overview.heatmap.intro')}</p>
        {balance.open_weeks.length > 0 ? (
          <BalanceHeatmap openWeeks={balance.open_weeks} cells={balance.cells} />
        ) : (
          <p className="ov-note">{t('overview.heatmap.noWeeks')}</p>
        )}
      </section>

      <section className="ov-section" aria-labelledby={programmesId}>
        <h2 id={programmesId} className="ov-section__title">
          {t('overview.programmes.title')}
        </h2>
        {balance.programmes.length > 0 ? (
          <ProgrammeTable programmes={balance.programmes} />
        ) : (
          <p className="ov-note">{t('overview.programmes.none')}</p>
        )}
      </section>

      <section className="ov-section" aria-labelledby={providersId}>
        <h2 id={providersId} className="ov-section__title">
          {t('overview.providers.title')}
        </h2>
        {balance.providers.length > 0 ? (
          <ProviderTable providers={balance.providers} />
        ) : (
          <p className="ov-note">{t('overview.providers.none')}</p>
        )}
      </section>
    </>
  );
}

/** The handful of numbers a coordinator looks at first. */
function KeyFigures({ balance }: { balance: TermBalance }) {
  const { t } = useTranslation();
  const language = useLanguage();
  let students = 0;
  let needs = 0;
  let needWeeks = 0;
  for (const p of balance.programmes) {
    students += p.students;
    needs += p.needs;
    needWeeks += p.need_weeks;
  }
  let places = 0;
  let placeWeeks = 0;
  let supervisors = 0;
  for (const p of balance.providers) {
    places += p.places;
    placeWeeks += p.place_weeks;
    supervisors += p.supervisors;
  }
  const ratio = placeWeeks > 0 ? needWeeks / placeWeeks : needWeeks > 0 ? Number.POSITIVE_INFINITY : undefined;
  const over = ratio !== undefined && ratio > 1;
  const figures: { key: string; label: string; value: string; detail?: string; warn?: boolean }[] = [
    { key: 'students', label: t('overview.figures.students'), value: formatCount(students, language) },
    { key: 'needs', label: t('overview.figures.needs'), value: formatCount(needs, language) },
    { key: 'needWeeks', label: t('overview.figures.needWeeks'), value: formatCount(needWeeks, language) },
    { key: 'placeWeeks', label: t('overview.figures.placeWeeks'), value: formatCount(placeWeeks, language) },
    {
      key: 'ratio',
      label: t('overview.figures.ratio'),
      value:
        ratio === undefined
          ? t('overview.figures.noNeeds')
          : Number.isFinite(ratio)
            ? formatPercent(ratio, language)
            : t('overview.figures.noCapacity'),
      detail: over ? t('overview.figures.over') : undefined,
      warn: over,
    },
    { key: 'places', label: t('overview.figures.places'), value: formatCount(places, language) },
    { key: 'supervisors', label: t('overview.figures.supervisors'), value: formatCount(supervisors, language) },
    { key: 'openWeeks', label: t('overview.figures.openWeeks'), value: formatCount(balance.open_weeks.length, language) },
  ];
  return (
    <dl className="ov-figures" data-testid="key-figures">
      {figures.map((figure) => (
        <div key={figure.key} className={figure.warn ? 'ov-figures__item ov-figures__item--warn' : 'ov-figures__item'}>
          <dt>{figure.label}</dt>
          <dd>
            <span className="ov-figures__value">{figure.value}</span>
            {figure.detail && <span className="ov-figures__detail">{figure.detail}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
