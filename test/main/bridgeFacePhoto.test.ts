import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decode, encode } from 'jpeg-js';
import { startBridgeHost, type BridgeHost } from '../../electron/bridge/host';
import type { KioskCore } from '../../electron/core/startCore';
import { startKiosk } from '../../electron/launcher/kiosk';
import { createHttpKioskApi } from '../../renderer/api/httpBridge';

/**
 * A face crop the size the contract allows, through the browser bridge to the real face
 * service: the 64 KB body limit once turned this into "Failed to fetch" on the patient's screen.
 * The crop is made here from the shared fixtures (nothing is copied into the project).
 */
const FACES = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'faces');
const CLIP = path.join(FACES, 'camera_person_a_640x480_2s.mjpeg');
const haveClip = existsSync(CLIP);
if (!haveClip) console.warn(`${CLIP} absent (the shared face fixtures): the 480×480 crop through the bridge is not tested`);

/** The first JPEG of a motion-JPEG file: from its first SOI marker to the first EOI after it. */
function firstFrame(mjpeg: Buffer): Buffer {
  const start = mjpeg.indexOf(Buffer.from([0xff, 0xd8]));
  const end = mjpeg.indexOf(Buffer.from([0xff, 0xd9]), start + 2);
  if (start < 0 || end < 0) throw new Error('no JPEG frame in the clip');
  return mjpeg.subarray(start, end + 2);
}

/** The kiosk's crop of a 640×480 frame whose face fills most of the height: the centred 480×480 square. */
function centreCrop480(jpeg: Buffer): Buffer {
  const frame = decode(jpeg, { useTArray: true, formatAsRGBA: true });
  const side = 480;
  const x0 = Math.floor((frame.width - side) / 2);
  const y0 = Math.floor((frame.height - side) / 2);
  const data = Buffer.alloc(side * side * 4);
  for (let row = 0; row < side; row++) {
    const from = ((y0 + row) * frame.width + x0) * 4;
    data.set(frame.data.subarray(from, from + side * 4), row * side * 4);
  }
  // The quality the kiosk's canvas encoder uses (renderer/face/crop.ts DEFAULT_CROP).
  return encode({ width: side, height: side, data }, 90).data;
}

let core: KioskCore;
let host: BridgeHost;

beforeAll(async () => {
  if (!haveClip) return;
  core = await startKiosk({
    configFile: undefined,
    configRequired: false,
    platformUrlOverride: undefined,
    healthPort: null,
    dataDir: mkdtempSync(path.join(tmpdir(), 'facesettle-bridge-face-')),
    shell: 'browser-bridge',
    version: 'test',
    raiseStaffCall: () => undefined,
    log: () => undefined,
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-bridge-page-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>k</title></head><body></body></html>');
  host = await startBridgeHost({ handlers: core.handlers, mounts: [{ prefix: '/', dir }], log: { warn: () => undefined } });
}, 120_000);

afterAll(async () => {
  await host?.close();
  await core?.close();
});

describe('a face crop through the browser bridge', () => {
  (haveClip ? it : it.skip)('carries a 480×480 crop (over the old 64 KB) and answers with the face service’s identification', async () => {
    const crop = centreCrop480(firstFrame(readFileSync(CLIP)));
    const photo = crop.toString('base64');
    expect(photo.length).toBeGreaterThan(64 * 1024);
    const api = createHttpKioskApi(host.secret, (url, init) => fetch(url, init), host.url.replace(/\/$/, ''));
    const answer = await api.identifyByFace({ photo, liveness: 'motion' });
    // Person A's camera frame against person A's enrolment photo (the clip is that photo): a clear match.
    expect(answer).toMatchObject({ ok: true, value: { status: 'identified', person: { maskedName: '欧*明' } } });
  }, 60_000);
});
