import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { commands, type TermSummary } from '../bindings';
import { ErrorNotice } from '../components/ErrorNotice';
import { describeAppError, describeUnexpected, type ErrorView } from '../lib/errors';

type Props = {
  term: TermSummary;
  onDeleted: (term: TermSummary) => void;
  onCancel: () => void;
};

/** Asks before a term is removed with everything in it, naming the term; removes it when confirmed. */
export function DeleteTermDialog({ term, onDeleted, onCancel }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const bodyId = useId();
  const cancelButton = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const [deleting, setDeleting] = useState(false);
  const [failure, setFailure] = useState<ErrorView | null>(null);

  useEffect(() => {
    // Focus starts on the safe choice; it returns to where it was when the dialog closes.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    cancelButton.current?.focus();
    return () => before?.focus();
  }, []);

  const confirm = async () => {
    setDeleting(true);
    setFailure(null);
    try {
      const result = await commands.deleteTerm(term.id);
      if (result.status === 'ok') {
        onDeleted(term);
        return;
      }
      setFailure(describeAppError(result.error, t));
    } catch (error: unknown) {
      setFailure(describeUnexpected(error, t));
    }
    setDeleting(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && !deleting) {
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    // Keep the focus inside the dialog while it is open.
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>('button:not([disabled]), summary')];
    const firstElement = focusable[0];
    const lastElement = focusable[focusable.length - 1];
    if (!firstElement || !lastElement) return;
    if (event.shiftKey && document.activeElement === firstElement) {
      event.preventDefault();
      lastElement.focus();
    } else if (!event.shiftKey && document.activeElement === lastElement) {
      event.preventDefault();
      firstElement.focus();
    }
  };

  return (
    <div className="terms-dialog__backdrop">
      <div
        ref={dialog}
        className="terms-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onKeyDown={onKeyDown}
        data-testid="delete-term-dialog"
      >
        <h2 id={titleId} className="terms-dialog__title">
          {t('terms.delete.title', { name: term.name, id: term.id })}
        </h2>
        <p id={bodyId} className="terms-dialog__body">
          {t('terms.delete.body')}
        </p>
        {failure && <ErrorNotice view={failure} />}
        <div className="terms-dialog__actions">
          <button
            type="button"
            className="button terms-button--danger"
            onClick={() => void confirm()}
            disabled={deleting}
            data-testid="confirm-delete-term"
          >
            {deleting && <span className="spinner" aria-hidden="true" />}
            {deleting ? t('terms.delete.deleting') : t('terms.delete.confirm')}
          </button>
          <button ref={cancelButton} type="button" className="button terms-button--secondary" onClick={onCancel} disabled={deleting}>
            {t('terms.delete.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
