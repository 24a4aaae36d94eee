import { createContext, useContext, type ReactNode } from 'react';
import type { KioskApi } from '../../shared/ipc/contract';

const ApiContext = createContext<KioskApi | null>(null);

/** Screens get the kiosk API from here, so tests hand them a real bridge client or a fake. */
export function ApiProvider({ api, children }: { api: KioskApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): KioskApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
