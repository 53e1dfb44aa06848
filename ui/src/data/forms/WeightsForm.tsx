import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { formatCount } from '../../lib/format';
import { NumberField } from '../fields';
import { WEIGHT_DEFAULTS, WEIGHT_KEYS, type WeightsDraft } from '../model';
import type { FormProps } from './env';

export function WeightsForm({ draft, update }: FormProps<WeightsDraft>) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="form-grid">
      {WEIGHT_KEYS.map((key) => (
        <NumberField
          key={key}
          label={t(`data.weights.${key}`)}
          path={key}
          value={draft[key]}
          onChange={(value) => update((d) => ({ ...d, [key]: value }))}
          decimal
          hint={`${t(`data.weights.${key}Hint`)} ${t('data.weights.default', { value: formatCount(WEIGHT_DEFAULTS[key], language) })}`}
        />
      ))}
    </div>
  );
}
