import { useTranslation } from 'react-i18next';
import type { Violation } from '../bindings';

type Props = { violations: Violation[] };

/** Broken rules: the rule's translated name, then the checker's sentence naming units, weeks and students. */
export function ViolationList({ violations }: Props) {
  const { t } = useTranslation();
  return (
    <ul className="violations" data-testid="violations">
      {violations.map((v, index) => (
        <li key={`${v.rule}-${v.need ?? ''}-${index}`} className="violations__item">
          <strong className="violations__rule">{t(`rules.${v.rule}`)}</strong> <span>{v.message}</span>
        </li>
      ))}
    </ul>
  );
}
