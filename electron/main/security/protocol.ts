import type { Protocol } from 'electron';
import { APP_SCHEME } from './senderGuard';

/**
 * app:// is standard (relative URLs, storage) and secure (getUserMedia needs a secure context).
 * Never bypassCSP. Must run before the app's `ready` event, and only once.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

export function serveAppScheme(
  protocol: Pick<Protocol, 'handle'>,
  handler: (request: Request) => Promise<Response>,
): void {
  protocol.handle(APP_SCHEME, handler);
}
