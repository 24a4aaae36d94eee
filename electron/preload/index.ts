import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, KIOSK_METHODS } from '../../shared/ipc/methods';

/**
 * Exposes exactly the kiosk API as `window.kiosk`: one function per contract method, never
 * ipcRenderer itself. Bundled into one CommonJS file because the sandboxed preload cannot
 * require other files.
 */
const api = Object.freeze(
  Object.fromEntries(
    KIOSK_METHODS.map((method) => [method, (request: unknown) => ipcRenderer.invoke(channelOf(method), request ?? {})]),
  ),
);

contextBridge.exposeInMainWorld('kiosk', api);
