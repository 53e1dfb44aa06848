import { useTranslation } from 'react-i18next';
import { NumberField } from '../fields';
import type { GeoDraft } from '../model';

type Props = { path: string; value: GeoDraft; onChange: (value: GeoDraft) => void };

/** A position as latitude and longitude; both empty means unknown. */
export function GeoFields({ path, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <NumberField label={t('data.fields.lat')} path={`${path}.lat`} value={value.lat} onChange={(lat) => onChange({ ...value, lat })} decimal hint={t('data.hints.lat')} />
      <NumberField label={t('data.fields.lon')} path={`${path}.lon`} value={value.lon} onChange={(lon) => onChange({ ...value, lon })} decimal hint={t('data.hints.lon')} />
    </>
  );
}
