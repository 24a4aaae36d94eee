import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_RECOVERY_ROW_TIMEOUT_MS } from '../../../electron/settlement/engine';
import { leaveUnresolved, strangers } from '../../tools/unresolvedRows';
import { hospitalConfig, startHarness, type Harness } from './harness';

/**
 * The per-row limit of a recovery pass: a production engine (startCore gives none) waits at most
 * 15 s on one row, as README "Start-up" promises; 0, given explicitly, waits for the row however
 * long its calls take.
 */
let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

it('is 15 s unless given, as README "Start-up" says', () => {
  expect(DEFAULT_RECOVERY_ROW_TIMEOUT_MS).toBe(15_000);
  expect(h.engine({ dbPath: `${h.dir}/default.db` }).recovery.rowTimeoutMs).toBe(DEFAULT_RECOVERY_ROW_TIMEOUT_MS);
  expect(h.engine({ dbPath: `${h.dir}/given.db`, recoveryRowTimeoutMs: 400 }).recovery.rowTimeoutMs).toBe(400);
  const startUp = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8').split('## Start-up')[1]!.split('\n## ')[0]!;
  expect(startUp).toContain(`at most ${DEFAULT_RECOVERY_ROW_TIMEOUT_MS / 1000} s per row`);
});

it('0 given explicitly: the start-up pass waits for a row the platform holds', async () => {
  const config = { ...hospitalConfig, terminal: { ...hospitalConfig.terminal, id: 'NOLIMIT-01', slot: '08' } };
  const dir = `${h.dir}/no-limit`;
  const [held] = leaveUnresolved(dir, config, strangers(1));
  const engine = h.engine({ config, dbPath: `${dir}/kiosk.db`, recoveryRowTimeoutMs: 0 });
  // Kept as 0 (no limit), not replaced by the default.
  expect(engine.recovery.rowTimeoutMs).toBe(0);
  await h.admin.fault({ infno: '2601', mode: 'latency', latencyMs: 1_200, times: 1 });
  const started = Date.now();
  await engine.start();
  expect(Date.now() - started).toBeGreaterThanOrEqual(1_200);
  // Its 2601 was answered within the pass (refused: the platform never saw the request), not left in flight.
  expect(engine.ctx.journal.get(held!)?.attempts).toBe(1);
}, 30_000);
