import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commands, type PlacementView_Serialize, type PlanDetails_Serialize } from '../bindings';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLanguage } from '../i18n/useLanguage';
import { describeAppError, describeUnexpected, type ErrorView } from '../lib/errors';
import { Modal } from './Modal';
import { formatWeekSpan } from './planFormat';

type Props = {
  termId: string;
  placement: PlacementView_Serialize;
  onClose: () => void;
  onDone: (details: PlanDetails_Serialize, locked: boolean) => void;
};

/** Locks a placement (the next matching keeps it exactly) or unlocks it, always with a reason. */
export function LockDialog({ termId, placement, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const reasonId = useId();
  const hintId = useId();
  const locking = !placement.locked;
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorView | null>(null);

  const confirm = async () => {
    if (!reason.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await commands.setLock(termId, placement.need, locking, reason.trim());
      if (result.status === 'ok') {
        onDone(result.data, locking);
        return;
      }
      setError(describeAppError(result.error, t));
    } catch (e: unknown) {
      setError(describeUnexpected(e, t));
    }
    setBusy(false);
  };

  const values = {
    student: placement.student_name,
    unit: placement.unit_name,
    weeks: formatWeekSpan(placement.start, placement.end, language),
  };

  return (
    <Modal title={locking ? t('plan.lock.titleLock') : t('plan.lock.titleUnlock')} onClose={onClose} testId="lock-dialog">
      <form
        className="plan-form"
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <p className="plan-form__lead">{locking ? t('plan.lock.bodyLock', values) : t('plan.lock.bodyUnlock', values)}</p>
        <div className="plan-form__field">
          <label htmlFor={reasonId}>{t('plan.lock.reason')}</label>
          <textarea
            id={reasonId}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            rows={2}
            required
            aria-describedby={hintId}
            data-testid="lock-reason"
          />
          <span id={hintId} className="plan-form__hint">
            {t('plan.lock.reasonHint')}
          </span>
        </div>
        {error && <ErrorNotice view={error} />}
        <div className="plan-form__actions">
          <button type="submit" className="button" disabled={!reason.trim() || busy} data-testid="lock-confirm">
            {locking ? t('plan.lock.confirmLock') : t('plan.lock.confirmUnlock')}
          </button>
          <button type="button" className="button plan-btn--secondary" onClick={onClose}>
            {t('plan.lock.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
