import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry_Serialize, AuditSpot } from '../bindings';
import { PlainHead } from '../components/DataTable';
import { LoadStatus } from '../components/LoadStatus';
import { useLanguage } from '../i18n/useLanguage';
import type { Language } from '../i18n/languages';
import { formatCount } from '../lib/format';
import type { LoadState } from '../lib/useCommand';
import { formatWeek } from '../lib/weeks';
import { auditActionLabel } from './labels';
import { formatTimestamp } from './planFormat';

const FIRST = 50;

type Props = {
  state: LoadState<AuditEntry_Serialize[]>;
  onRetry: () => void;
  /** Unit names by id, to show a unit by its name where known. */
  unitNames: ReadonlyMap<string, string>;
};

/** Every change to the plan, newest first: what, which need, from where to where, why and when. */
export function AuditTrail({ state, onRetry, unitNames }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [all, setAll] = useState(false);
  if (state.status !== 'ready') return <LoadStatus state={state} onRetry={onRetry} />;
  const entries = [...state.data].sort((a, b) => b.seq - a.seq);
  if (entries.length === 0) return <p className="plan-muted">{t('plan.audit.empty')}</p>;
  const shown = all ? entries : entries.slice(0, FIRST);
  const none = t('plan.notAvailable');
  const spot = (value: AuditSpot | null) => (value ? spotText(value, unitNames, language, t) : t('plan.audit.notPlaced'));
  return (
    <>
      <div className="table-frame">
        <table className="data-table plan-table__table" data-testid="audit-trail">
          <caption className="sr-only">{t('plan.audit.caption')}</caption>
          <PlainHead
            columns={(['time', 'action', 'need', 'change', 'reason'] as const).map((c) => ({
              label: t(`plan.audit.columns.${c}`),
            }))}
          />
          <tbody>
            {shown.map((entry) => (
              <tr key={entry.seq} data-testid={`audit-${entry.seq}`}>
                <td className="plan-nowrap">{formatTimestamp(entry.created_at, language)}</td>
                <td>{auditActionLabel(entry.action, t)}</td>
                <td className="plan-cell__id">{entry.need ?? none}</td>
                <td>
                  {entry.before || entry.after ? (
                    <>
                      {spot(entry.before)} → {spot(entry.after)}
                    </>
                  ) : (
                    none
                  )}
                </td>
                <td>{entry.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!all && entries.length > FIRST && (
        <button type="button" className="button plan-btn--secondary plan-btn--small plan-more" onClick={() => setAll(true)}>
          {t('plan.audit.showAll', { total: formatCount(entries.length, language) })}
        </button>
      )}
    </>
  );
}

function spotText(
  spot: AuditSpot,
  unitNames: ReadonlyMap<string, string>,
  language: Language,
  t: TFunction,
): string {
  return t('plan.audit.spot', { unit: unitNames.get(spot.unit) ?? spot.unit, week: formatWeek(spot.start, { language }) });
}
