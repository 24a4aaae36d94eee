/**
 * npm run eval:face [-- <folder>]: the kiosk's face pipeline on every photo (jpg, png) and Y4M
 * clip in a folder (default ../shared/fixtures/faces/). Per file: faces found, the gate's
 * verdict and measurements, passive scores, and for clips the active check on the recorded
 * landmark series; then the pairwise descriptor similarity table; then, per shipped policy, how
 * many genuine fixtures pass and how many spoofs are stopped (policyEval.ts; `--no-policies`
 * leaves it out). Nothing is written to disk; descriptors live in memory for the table only.
 */
import { readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Human } from '@vladmandic/human';
import { sampleOf, verifyChallenge, type Challenge, type LivenessSample } from '../../renderer/face/activeLiveness';
import { cropPixels, cropRect } from '../../renderer/face/crop';
import type { FaceDetector } from '../../renderer/face/humanLoader';
import { imageStats } from '../../renderer/face/imageStats';
import { evaluateGate, pickSubject, DEFAULT_GATE, type GateResult } from '../../renderer/face/qualityGate';
import type { FaceLike, FramePixels } from '../../renderer/face/types';
import { FIXTURES_DIR, isClip, isImage, loadKioskHumanNode, readClip, readImage } from './faceNode';
import { policyTable } from './policyEval';
import { cameraFramed } from './replay';

const f2 = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(2));
const f0 = (x: number | undefined): string => (x === undefined ? '-' : x.toFixed(0));

export function gateLine(g: GateResult): string {
  const m = g.metrics;
  return (
    `${g.pass ? 'PASS' : `FAIL ${g.reason}`} | size ${f2(m.faceSize)} offset ${f2(m.offsetX)},${f2(m.offsetY)} ` +
    `yaw/pitch/roll ${f2(m.yaw)}/${f2(m.pitch)}/${f2(m.roll)} eyes ${f2(m.eyeAspect)} ` +
    `luma face/around ${f0(m.faceLuma)}/${f0(m.surroundLuma)} sharp ${f2(m.sharpness)}`
  );
}

/** Antispoof and liveness: Human omits a 0 score, so absent is shown as 0 (omitted). */
const passiveLine = (face: FaceLike | undefined): string =>
  face ? `real ${face.real === undefined ? '0 (omitted)' : f2(face.real)}, live ${face.live === undefined ? '0 (omitted)' : f2(face.live)}` : '-';

const gateOf = (faces: FaceLike[], frame: FramePixels) => evaluateGate(faces, frame, (f) => imageStats(frame, f.box));

/** The kiosk sends a square crop around the face: the descriptor is taken on that crop, as the face service would. */
async function descriptorOf(detector: FaceDetector, frame: FramePixels, face: FaceLike): Promise<number[] | undefined> {
  const crop = cropPixels(frame, cropRect(face.box, frame));
  const faces = await detector.detect(crop, 'decision');
  crop.data.fill(0);
  return pickSubject(faces, DEFAULT_GATE).face?.embedding;
}

async function evalImage(path: string, detector: FaceDetector): Promise<number[] | undefined> {
  const { frame, orientation } = await readImage(path);
  const faces = await detector.detect(frame, 'decision');
  const g = gateOf(faces, frame);
  console.log(`  ${frame.width}x${frame.height}${orientation !== 1 ? ` (EXIF orientation ${orientation} applied)` : ''}, faces ${faces.length}`);
  console.log(`  gate: ${gateLine(g)}`);
  console.log(`  passive: ${passiveLine(g.face)}`);
  const subject = pickSubject(faces, DEFAULT_GATE).face;
  if (subject) {
    const framed = cameraFramed(frame, subject.box);
    const fg = gateOf(await detector.detect(framed, 'decision'), framed);
    console.log(`  camera-framed 640x480 gate: ${gateLine(fg)}`);
    console.log(`  camera-framed passive: ${passiveLine(fg.face)}`);
    framed.data.fill(0);
  }
  const descriptor = g.face ? await descriptorOf(detector, frame, g.face) : undefined;
  frame.data.fill(0);
  return descriptor;
}

/**
 * A clip is played as the kiosk's loop would see it: gate pass per frame (Human's cache on),
 * the landmark series recorded with the challenge pass, and the active check run on it — looped like Chromium's fake
 * camera loops the file, until the challenge's timeout has passed.
 */
async function evalClip(path: string, detector: FaceDetector): Promise<number[] | undefined> {
  const frames = await readClip(path);
  const samples: LivenessSample[] = [];
  const reasons = new Map<string, number>();
  const counts: number[] = [];
  let first: { frame: FramePixels; face: FaceLike } | undefined;
  let n = 0;
  const frameMs = 100; // the fixture clip is 10 fps; the header rate is used only for timing the series
  for (const frame of frames) {
    const faces = await detector.detect(frame, 'gate');
    counts.push(faces.length);
    const g = gateOf(faces, frame);
    const key = g.pass ? 'PASS' : g.reason;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
    // The challenge frames run their own pass (iris on): the series is recorded as the kiosk records it.
    const subject = pickSubject(await detector.detect(frame, 'challenge'), DEFAULT_GATE).face;
    if (subject) samples.push(sampleOf(subject, n * frameMs));
    if (n === 0) console.log(`  frame 0 gate: ${gateLine(g)}`);
    if (!first && g.face) first = { frame, face: g.face };
    else frame.data.fill(0);
    n++;
  }
  console.log(`  ${n} frames, faces per frame ${Math.min(...counts)}..${Math.max(...counts)}; gate ${[...reasons].map(([k, v]) => `${k} x${v}`).join(', ')}`);
  const series = (pick: (s: LivenessSample) => number) => samples.map(pick).filter(Number.isFinite);
  const range = (xs: number[]) => `${f2(Math.min(...xs))}..${f2(Math.max(...xs))}`;
  console.log(`  landmark series: eye ratio L ${range(series((s) => s.earLeft))} R ${range(series((s) => s.earRight))}, yaw ${range(series((s) => s.yaw))}, centre x ${range(series((s) => s.cx))} y ${range(series((s) => s.cy))}`);
  const span = samples.length * frameMs;
  const looped: LivenessSample[] = [];
  for (let lap = 0; lap * span <= 10000 + span; lap++) for (const s of samples) looped.push({ ...s, t: s.t + lap * span });
  for (const c of ['blink', 'turn-left', 'turn-right'] as Challenge[]) {
    const end = looped[looped.length - 1]?.t ?? 0;
    const v = verifyChallenge(c, looped, 0, end);
    const m = v.measured;
    const detail = c === 'blink' ? `open ear ${f2(m.openEar)}, lowest ratio ${f2(m.minEarRatio)}` : `largest turn ${f2(m.maxTurn)} rad`;
    console.log(`  active ${c}: ${v.status}${v.status === 'failed' ? ` (${v.reason})` : ''} after ${(end / 1000).toFixed(1)} s; ${detail}`);
  }
  if (!first) return undefined;
  const decided = pickSubject(await detector.detect(first.frame, 'decision'), DEFAULT_GATE).face;
  console.log(`  passive (frame 0, decision pass): ${passiveLine(decided)}`);
  const descriptor = await descriptorOf(detector, first.frame, first.face);
  first.frame.data.fill(0);
  return descriptor;
}

function similarityTable(human: Human, named: Array<[string, number[]]>): void {
  const short = named.map(([name]) => name.replace(/\.[^.]+$/, '').slice(0, 18));
  const w = 20;
  console.log(`\nPairwise similarity (human.match.similarity, defaults; descriptors of the square crops):`);
  console.log(''.padEnd(w) + short.map((s) => s.padStart(w)).join(''));
  named.forEach(([, a], i) => {
    const row = named.map(([, b], j) => (j === i ? '-' : human.match.similarity(a, b).toFixed(2)).padStart(w));
    console.log((short[i] ?? '').padEnd(w) + row.join(''));
  });
}

async function main(): Promise<void> {
  const folder = resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? FIXTURES_DIR);
  const files = (await readdir(folder)).filter((f) => isImage(f) || isClip(f)).sort();
  if (files.length === 0) throw new Error(`no jpg, png or y4m files in ${folder}`);
  const { human, detector } = await loadKioskHumanNode({ description: true });
  console.log(`eval:face on ${folder} (${files.length} files), backend ${human.tf.getBackend()}, models ${human.models.loaded().join(', ')}`);
  const named: Array<[string, number[]]> = [];
  for (const file of files) {
    console.log(`\n${file}`);
    const path = join(folder, file);
    try {
      const d = isClip(file) ? await evalClip(path, detector) : await evalImage(path, detector);
      if (d) named.push([basename(file), d]);
    } catch (error) {
      console.log(`  error: ${(error as Error).message}`);
    }
  }
  if (named.length > 1) similarityTable(human, named);
  named.length = 0; // the descriptors are dropped with the table
  if (!process.argv.includes('--no-policies')) await policyTable(detector, folder);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
