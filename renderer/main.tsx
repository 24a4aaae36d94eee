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

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ApiProvider api={resolveKioskApi()}>
      <VoiceProvider speech={browserSpeech()} tone={webAudioTone()}>
        <FaceEngineContext.Provider value={humanFaceEngine()}>
          <App />
        </FaceEngineContext.Provider>
      </VoiceProvider>
    </ApiProvider>
  </StrictMode>,
);
