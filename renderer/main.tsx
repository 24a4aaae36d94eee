import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveKioskApi } from './api/kioskApi';
import { ApiProvider } from './app/apiContext';
import { App } from './app/App';
import { FaceEngineContext } from './screens/identify/faceEngine';
import { humanFaceEngine } from './screens/identify/humanEngine';
import { browserSpeech } from './speech/speech';
import { webAudioTone } from './speech/tone';
import { VoiceProvider } from './speech/voiceContext';
import { watchVoices } from './speech/voiceReport';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const api = resolveKioskApi();
// The page's failures reach the kiosk's log (redacted there); the backend Human chose reaches its health report.
window.addEventListener('error', (event) => void api.log({ level: 'error', msg: String(event.message).slice(0, 2000) }));
window.addEventListener('unhandledrejection', (event) => void api.log({ level: 'error', msg: String(event.reason).slice(0, 2000) }));
// Whether a Chinese voice speaks the guidance reaches the health report too (issue 14).
watchVoices((report) => void api.reportDevices(report));
const faceEngine = humanFaceEngine({
  onLoaded: (choice) =>
    void api.reportDevices({ faceBackend: { backend: choice.backend, msPerFrame: choice.probe.wasmMs ?? choice.probe.webglMs ?? null } }),
});
createRoot(root).render(
  <StrictMode>
    <ApiProvider api={api}>
      <VoiceProvider speech={browserSpeech()} tone={webAudioTone()}>
        <FaceEngineContext.Provider value={faceEngine}>
          <App />
        </FaceEngineContext.Provider>
      </VoiceProvider>
    </ApiProvider>
  </StrictMode>,
);
