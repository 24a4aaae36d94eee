import type { Session } from 'electron';
import { isAppUrl } from './senderGuard';

/**
 * Camera only, video only, and only for the kiosk's own frames. Electron grants every
 * permission when no handler is set, so both the request and the check handler are installed.
 */
export function decidePermissionRequest(
  permission: string,
  mediaTypes: readonly string[] | undefined,
  requestingUrl: string | undefined,
): boolean {
  if (permission !== 'media' || !isAppUrl(requestingUrl)) return false;
  const types = mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'video');
}

export function decidePermissionCheck(
  permission: string,
  mediaType: string | undefined,
  requestingOrigin: string | undefined,
): boolean {
  if (permission !== 'media' || mediaType === 'audio') return false;
  return isAppUrl(requestingOrigin);
}

export function installPermissionHandlers(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(decidePermissionRequest(permission, mediaTypes, details.requestingUrl ?? webContents?.getURL()));
  });
  session.setPermissionCheckHandler((webContents, permission, requestingOrigin, details) => {
    const mediaType = 'mediaType' in details ? details.mediaType : undefined;
    return decidePermissionCheck(permission, mediaType, details.requestingUrl ?? requestingOrigin ?? webContents?.getURL());
  });
  // HID, USB and serial stay closed: card readers and scanners arrive as keyboard input.
  session.setDevicePermissionHandler(() => false);
}
