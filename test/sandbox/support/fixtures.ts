import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared face fixtures sit beside the project (../shared/fixtures/faces), read-only. */
export const FACE_FIXTURES_DIR = resolve(__dirname, '../../../../shared/fixtures/faces');
export const haveFaceFixtures = existsSync(join(FACE_FIXTURES_DIR, 'person_a_obama_1.jpg'));

/** `describe`, or `describe.skip` with a note saying why, when the fixtures are absent. */
export const describeWithFaces: jest.Describe = haveFaceFixtures
  ? describe
  : (((name: string, fn: () => void) => {
      describe.skip(`${name} (skipped: face fixtures not found at ${FACE_FIXTURES_DIR})`, fn);
    }) as jest.Describe);

export function readFixture(name: string): Buffer {
  return readFileSync(join(FACE_FIXTURES_DIR, name));
}
