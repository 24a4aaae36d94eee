/**
 * The kiosk's Content-Security-Policy, sent as a header by the app:// protocol and the
 * browser bridge. 'wasm-unsafe-eval' is what Human's wasm backend needs; no 'unsafe-eval'.
 * Inline styles stay allowed because React's style props set them; inline scripts do not.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
