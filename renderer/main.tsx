import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveKioskApi } from './api/kioskApi';
import { ApiProvider } from './app/apiContext';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ApiProvider api={resolveKioskApi()}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
