import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

type Props = {
  title: string;
  children?: ReactNode;
  /** The buttons, the safe choice first (it takes the focus). */
  actions: ReactNode;
  onCancel: () => void;
  testId?: string;
};

/**
 * A modal question in the page (not the browser's own dialog): it takes the focus, keeps Tab
 * inside, closes with Escape (the safe choice), and gives the focus back when it closes.
 */
export function ConfirmDialog({ title, children, actions, onCancel, testId }: Props) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.querySelector<HTMLElement>('.confirm__actions button:not([disabled])')?.focus();
    return () => before?.focus();
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const focusable = [...ref.current.querySelectorAll<HTMLElement>('button:not([disabled]), [href], input, select, textarea')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  // In a portal, above everything on the page (sticky headers and panels make their own layers);
  // inside an element of the screen's class so that its styles apply.
  return createPortal(
    <div className="data-screen confirm-backdrop">
      <div
        ref={ref}
        className="confirm"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={children ? `${id}-body` : undefined}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <h2 id={`${id}-title`} className="confirm__title">
          {title}
        </h2>
        {children && (
          <div id={`${id}-body`} className="confirm__body">
            {children}
          </div>
        )}
        <div className="confirm__actions">{actions}</div>
      </div>
    </div>,
    document.body,
  );
}
