import { useCallback, useEffect } from 'react';
import { AdminPanel } from '../admin/AdminPanel';
import { IdlePrompt } from '../components/IdlePrompt';
import { Layout } from '../components/Layout';
import { useCounter } from '../flows/useCounter';
import { useIdleTimer } from '../hooks/useIdleTimer';
import { useScannerListener } from '../hooks/useScanner';
import { useT } from '../i18n';
import { slipHoldsWipe } from '../print/slipPrinting';
import { useFaceEngine } from '../screens/identify/faceEngine';
import { useKioskStore } from '../store';
import { selectAdminOpen, selectAppInfo, selectIdlePromptOpen, selectScreen, selectStartupError } from '../store/selectors';
import { useApi } from './apiContext';
import { useStepTimes } from './stepTimes';
import { SCREENS } from './screens';

/** How long the "more time?" question waits for an answer before the session is wiped. */
export const IDLE_ANSWER_MS = 30_000;

export function App() {
  const t = useT();
  const api = useApi();
  const engine = useFaceEngine();
  const { finish } = useCounter();
  const screen = useKioskStore(selectScreen);
  const info = useKioskStore(selectAppInfo);
  const startupError = useKioskStore(selectStartupError);
  const idlePromptOpen = useKioskStore(selectIdlePromptOpen);
  const adminOpen = useKioskStore(selectAdminOpen);
  const { setAppInfo, setStartupError, setLocale, openIdlePrompt, closeIdlePrompt, closeAdmin } = useKioskStore.getState();

  useEffect(() => {
    void api.getAppInfo({}).then((result) => {
      if (!result.ok) {
        setStartupError(result.error.message);
        return;
      }
      setAppInfo(result.value);
      setLocale(result.value.defaultLocale);
    });
    engine.preload();
  }, [api, engine, setAppInfo, setStartupError, setLocale]);

  // Walked away: the patient's session ends (engine and store), and an open admin panel locks.
  // A receipt whose slip is not out yet is printed first, then wiped (the receipt screen does both).
  const endAll = useCallback(() => {
    closeAdmin();
    if (slipHoldsWipe(useKioskStore.getState())) useKioskStore.getState().wipeOnceOut();
    else void finish();
  }, [closeAdmin, finish]);
  const onIdle = useCallback(() => {
    const s = useKioskStore.getState();
    if (s.screen === 'home' && !s.adminOpen && s.cart.length === 0) endAll();
    else openIdlePrompt();
  }, [openIdlePrompt, endAll]);
  useIdleTimer((info?.idleTimeoutSeconds ?? 120) * 1000, onIdle, !idlePromptOpen);
  useScannerListener();
  useStepTimes();

  if (startupError) {
    return (
      <div className="layout layout--error" role="alert">
        <p className="screen__title">{t('startup.failed')}</p>
      </div>
    );
  }
  if (!info) return <div className="layout layout--loading">{t('startup.loading')}</div>;

  const Current = SCREENS[screen];
  return (
    <Layout>
      {adminOpen ? <AdminPanel /> : <Current />}
      {idlePromptOpen ? <IdlePrompt onMore={closeIdlePrompt} onDone={endAll} answerWithinMs={IDLE_ANSWER_MS} /> : null}
    </Layout>
  );
}
