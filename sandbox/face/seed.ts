import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PERSONS, type DemoPerson } from '../seed/demoPersons';
import type { FaceEngine } from './engine';
import type { TemplateStore } from './store';

export interface FaceSeedReport {
  enrolled: string[];
  alreadyEnrolled: string[];
  skipped: { psnNo: string; reason: string }[];
}

/**
 * Enrols the demo persons that have a fixture photo. Idempotent: a person with a seeded
 * template is left alone. Without the fixtures folder nothing is enrolled and the sandbox
 * still runs (QR codes and ID numbers remain).
 */
export async function seedDemoFaces(
  engine: FaceEngine,
  templates: TemplateStore,
  fixturesDir: string,
  now: () => number,
  persons: readonly DemoPerson[] = DEMO_PERSONS,
): Promise<FaceSeedReport> {
  const report: FaceSeedReport = { enrolled: [], alreadyEnrolled: [], skipped: [] };
  for (const person of persons) {
    if (!person.faceFixture) continue;
    if (templates.hasSeed(person.psnNo)) {
      report.alreadyEnrolled.push(person.psnNo);
      continue;
    }
    const file = join(fixturesDir, person.faceFixture);
    if (!existsSync(file)) {
      report.skipped.push({ psnNo: person.psnNo, reason: `no ${person.faceFixture} in ${fixturesDir}` });
      continue;
    }
    const reading = await engine.readJpeg(readFileSync(file));
    if (reading.kind !== 'descriptor') {
      report.skipped.push({ psnNo: person.psnNo, reason: `${person.faceFixture}: ${reading.kind}` });
      continue;
    }
    templates.add(person.psnNo, 'seed', reading.descriptor, now());
    report.enrolled.push(person.psnNo);
  }
  return report;
}
