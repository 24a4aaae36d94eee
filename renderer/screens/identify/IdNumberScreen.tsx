import { useT } from '../../i18n';
import { StaffIdScreen } from './StaffIdScreen';

/** Staff-assisted: the staff member checks the ID card, types the number and authorises with their PIN. */
export function IdNumberScreen() {
  const t = useT();
  return <StaffIdScreen name="id-number" title={t('idn.title')} numberLabel={t('idn.certno')} via="id-number" />;
}
