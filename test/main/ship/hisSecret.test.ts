import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { secretCommand, secretKindOf } from '../../../electron/main/secrets/secretCli';
import { createSecretStore } from '../../../electron/main/secrets/secretStore';
import { fakeSafeStorage, setSecretByCommand } from '../support/secrets';

// The HIS auth header's value kept like the platform secret: encrypted, in a file of its own.
const VALUE = 'Bearer his-token-do-not-leak';

const safeStorage = fakeSafeStorage();

it('is chosen by --set-his-secret / --check-his-secret', () => {
  expect([secretCommand(['x', '--set-his-secret']), secretKindOf(['x', '--set-his-secret'])]).toEqual(['set', 'his']);
  expect([secretCommand(['x', '--check-his-secret']), secretKindOf(['x', '--check-his-secret'])]).toEqual(['check', 'his']);
  expect(secretKindOf(['x', '--set-platform-secret'])).toBe('platform');
});

it('stores the value for the configured header beside, not over, the platform secret', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-his-secret-'));
  const his = createSecretStore({ safeStorage, dir, platform: 'linux', kind: 'his' });
  const platform = createSecretStore({ safeStorage, dir, platform: 'linux' });
  const { code, lines } = await setSecretByCommand({ store: his, paasId: 'Authorization', kind: 'his' }, VALUE);
  expect(code).toBe(0);
  expect(lines.pop()).toBe(`HIS key for his.authHeader "Authorization" saved, encrypted, to ${path.join(dir, 'his-credentials.bin')}`);
  expect((await his.load('Authorization')).secret).toBe(VALUE);
  await expect(platform.load('hosp-0001')).rejects.toThrow(/no platform secret is set/);
  await expect(his.load('X-HIS-Key')).rejects.toThrow('the stored secret was set for his.authHeader "Authorization" but the configuration says "X-HIS-Key"');
  expect(lines.join('\n')).not.toContain(VALUE);
});
