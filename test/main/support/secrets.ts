import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { runSecretCommand, type SecretCommandDeps, type SecretInput } from '../../../electron/main/secrets/secretCli';
import type { SafeStorageLike } from '../../../electron/main/secrets/secretStore';

/** Stands in for Electron's safeStorage (not available here): AES-GCM under one account's key. */
export function fakeSafeStorage(): SafeStorageLike {
  const key = randomBytes(32);
  return {
    isAsyncEncryptionAvailable: async () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptStringAsync: async (text) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptStringAsync: async (data) => {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return { result: Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8'), shouldReEncrypt: false };
    },
  };
}

/** `facesettle --set-…-secret` with the value piped to it, as a deployment script sets it: its exit code and every line it said. */
export async function setSecretByCommand(deps: Pick<SecretCommandDeps, 'store' | 'paasId' | 'kind'>, value: string): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const input = new PassThrough();
  input.end(`${value}\n`);
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
  const code = await runSecretCommand('set', { ...deps, input: input as unknown as SecretInput, ...io });
  return { code, lines };
}
