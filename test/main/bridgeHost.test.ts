import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBridgeHost, type BridgeHost } from '../../electron/bridge/host';
import { APP_INFO, stubHandlers } from './support/stubHandlers';
import { BRIDGE_SECRET_HEADER } from '../../shared/ipc/bridge';
import { MAX_REQUEST_BYTES, PHOTO_MAX_CHARS } from '../../shared/ipc/contract';
import { createHttpKioskApi } from '../../renderer/api/httpBridge';

const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-bridge-'));
writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>k</title></head><body></body></html>');
writeFileSync(path.join(tmpdir(), 'facesettle-outside.txt'), 'outside');

const staffCalls: string[] = [];
let host: BridgeHost;

beforeAll(async () => {
  const handlers = stubHandlers({
    getAppInfo: async () => APP_INFO,
    callStaff: async ({ reason }) => {
      staffCalls.push(reason);
      return { ticket: 'S001', raisedAt: '2026-11-29T08:00:00.000Z', delivered: true };
    },
  });
  host = await startBridgeHost({ handlers, mounts: [{ prefix: '/', dir }], log: { warn: () => undefined } });
});
afterAll(() => host.close());

const post = (method: string, body: string, headers: Record<string, string>) =>
  fetch(`${host.url}api/${method}`, { method: 'POST', body, headers });

/** fetch cannot forge a Host header; a raw request can, as a DNS-rebinding page would. */
function rawRequest(pathname: string, headers: Record<string, string>): Promise<number> {
  const { port } = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: pathname, method: 'GET', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser bridge host', () => {
  it('binds loopback only', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
  });

  it('puts its per-start secret into the page it serves, with the CSP', async () => {
    const response = await fetch(host.url);
    const html = await response.text();
    expect(html).toContain(`<meta name="kiosk-bridge-secret" content="${host.secret}" />`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answers the kiosk API to a caller holding the secret, through the renderer client', async () => {
    const api = createHttpKioskApi(host.secret, (url, init) => fetch(url, init), host.url.replace(/\/$/, ''));
    const info = await api.getAppInfo({});
    expect(info).toMatchObject({ ok: true, value: { version: '9.9.9', shell: 'browser-bridge', mode: 'registration' } });
    const call = await api.callStaff({ reason: 'help', screen: 'home' });
    expect(call.ok).toBe(true);
    expect(staffCalls).toHaveLength(1);
  });

  it('refuses calls without the secret or with a wrong one', async () => {
    const attempts: Array<Record<string, string>> = [{}, { [BRIDGE_SECRET_HEADER]: 'guess' }, { [BRIDGE_SECRET_HEADER]: `${host.secret}x` }];
    for (const headers of attempts) {
      const response = await post('callStaff', '{"reason":"help","screen":"home"}', { 'content-type': 'application/json', ...headers });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    }
    expect(staffCalls).toHaveLength(1);
  });

  it('refuses a foreign origin even with the secret', async () => {
    const response = await post('getAppInfo', '{}', {
      'content-type': 'application/json',
      [BRIDGE_SECRET_HEADER]: host.secret,
      origin: 'https://attacker.example',
    });
    expect(response.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { port } = new URL(host.url);
    expect(await rawRequest('/', { host: `attacker.example:${port}` })).toBe(421);
    expect(await rawRequest('/', { host: `127.0.0.1:${port}` })).toBe(200);
  });

  it('answers malformed requests with error codes, not crashes', async () => {
    const auth = { [BRIDGE_SECRET_HEADER]: host.secret };
    const notJson = await post('getAppInfo', '{', { 'content-type': 'application/json', ...auth });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const wrongType = await post('getAppInfo', '{}', { 'content-type': 'text/plain', ...auth });
    expect(wrongType.status).toBe(415);
    const invalid = await post('callStaff', '{"reason":1}', { 'content-type': 'application/json', ...auth });
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const unknown = await post('formatDisk', '{}', { 'content-type': 'application/json', ...auth });
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    // Just over the limit, and far more than the sockets buffer while the host answers.
    for (const size of [MAX_REQUEST_BYTES + 1, 2 * MAX_REQUEST_BYTES]) {
      const body = JSON.stringify({ x: 'y'.repeat(size - 8) });
      expect(body.length).toBe(size);
      const huge = await post('getAppInfo', body, { 'content-type': 'application/json', ...auth });
      expect(huge.status).toBe(413);
      expect(await huge.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    // Still serving after all that.
    expect((await fetch(host.url)).status).toBe(200);
  });

  it('carries the largest photo the contract allows (not a 413, not a reset connection)', async () => {
    const auth = { [BRIDGE_SECRET_HEADER]: host.secret, 'content-type': 'application/json' };
    const largest = JSON.stringify({ photo: 'A'.repeat(PHOTO_MAX_CHARS) });
    const answer = await post('identifyByFace', largest, auth);
    expect(answer.status).toBe(200);
    // The stub answers NOT_AVAILABLE: the body got through the host and the contract's validation to the handler.
    expect(await answer.json()).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
    const tooLong = await post('identifyByFace', JSON.stringify({ photo: 'A'.repeat(PHOTO_MAX_CHARS + 1) }), auth);
    expect(tooLong.status).toBe(200);
    expect(await tooLong.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('never serves files outside its mounts', async () => {
    const response = await fetch(`${host.url}..%2f..%2ffacesettle-outside.txt`);
    expect(response.status).toBe(403);
  });

  it('the renderer client reports an unreachable host as an error code', async () => {
    const api = createHttpKioskApi('s', (url, init) => fetch(url, init), 'http://127.0.0.1:9');
    expect(await api.getAppInfo({})).toMatchObject({ ok: false, error: { code: 'PLATFORM_UNREACHABLE' } });
  });
});
