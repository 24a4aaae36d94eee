import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../sandbox';
import { testSeed } from '../../support/seed';
import { TestPlatformClient } from './client';

export const HOSPITAL = { code: 'H42120200001', name: '咸宁市演示医院' };
export const PHARMACY = { code: 'P42120200001', name: '咸宁市演示大药房' };

export interface TestSandbox {
  sandbox: RunningSandbox;
  dataDir: string;
  hospital: TestPlatformClient;
  pharmacy: TestPlatformClient;
  admin(path: string, init?: RequestInit): Promise<{ status: number; body: any }>;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * A real sandbox on 127.0.0.1:0 over a temp folder, without the face service or hospital system.
 * Its refusals are worded at random like a real platform's; the seed is the tests' seed (printed),
 * so a run that fails on some wording replays with the same wordings.
 */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'facesettle-sandbox-'));
  const wordingSeed = options.wordingSeed ?? testSeed('sandbox wordings');
  const sandbox = await startSandbox({ log: () => {}, parts: { face: false, his: false }, ...options, dataDir, wordingSeed });
  const credentials = { paasId: sandbox.paasId, secret: sandbox.secret };
  const clock = options.clock;
  const hospital = new TestPlatformClient(sandbox.url, credentials, HOSPITAL, clock);
  const pharmacy = new TestPlatformClient(sandbox.url, credentials, PHARMACY, clock);
  return {
    sandbox,
    dataDir,
    hospital,
    pharmacy,
    async admin(path, init) {
      const response = await fetch(`${sandbox.url}/sandbox/admin${path}`, {
        ...init,
        headers: init?.body ? { 'content-type': 'application/json' } : undefined,
      });
      return { status: response.status, body: await response.json() };
    },
    async stop(stopOptions = {}) {
      await sandbox.close();
      if (!stopOptions.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
