import { useTranslation } from 'react-i18next';
import type { EditEntry } from '../bindings';
import { LoadStatus } from '../components/LoadStatus';
import { useLanguage } from '../i18n/useLanguage';
import type { LoadState } from '../lib/useCommand';
import { capitalise, describeEdit, formatEditTime, loggedEdit } from './editLog';

type Props = { edits: LoadState<EditEntry[]>; onRetry: () => void };

/** The term's edits, newest first; undone ones struck through. */
export function EditLog({ edits, onRetry }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="edit-log" aria-labelledby="edit-log-title" data-testid="edit-log">
      <h2 id="edit-log-title" className="edit-log__title">
        {t('data.log.title')}
      </h2>
      <LoadStatus state={edits} onRetry={onRetry} loadingText={t('data.log.loading')} />
      {edits.status === 'ready' && edits.data.length === 0 && <p className="field__empty">{t('data.log.empty')}</p>}
      {edits.status === 'ready' && edits.data.length > 0 && (
        <ol className="edit-log__list">
          {edits.data.map((entry) => {
            const edit = loggedEdit(entry);
            const text = capitalise(describeEdit(edit, t), language);
            return (
              <li key={edit.seq} className={edit.undone ? 'edit-log__item edit-log__item--undone' : 'edit-log__item'} data-testid={`edit-log-${edit.seq}`}>
                <time className="edit-log__time" dateTime={edit.createdAt}>
                  {formatEditTime(edit.createdAt, language)}
                </time>
                {edit.undone ? (
                  <span className="edit-log__text">
                    <s>{text}</s> <span className="edit-log__badge">{t('data.log.undone')}</span>
                  </span>
                ) : (
                  <span className="edit-log__text">{text}</span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
