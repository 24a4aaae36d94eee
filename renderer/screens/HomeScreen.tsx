import { CartScreen } from '../flows/pharmacy/CartScreen';
import { useScanner } from '../hooks/useScanner';
import { ScreenFrame } from '../components/ScreenFrame';
import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectMode, selectOperatorId } from '../store/selectors';
import { useQrIdentify } from './identify/useQrIdentify';
import { useOperatorFromMain } from '../hooks/useOperatorFromMain';

/**
 * The attract screen: what this terminal does, one big way in, and the other ways named.
 * Staff-run counters stay closed until an operator signs in; a pharmacy starts with the cart.
 * Who is signed in is main's to say (it ends their sign-in when the platform day turns), so
 * the screen asks each time it is shown.
 */
export function HomeScreen() {
  const t = useT();
  const mode = useKioskStore(selectMode);
  const operatorId = useKioskStore(selectOperatorId);
  const goTo = useKioskStore((s) => s.goTo);
  useOperatorFromMain();
  // An e-voucher held to the scanner starts the visit with it; the pharmacy's cart takes its own scans.
  const { identify } = useQrIdentify();
  const open = mode === 'registration' || Boolean(operatorId);
  useScanner(open && mode !== 'pharmacy' ? (code) => void identify(code) : null);
  if (!open) {
    return (
      <ScreenFrame name="closed" title={t('home.closed')}>
        <p className="screen__lead">{t('home.closedHint')}</p>
      </ScreenFrame>
    );
  }
  if (mode === 'pharmacy') return <CartScreen />;
  return (
    <ScreenFrame name="home" title={t('app.title')} spoken={`${t('home.welcome')}。${t('home.instruction')}`}>
      <p className="screen__lead">{t('home.welcome')}</p>
      <p className="screen__text">{t('home.instruction')}</p>
      <button type="button" className="button button--primary button--huge" onClick={() => goTo('consent')}>
        {t('home.start')}
      </button>
      <button type="button" className="button button--secondary" onClick={() => goTo('other-ways')}>
        {t('home.otherWaysButton')}
      </button>
      <p className="screen__text screen__text--muted">{t('home.otherWays')}</p>
    </ScreenFrame>
  );
}
