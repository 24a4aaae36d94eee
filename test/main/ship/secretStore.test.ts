import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runSecretCommand, secretCommand, type SecretInput } from '../../../electron/main/secrets/secretCli';
import { runSecretCommandIfAsked } from '../../../electron/main/secrets/secretEntry';
import { createSecretStore, SecretStoreError, type SafeStorageLike } from '../../../electron/main/secrets/secretStore';
import { scanForLeaks } from '../../support/leakScan';

const SECRET = 'tif-secret-Q7w9-ZZ-do-not-leak';

/** Stands in for Electron's safeStorage: AES-GCM under a key of its own, like one account's keyring. */
class FakeSafeStorage implements SafeStorageLike {
  private readonly key = randomBytes(32);
  available = true;
  backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']> = 'gnome_libsecret';
  rotated = false;
  encrypted = 0;
  async isAsyncEncryptionAvailable() {
    return this.available;
  }
  getSelectedStorageBackend() {
    return this.backend;
  }
  async encryptStringAsync(plainText: string) {
    this.encrypted++;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }
  async decryptStringAsync(encrypted: Buffer) {
    const decipher = createDecipheriv('aes-256-gcm', this.key, encrypted.subarray(0, 12));
    decipher.setAuthTag(encrypted.subarray(12, 28));
    const result = Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    return { result, shouldReEncrypt: this.rotated };
  }
}

const setup = (overrides: { platform?: NodeJS.Platform; allowBasicText?: boolean } = {}) => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'facesettle-secret-')), 'userData');
  const safeStorage = new FakeSafeStorage();
  const store = createSecretStore({ safeStorage, dir, platform: 'linux', ...overrides });
  return { dir, safeStorage, store };
};
const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    expect(error).toBeInstanceOf(SecretStoreError);
    expect((error as Error).message).not.toContain(SECRET);
    return (error as SecretStoreError).code;
  }
};

describe('secret store', () => {
  it('keeps the credentials encrypted in one file only the kiosk account reads', async () => {
    const { dir, store } = setup();
    expect(await store.exists()).toBe(false);
    await store.save({ paasId: 'hosp-0001', secret: SECRET });
    expect(await store.load('hosp-0001')).toEqual({ paasId: 'hosp-0001', secret: SECRET });
    const bytes = readFileSync(store.file);
    expect(bytes.includes(Buffer.from(SECRET))).toBe(false);
    expect(bytes.includes(Buffer.from('hosp-0001'))).toBe(false);
    if (process.platform !== 'win32') expect(statSync(store.file).mode & 0o077).toBe(0);
    expect(scanForLeaks(dir, { knownIds: [SECRET] })).toEqual([]);
  });

  it('says clearly when encryption is unavailable or only Chromium\'s built-in key is', async () => {
    const { safeStorage, store } = setup();
    safeStorage.available = false;
    expect(await codeOf(store.save({ paasId: 'p', secret: SECRET }))).toBe('UNAVAILABLE');
    await expect(store.load('p')).rejects.toThrow(/no secret service .* running and unlocked/);
    safeStorage.available = true;
    safeStorage.backend = 'basic_text';
    expect(await codeOf(store.save({ paasId: 'p', secret: SECRET }))).toBe('WEAK_BACKEND');
    expect(await store.exists()).toBe(false);

    const allowed = setup({ allowBasicText: true });
    allowed.safeStorage.backend = 'basic_text';
    await allowed.store.save({ paasId: 'p', secret: SECRET });
    expect((await allowed.store.load('p')).secret).toBe(SECRET);
    // The backend name is Linux's business only.
    const windows = setup({ platform: 'win32' });
    windows.safeStorage.backend = 'basic_text';
    await windows.store.save({ paasId: 'p', secret: SECRET });
  });

  it('explains a missing, foreign, damaged or mismatched file without revealing the secret', async () => {
    const { dir, store } = setup();
    expect(await codeOf(store.load('hosp-0001'))).toBe('NOT_SET');
    await store.save({ paasId: 'hosp-0001', secret: SECRET });
    expect(await codeOf(store.load('hosp-0002'))).toBe('OTHER_PAAS_ID');
    // Another account (another key) cannot read it.
    const other = createSecretStore({ safeStorage: new FakeSafeStorage(), dir, platform: 'linux' });
    expect(await codeOf(other.load('hosp-0001'))).toBe('UNREADABLE');
    const bytes = readFileSync(store.file);
    bytes[bytes.length - 1]! ^= 0xff;
    writeFileSync(store.file, bytes);
    expect(await codeOf(store.load('hosp-0001'))).toBe('UNREADABLE');
    writeFileSync(store.file, SECRET);
    expect(await codeOf(store.load('hosp-0001'))).toBe('UNREADABLE');
    await store.clear();
    expect(await store.exists()).toBe(false);
  });

  it('re-encrypts when the key was rotated', async () => {
    const { safeStorage, store } = setup();
    await store.save({ paasId: 'p', secret: SECRET });
    const before = readFileSync(store.file);
    safeStorage.rotated = true;
    await store.load('p');
    expect(safeStorage.encrypted).toBe(2);
    expect(readFileSync(store.file).equals(before)).toBe(false);
  });
});

describe('--set-platform-secret', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, write: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
  };
  const piped = (text: string) => {
    const stream = new PassThrough();
    stream.end(text);
    return stream as unknown as SecretInput;
  };

  it('is chosen by its flag only', () => {
    expect(secretCommand(['/opt/FaceSettle/facesettle', '--set-platform-secret'])).toBe('set');
    expect(secretCommand(['/opt/FaceSettle/facesettle', '--check-platform-secret'])).toBe('check');
    expect(secretCommand(['/opt/FaceSettle/facesettle'])).toBeNull();
  });

  it('stores a piped secret for the configured paasId and never prints it', async () => {
    const { store } = setup();
    const { out, err, write } = io();
    expect(await runSecretCommand('set', { store, paasId: 'hosp-0001', input: piped(`${SECRET}\n`), ...write })).toBe(0);
    expect((await store.load('hosp-0001')).secret).toBe(SECRET);
    expect(await runSecretCommand('check', { store, paasId: 'hosp-0001', input: piped(''), ...write })).toBe(0);
    expect(out.join('\n')).toMatch(/saved, encrypted, to .*platform-credentials\.bin/);
    expect([...out, ...err].join('\n')).not.toContain(SECRET);
    expect(await runSecretCommand('check', { store, paasId: 'hosp-0002', input: piped(''), ...write })).toBe(1);
    expect(err.pop()).toMatch(/set for paasId "hosp-0001" but the configuration says "hosp-0002"/);
  });

  it('reads a typed secret without echo, with backspace, and can be cancelled', async () => {
    const { store } = setup();
    const { out, write } = io();
    const tty = new PassThrough() as unknown as SecretInput & PassThrough;
    const modes: boolean[] = [];
    Object.assign(tty, { isTTY: true, setRawMode: (mode: boolean) => modes.push(mode) });
    const done = runSecretCommand('set', { store, paasId: 'p', input: tty, ...write });
    (tty as PassThrough).write('abcX\u007f');
    (tty as PassThrough).write('def\r');
    expect(await done).toBe(0);
    expect(modes).toEqual([true, false]);
    expect(out[0]).toBe('platform secret (not shown): ');
    expect((await store.load('p')).secret).toBe('abcdef');

    const cancel = new PassThrough() as unknown as SecretInput & PassThrough;
    Object.assign(cancel, { isTTY: true, setRawMode: () => undefined });
    const cancelled = runSecretCommand('set', { store, paasId: 'p', input: cancel, ...write });
    (cancel as PassThrough).write('zz\u0003');
    expect(await cancelled).toBe(1);
    expect((await store.load('p')).secret).toBe('abcdef');
  });

  it('refuses an empty secret and reports what it can when saving fails', async () => {
    const { store, dir } = setup();
    const { err, write } = io();
    expect(await runSecretCommand('set', { store, paasId: 'p', input: piped('\n'), ...write })).toBe(2);
    expect(await store.exists()).toBe(false);
    // userData under a plain file: the directory cannot be made (also as root).
    writeFileSync(`${dir}-file`, '');
    const blocked = createSecretStore({ safeStorage: new FakeSafeStorage(), dir: path.join(`${dir}-file`, 'userData'), platform: 'linux' });
    expect(await runSecretCommand('set', { store: blocked, paasId: 'p', input: piped(SECRET), ...write })).toBe(1);
    expect(err.pop()).toBe('could not store the secret (ENOTDIR)');
  });
});

describe('the app started for a secret command', () => {
  const fakeElectron = (userData: string) => {
    const exits: number[] = [];
    const app = {
      whenReady: () => Promise.resolve(),
      getPath: (name: string) => (name === 'userData' ? userData : tmpdir()),
      exit: (code: number) => exits.push(code),
    };
    return { electron: { app, safeStorage: new FakeSafeStorage() } as any, exits };
  };
  const waitFor = async (exits: number[]) => {
    for (let i = 0; i < 100 && exits.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
  };

  it('stores the secret for the configured paasId and exits, without starting the kiosk', async () => {
    const userData = mkdtempSync(path.join(tmpdir(), 'facesettle-entry-'));
    writeFileSync(path.join(userData, 'terminal.json'), JSON.stringify({ platform: { url: 'https://fsi.example.invalid', paasId: 'hosp-0042' }, terminal: { slot: '01' } }));
    const { electron, exits } = fakeElectron(userData);
    const out: string[] = [];
    const input = new PassThrough();
    input.end(`${SECRET}\n`);
    const io = { input: input as unknown as SecretInput, out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    expect(runSecretCommandIfAsked(electron, ['facesettle'], {}, io)).toBe(false);
    expect(runSecretCommandIfAsked(electron, ['facesettle', '--set-platform-secret'], {}, io)).toBe(true);
    await waitFor(exits);
    expect(exits).toEqual([0]);
    const store = createSecretStore({ safeStorage: electron.safeStorage, dir: userData, platform: 'linux' });
    expect(await store.load('hosp-0042')).toEqual({ paasId: 'hosp-0042', secret: SECRET });
    expect(out.join('\n')).not.toContain(SECRET);
  });

  it('exits 1 with the configuration problem when the configuration is wrong', async () => {
    const userData = mkdtempSync(path.join(tmpdir(), 'facesettle-entry-'));
    const { electron, exits } = fakeElectron(userData);
    const err: string[] = [];
    const io = { input: new PassThrough() as unknown as SecretInput, out: () => undefined, err: (l: string) => err.push(l) };
    runSecretCommandIfAsked(electron, ['facesettle', '--check-platform-secret'], { FACESETTLE_CONFIG: path.join(userData, 'absent.json') }, io);
    await waitFor(exits);
    expect(exits).toEqual([1]);
    expect(err.join('\n')).toMatch(/file not found/);
  });
});
