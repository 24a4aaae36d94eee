import { EMBEDDED_PLATFORM, type TerminalConfig } from '../../shared/config/terminalConfig';
import type { HisBridge } from '../settlement/his/bridge';
import { createHttpHis } from '../settlement/his/httpHis';

export interface HisConnectionOptions {
  /** FACESETTLE_PLATFORM_URL: an already running sandbox, whose HIS asks for no header. */
  urlOverride: string | undefined;
  /** `his.url` made concrete (`embedded` → the embedded sandbox's URL). */
  resolve: (url: string) => string;
  /** The stored value of the auth header (Electron: the encrypted secret store). */
  loadSecret: ((header: string) => Promise<string | undefined>) | undefined;
}

/**
 * The kiosk's HIS client for the configured hospital system. When `his.authHeader` is set the
 * header's value must be in the secret store: a kiosk that would be refused on every call does
 * not start. The sandbox's HIS requires no header.
 */
export async function connectHis(his: TerminalConfig['his'], options: HisConnectionOptions): Promise<HisBridge> {
  const baseUrl = options.urlOverride ?? options.resolve(his.url);
  if (!his.authHeader || options.urlOverride || his.url === EMBEDDED_PLATFORM) return createHttpHis({ baseUrl });
  const value = await options.loadSecret?.(his.authHeader);
  if (!value) throw new Error(`no value stored for the ${his.authHeader} header (build/INSTALL.md: facesettle --set-his-secret)`);
  return createHttpHis({ baseUrl, auth: { header: his.authHeader, value } });
}
