import { useTranslation } from 'react-i18next';
import type { Violation } from '../bindings';
import { useLanguage } from '../i18n/useLanguage';
import { describeViolation } from '../lib/violations';

type Props = { violations: Violation[] };

/** Broken rules: the rule's name, then a sentence in the UI's language naming units, weeks and students. */
export function ViolationList({ violations }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul className="violations" data-testid="violations">
      {violations.map((v, index) => (
        <li key={`${v.rule}-${v.need ?? ''}-${index}`} className="violations__item">
          <strong className="violations__rule">{t(`rules.${v.rule}`)}</strong>{' '}
          <span>{describeViolation(v, t, language)}</span>
        </li>
      ))}
    </ul>
  );
}
