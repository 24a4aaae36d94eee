import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runSecretCommand, secretCommand, secretKindOf, type SecretInput } from '../../../electron/main/secrets/secretCli';
import { createSecretStore, type SafeStorageLike } from '../../../electron/main/secrets/secretStore';

// The HIS auth header's value kept like the platform secret: encrypted, in a file of its own.
const VALUE = 'Bearer his-token-do-not-leak';

/** Stands in for Electron's safeStorage (not available here): AES-GCM under one account's key. */
const key = randomBytes(32);
const safeStorage: SafeStorageLike = {
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

it('is chosen by --set-his-secret / --check-his-secret', () => {
  expect([secretCommand(['x', '--set-his-secret']), secretKindOf(['x', '--set-his-secret'])]).toEqual(['set', 'his']);
  expect([secretCommand(['x', '--check-his-secret']), secretKindOf(['x', '--check-his-secret'])]).toEqual(['check', 'his']);
  expect(secretKindOf(['x', '--set-platform-secret'])).toBe('platform');
});

it('stores the value for the configured header beside, not over, the platform secret', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-his-secret-'));
  const his = createSecretStore({ safeStorage, dir, platform: 'linux', kind: 'his' });
  const platform = createSecretStore({ safeStorage, dir, platform: 'linux' });
  const lines: string[] = [];
  const input = new PassThrough();
  input.end(`${VALUE}\n`);
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
  expect(await runSecretCommand('set', { store: his, paasId: 'Authorization', kind: 'his', input: input as unknown as SecretInput, ...io })).toBe(0);
  expect(lines.pop()).toBe(`HIS key for his.authHeader "Authorization" saved, encrypted, to ${path.join(dir, 'his-credentials.bin')}`);
  expect((await his.load('Authorization')).secret).toBe(VALUE);
  await expect(platform.load('hosp-0001')).rejects.toThrow(/no platform secret is set/);
  await expect(his.load('X-HIS-Key')).rejects.toThrow('the stored secret was set for his.authHeader "Authorization" but the configuration says "X-HIS-Key"');
  expect(lines.join('\n')).not.toContain(VALUE);
});
