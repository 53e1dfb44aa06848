import { useTranslation } from 'react-i18next';
import { describeAppError, describeUnexpected } from '../lib/errors';
import type { LoadState } from '../lib/useCommand';
import { ErrorNotice } from './ErrorNotice';

type Props = { state: LoadState<unknown>; onRetry?: () => void; loadingText?: string };

/** The loading spinner or the translated error of a load; nothing once the data is ready. */
export function LoadStatus({ state, onRetry, loadingText }: Props) {
  const { t } = useTranslation();
  switch (state.status) {
    case 'loading':
      return (
        <p className="status" role="status">
          <span className="spinner" aria-hidden="true" />
          {loadingText ?? t('app.loading')}
        </p>
      );
    case 'failed':
      return <ErrorNotice view={describeAppError(state.error, t)} onRetry={onRetry} />;
    case 'crashed':
      return <ErrorNotice view={describeUnexpected(state.error, t)} onRetry={onRetry} />;
    case 'ready':
      return null;
  }
}
