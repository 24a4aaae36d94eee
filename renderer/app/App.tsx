import { useCallback, useEffect } from 'react';
import { IdlePrompt } from '../components/IdlePrompt';
import { Layout } from '../components/Layout';
import { useIdleTimer } from '../hooks/useIdleTimer';
import { useT } from '../i18n';
import { FaceScreen } from '../screens/FaceScreen';
import { HomeScreen } from '../screens/HomeScreen';
import { useKioskStore } from '../store';
import { selectAppInfo, selectIdlePromptOpen, selectScreen, selectStartupError } from '../store/selectors';
import { useApi } from './apiContext';

/** How long the "more time?" question waits for an answer before the session is wiped. */
export const IDLE_ANSWER_MS = 30_000;

export function App() {
  const t = useT();
  const api = useApi();
  const screen = useKioskStore(selectScreen);
  const info = useKioskStore(selectAppInfo);
  const startupError = useKioskStore(selectStartupError);
  const idlePromptOpen = useKioskStore(selectIdlePromptOpen);
  const { setAppInfo, setStartupError, setLocale, openIdlePrompt, closeIdlePrompt, resetSession } = useKioskStore.getState();

  useEffect(() => {
    void api.getAppInfo({}).then((result) => {
      if (!result.ok) {
        setStartupError(result.error.message);
        return;
      }
      setAppInfo(result.value);
      setLocale(result.value.defaultLocale);
    });
  }, [api, setAppInfo, setStartupError, setLocale]);

  const onIdle = useCallback(() => {
    if (useKioskStore.getState().screen === 'home') resetSession();
    else openIdlePrompt();
  }, [openIdlePrompt, resetSession]);
  useIdleTimer((info?.idleTimeoutSeconds ?? 120) * 1000, onIdle, !idlePromptOpen);

  if (startupError) {
    return (
      <div className="layout layout--error" role="alert">
        <p className="screen__title">{t('startup.failed')}</p>
      </div>
    );
  }
  if (!info) return <div className="layout layout--loading">{t('startup.loading')}</div>;

  return (
    <Layout>
      {screen === 'home' ? <HomeScreen /> : <FaceScreen />}
      {idlePromptOpen ? <IdlePrompt onMore={closeIdlePrompt} onDone={resetSession} answerWithinMs={IDLE_ANSWER_MS} /> : null}
    </Layout>
  );
}
