/** How the browser bridge hands its per-start secret to the page it serves, and back. */
export const BRIDGE_SECRET_META = 'kiosk-bridge-secret';
export const BRIDGE_SECRET_HEADER = 'x-kiosk-bridge-secret';
export const BRIDGE_API_PREFIX = '/api/';
