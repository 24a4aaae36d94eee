import { resolve } from 'node:path';

/**
 * The face service's settings. The similarity thresholds come from measurements on the shared
 * fixtures (table in README.md); `human.match.similarity` with its defaults, 0..1.
 */
export interface FaceServiceConfig {
  /** At or above: a clear match, the token is issued without a second factor. */
  clearMatchSimilarity: number;
  /** At or above (and below clear): a candidate, the person must give a second factor. */
  candidateSimilarity: number;
  /** A clear best match still needs a second factor if another person scores within this margin. */
  clearMargin: number;
  /** Most candidates a second factor is checked against. */
  maxCandidates: number;
  /** Wrong second-factor answers before the authentication is burnt. */
  maxSecondFactorAttempts: number;
  /** Lifetime of an ecToken (one visit). */
  tokenTtlMinutes: number;
  /** Lifetime of an authNo between ec.auth and auth.check. */
  authTtlSeconds: number;
  /** Lifetime of a demo e-voucher QR code. */
  qrTtlSeconds: number;
  /** Area code tokens and QR codes begin with (the demo region, Xianning). */
  areaCode: string;
  /** Where the demo persons' enrolment photos are; the seed skips them when absent. */
  fixturesDir: string;
  /** The image is shrunk to this longer side before the face is located. */
  detectMaxSide: number;
  /** Side of the square crop around the face, as a multiple of the detected box's longer side. */
  cropScale: number;
  /** The square crop is shrunk to this side before the descriptor is computed. */
  describeMaxSide: number;
  /** Faces whose box is smaller than this (pixels, original image) are not counted. */
  minFaceSidePx: number;
}

/** Project root: this file is sandbox/face/config.ts. */
const PROJECT_ROOT = resolve(__dirname, '..', '..');

export const DEFAULT_FACE_CONFIG: FaceServiceConfig = {
  clearMatchSimilarity: 0.5,
  candidateSimilarity: 0.35,
  clearMargin: 0.08,
  maxCandidates: 5,
  maxSecondFactorAttempts: 3,
  tokenTtlMinutes: 30,
  authTtlSeconds: 300,
  qrTtlSeconds: 120,
  areaCode: '421200',
  fixturesDir: resolve(PROJECT_ROOT, '..', 'shared', 'fixtures', 'faces'),
  detectMaxSide: 480,
  cropScale: 2.5,
  describeMaxSide: 400,
  minFaceSidePx: 40,
};

/** Defaults, then the environment (FACESETTLE_FACE_FIXTURES), then the caller's overrides. */
export function resolveFaceConfig(overrides: Partial<FaceServiceConfig> = {}, env = process.env): FaceServiceConfig {
  const fromEnv: Partial<FaceServiceConfig> = env['FACESETTLE_FACE_FIXTURES']
    ? { fixturesDir: resolve(env['FACESETTLE_FACE_FIXTURES']) }
    : {};
  const config = { ...DEFAULT_FACE_CONFIG, ...fromEnv, ...overrides };
  if (!(config.candidateSimilarity <= config.clearMatchSimilarity)) {
    throw new Error('face config: candidateSimilarity must not exceed clearMatchSimilarity');
  }
  return config;
}
