import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SafeStorage } from 'electron';

/**
 * The platform credentials ({paasId, secret}) encrypted at rest with Electron's safeStorage
 * (DPAPI on Windows, the desktop's secret service on Linux), in one file under userData that
 * only the kiosk account can read. The async API is used: Electron 45 deprecates the sync one
 * and 46 removes it. Nothing here logs or throws the secret; errors say what to do instead.
 */

export type SafeStorageLike = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

export interface PlatformCredentials {
  paasId: string;
  secret: string;
}

export type SecretStoreErrorCode = 'UNAVAILABLE' | 'WEAK_BACKEND' | 'NOT_SET' | 'UNREADABLE' | 'OTHER_PAAS_ID';

export class SecretStoreError extends Error {
  constructor(
    readonly code: SecretStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SecretStoreError';
  }
}

export interface SecretStoreOptions {
  safeStorage: SafeStorageLike;
  /** `app.getPath('userData')`. */
  dir: string;
  platform?: NodeJS.Platform;
  /**
   * Linux without a secret service falls back to `basic_text`: a key hard-coded in Chromium,
   * which protects nothing. Refused unless the hospital decides otherwise on purpose (the
   * file is then protected by its permissions alone); see build/INSTALL.md.
   */
  allowBasicText?: boolean;
  /** Which secret: the platform's (the default) or the HIS auth header's value, each in its own file. */
  kind?: SecretKind;
}

export interface SecretStore {
  readonly file: string;
  exists(): Promise<boolean>;
  /** The credentials for `paasId` (the configuration's), decrypted. */
  load(paasId: string): Promise<PlatformCredentials>;
  save(credentials: PlatformCredentials): Promise<void>;
  clear(): Promise<void>;
}

/** A binary header, then safeStorage's ciphertext: no base64 blob for a scan to wonder about. */
const MAGIC = Buffer.from('FSCRED1\n', 'ascii');
export const CREDENTIALS_FILE = 'platform-credentials.bin';
export const HIS_CREDENTIALS_FILE = 'his-credentials.bin';
export const STAFF_CALL_CREDENTIALS_FILE = 'staff-call-credentials.bin';
export const METRICS_TOKEN_FILE = 'metrics-token.bin';

/**
 * The platform's TIF secret, kept for its paasId; the value of the HIS's auth header, kept for
 * the header's name (`his.authHeader`, in the `paasId` field); or the staff-call webhook's
 * signing secret, kept for the webhook's URL (`staffCall.webhookUrl`); or the bearer token the
 * health server (/health, /metrics) asks of a fleet's Prometheus, kept for the terminal's id
 * (`terminal.id`). Same encryption, separate files.
 */
export type SecretKind = 'platform' | 'his' | 'staff-call' | 'metrics';
export const SECRET_KINDS: Record<SecretKind, { file: string; what: string; idName: string; setFlag: string }> = {
  platform: { file: CREDENTIALS_FILE, what: 'platform secret', idName: 'paasId', setFlag: '--set-platform-secret' },
  his: { file: HIS_CREDENTIALS_FILE, what: 'HIS key', idName: 'his.authHeader', setFlag: '--set-his-secret' },
  'staff-call': { file: STAFF_CALL_CREDENTIALS_FILE, what: 'staff-call webhook secret', idName: 'staffCall.webhookUrl', setFlag: '--set-staff-call-secret' },
  metrics: { file: METRICS_TOKEN_FILE, what: 'metrics token', idName: 'terminal.id', setFlag: '--set-metrics-token' },
};

export function createSecretStore(options: SecretStoreOptions): SecretStore {
  const kind = SECRET_KINDS[options.kind ?? 'platform'];
  const file = path.join(options.dir, kind.file);
  const platform = options.platform ?? process.platform;

  const ensureEncryption = async () => {
    if (!(await options.safeStorage.isAsyncEncryptionAvailable())) {
      throw new SecretStoreError(
        'UNAVAILABLE',
        platform === 'linux'
          ? 'encryption is not available: the kiosk session has no secret service (gnome-keyring or KWallet) running and unlocked; see build/INSTALL.md "Platform secret"'
          : 'encryption is not available yet: credentials can only be read after the app is ready',
      );
    }
    if (platform === 'linux' && options.safeStorage.getSelectedStorageBackend() === 'basic_text' && !options.allowBasicText) {
      throw new SecretStoreError(
        'WEAK_BACKEND',
        'the only secret store here is Chromium\'s "basic_text" (a built-in key, no protection): start a secret service in the kiosk session, or allow it explicitly; see build/INSTALL.md "Platform secret"',
      );
    }
  };

  return {
    file,
    async exists() {
      return readFile(file).then(
        () => true,
        () => false,
      );
    },

    async load(paasId) {
      await ensureEncryption();
      let content: Buffer;
      try {
        content = await readFile(file);
      } catch {
        throw new SecretStoreError('NOT_SET', `no ${kind.what} is set (${file}); set it with: facesettle ${kind.setFlag}`);
      }
      if (!content.subarray(0, MAGIC.length).equals(MAGIC)) {
        throw new SecretStoreError('UNREADABLE', `${file} is not a FaceSettle credentials file; set the secret again`);
      }
      let stored: PlatformCredentials;
      let shouldReEncrypt: boolean;
      try {
        const decrypted = await options.safeStorage.decryptStringAsync(content.subarray(MAGIC.length));
        stored = JSON.parse(decrypted.result) as PlatformCredentials;
        shouldReEncrypt = decrypted.shouldReEncrypt;
      } catch {
        // The key belongs to another account or machine, or the file was damaged: the cause
        // is not knowable here, and the error must not echo what it could decrypt.
        throw new SecretStoreError('UNREADABLE', `${file} cannot be decrypted by this account on this machine; set the secret again as the kiosk account`);
      }
      if (typeof stored?.secret !== 'string' || typeof stored.paasId !== 'string') {
        throw new SecretStoreError('UNREADABLE', `${file} holds no credentials; set the secret again`);
      }
      if (stored.paasId !== paasId) {
        throw new SecretStoreError('OTHER_PAAS_ID', `the stored secret was set for ${kind.idName} "${stored.paasId}" but the configuration says "${paasId}"; set the secret again`);
      }
      if (shouldReEncrypt) await this.save(stored);
      return stored;
    },

    async save(credentials) {
      if (!credentials.paasId || !credentials.secret) throw new SecretStoreError('NOT_SET', 'both paasId and secret are required');
      await ensureEncryption();
      const encrypted = await options.safeStorage.encryptStringAsync(JSON.stringify({ paasId: credentials.paasId, secret: credentials.secret }));
      await mkdir(options.dir, { recursive: true, mode: 0o700 });
      // Written aside, then renamed: a crash mid-write leaves the old secret, not half of one.
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, Buffer.concat([MAGIC, encrypted]), { mode: 0o600 });
      await rename(temp, file);
    },

    async clear() {
      await rm(file, { force: true });
    },
  };
}
