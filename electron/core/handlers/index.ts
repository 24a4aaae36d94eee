import type { KioskHandlers } from '../../../shared/ipc/contract';
import { adminHandlers } from './admin';
import { appHandlers } from './app';
import type { CoreDeps } from './deps';
import { identifyHandlers } from './identify';
import { settlementHandlers } from './settlement';

export type { CoreDeps };

/** The kiosk API as the main process implements it, free of Electron so the bridge runs it too. */
export function createHandlers(deps: CoreDeps): KioskHandlers {
  return {
    ...appHandlers(deps),
    ...identifyHandlers(deps),
    ...settlementHandlers(deps),
    ...adminHandlers(deps),
  };
}
