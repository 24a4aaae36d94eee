import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { KioskHandlers } from '../../../shared/ipc/contract';
import { channelOf, KIOSK_METHODS } from '../../../shared/ipc/methods';
import { fail, type Result } from '../../../shared/result';
import { dispatch, type DispatchLog } from '../../core/dispatch';
import { isTrustedSender } from '../security/senderGuard';

/**
 * Registers one handler per contract method. Every call is checked for its sender frame
 * first (only app://kiosk pages may call), then dispatched: validated, run, answered as a Result.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: KioskHandlers,
  log: DispatchLog & { warn(message: string): void },
): void {
  for (const method of KIOSK_METHODS) {
    ipcMain.handle(channelOf(method), async (event: IpcMainInvokeEvent, payload: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        log.warn(`refused ${method} from untrusted sender ${event.senderFrame?.url ?? '(no frame)'}`);
        return fail('UNTRUSTED_SENDER', 'caller is not the kiosk');
      }
      return dispatch(handlers, method, payload, log);
    });
  }
}
