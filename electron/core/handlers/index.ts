import type { KioskHandlers } from '../../../shared/ipc/contract';
import { adminHandlers } from './admin';
import { appHandlers } from './app';
import { cardReaderHandlers } from './cardReader';
import type { CoreDeps } from './deps';
import { identifyHandlers } from './identify';
import { settlementHandlers } from './settlement';
import { staffDeskHandlers } from './staffDesk';
import { familyHandlers } from './family';

export type { CoreDeps };

/** The kiosk API as the main process implements it, free of Electron so the bridge runs it too. */
export function createHandlers(deps: CoreDeps): KioskHandlers {
  return {
    ...appHandlers(deps),
    ...identifyHandlers(deps),
    ...cardReaderHandlers(deps),
    ...settlementHandlers(deps),
    ...adminHandlers(deps),
    ...staffDeskHandlers(deps),
    ...familyHandlers(deps),
  };
}
