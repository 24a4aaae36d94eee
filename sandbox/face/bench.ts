import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { encode } from 'jpeg-js';
import type { PersonDirectory, PersonRecord } from '../parts';
import { DEMO_PERSONS } from '../seed/demoPersons';
import { resolveFaceConfig } from './config';
import { cropRgb, decodeJpeg } from './image';
import { createFaceService } from './index';
import { EC_PATH } from './routes';

export interface FaceBenchFigure {
  /** What was timed: one `cn.nhsa.ec.auth` (decode, locate, crop, describe, 1:N search). */
  what: string;
  runs: number;
  medianMs: number;
  p90Ms: number;
  minMs: number;
  /**
   * Median CPU time of the process per identification: waiting for a core shared with other
   * work is left out (sharing a core's caches still inflates it).
   */
  cpuMedianMs: number;
}

export interface FaceBenchResult {
  /** A 480x480 square around the face, what the kiosk sends: the headline figure (one pass). */
  kioskCrop: FaceBenchFigure;
  /** A whole 640x480 camera frame (two passes: locate, then describe a square crop). */
  cameraFrame: FaceBenchFigure;
  /** A 626x1200 photo: JPEG decoding in JavaScript grows with the pixels. */
  largePhoto: FaceBenchFigure;
}

/**
 * Milliseconds per face identification, through the service's own route handler (no HTTP, so
 * the figure is the face work alone), warm, one at a time, on a fresh in-memory database with
 * the demo persons enrolled. Needs the shared fixtures for its photos.
 */
export async function benchFaceIdentification(options: { runs?: number; fixturesDir?: string } = {}): Promise<FaceBenchResult> {
  const runs = options.runs ?? 25;
  const { fixturesDir } = resolveFaceConfig(options.fixturesDir ? { fixturesDir: options.fixturesDir } : {});
  const photo = join(fixturesDir, 'person_a_obama_2.jpg');
  const clip = join(fixturesDir, 'camera_person_a_640x480_2s.mjpeg');
  for (const file of [photo, clip]) if (!existsSync(file)) throw new Error(`face bench needs the fixtures: ${file} not found`);
  const service = createFaceService({
    db: new DatabaseSync(':memory:'),
    clock: () => new Date(),
    persons: demoDirectory(),
    log: () => {},
    config: { fixturesDir },
  });
  await service.warmUp();
  const route = service.routes.find((r) => r.method === 'POST' && r.path === EC_PATH)!;
  let seq = 0;
  const time = async (what: string, jpeg: Buffer): Promise<FaceBenchFigure> => {
    const faceImage = jpeg.toString('base64');
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const body = { orgId: 'BENCH', transType: 'cn.nhsa.ec.auth', data: { outBizNo: `BENCH${++seq}`, businessType: '01301', faceImage, liveness: 'motion' } };
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const answer = await route.handle({ method: 'POST', path: EC_PATH, query: new URLSearchParams(), headers: {}, body, rawBody: Buffer.alloc(0), remoteAddress: '127.0.0.1' });
      const elapsed = performance.now() - started;
      const { user, system } = process.cpuUsage(cpuStarted);
      if ((answer.body as { code: number }).code !== 0) throw new Error(`face bench: identification failed: ${JSON.stringify(answer.body)}`);
      if (i > 0) {
        // The first run warms caches and is not counted.
        times.push(elapsed);
        cpu.push((user + system) / 1000);
      }
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const at = (list: number[], q: number) => round(list[Math.min(list.length - 1, Math.floor(q * list.length))]!);
    return { what, runs, medianMs: at(times, 0.5), p90Ms: at(times, 0.9), minMs: round(times[0]!), cpuMedianMs: at(cpu, 0.5) };
  };
  const frame = firstJpeg(readFileSync(clip));
  return {
    kioskCrop: await time('cn.nhsa.ec.auth, 480x480 face crop (JPEG), 2 enrolled', centreSquare(frame)),
    cameraFrame: await time('cn.nhsa.ec.auth, 640x480 camera frame (JPEG), 2 enrolled', frame),
    largePhoto: await time('cn.nhsa.ec.auth, 626x1200 photo (JPEG), 2 enrolled', readFileSync(photo)),
  };
}

/** The first frame of an MJPEG stream: up to the first end-of-image marker (0xFF 0xD9). */
function firstJpeg(stream: Buffer): Buffer {
  const end = stream.indexOf(Buffer.from([0xff, 0xd9]));
  if (stream[0] !== 0xff || stream[1] !== 0xd8 || end < 0) throw new Error('face bench: the clip is not MJPEG');
  return stream.subarray(0, end + 2);
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** The frame's centre square as a JPEG: in the fixture clip the face fills it, as in a kiosk crop. */
function centreSquare(jpeg: Buffer): Buffer {
  const image = decodeJpeg(jpeg);
  const side = Math.min(image.width, image.height);
  const square = cropRgb(image, (image.width - side) / 2, (image.height - side) / 2, side, side);
  const rgba = Buffer.alloc(side * side * 4, 255);
  for (let i = 0, j = 0; i < square.data.length; i += 3, j += 4) rgba.set(square.data.subarray(i, i + 3), j);
  return encode({ width: side, height: side, data: rgba }, 90).data;
}

function demoDirectory(): PersonDirectory {
  const records: PersonRecord[] = DEMO_PERSONS.map(({ psnNo, name, certno, gender, birthday, insutype, insuplcAdmdvs, insured }) => ({
    psnNo, name, certno, gender, birthday, insutype, insuplcAdmdvs, insured,
  }));
  return {
    byPsnNo: (psnNo) => records.find((r) => r.psnNo === psnNo),
    byCertno: (certno) => records.find((r) => r.certno === certno),
    all: () => records,
  };
}

if (require.main === module) {
  benchFaceIdentification().then(
    (result) => console.log(JSON.stringify(result)),
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}
