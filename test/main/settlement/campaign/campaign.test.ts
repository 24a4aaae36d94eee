import { DEMO_PERSONS } from '../../../../sandbox/seed/demoPersons';
import { testSeed } from '../../../support/seed';
import { hospitalConfig } from '../engineOptions';
import { startHarness, type Harness } from '../harness';
import { plan, WINDOW_SECONDS, type RoundPlan } from './plan';
import { summary } from './report';
import { executeRound, type Lane, type RunOutcome } from './round';
import { TerminalProcess } from './terminalProcess';

/**
 * The fault campaign. Two terminals of one institution, each in its own process with its own
 * journal, run flows side by side against one sandbox; one fault per run lands at a step
 * (network, platform, late delivery, or a SIGKILL of the terminal's process, also while its
 * request is on the wire); both terminals restart and recover at once, sometimes with the
 * platform down; then an independent check reads the platform's database and every journal.
 *
 * SETTLEMENT_FAULT_RUNS (default 200), SETTLEMENT_FAULT_LANES (independent sandboxes side by
 * side, default 4), SETTLEMENT_FAULT_SEED (overrides FACESETTLE_SEED for this campaign alone;
 * printed either way), SETTLEMENT_FAULT_ROUNDS (e.g. "17,40": only those rounds of the seed's
 * plan, to replay a failure), SETTLEMENT_LOG=1 (the terminals' recovery lines; =sandbox adds every request the sandboxes handle).
 */
const RUNS = Number(process.env.SETTLEMENT_FAULT_RUNS ?? 200);
const LANES = Number(process.env.SETTLEMENT_FAULT_LANES ?? 4);
const SEED = process.env.SETTLEMENT_FAULT_SEED ? Number(process.env.SETTLEMENT_FAULT_SEED) : testSeed('fault campaign');
const ONLY = process.env.SETTLEMENT_FAULT_ROUNDS?.split(',').map(Number);

/** The sandbox of a lane or of one inpatient round, on the campaign's short window, its wordings replayable. */
const sandbox = (salt: number): Promise<Harness> =>
  startHarness(hospitalConfig, undefined, {
    tifWindowSeconds: WINDOW_SECONDS,
    wordingSeed: (SEED + salt * 7919) >>> 0,
    ...(process.env.SETTLEMENT_LOG === 'sandbox' ? { log: (line: string) => process.stderr.write(`${new Date().toISOString()} sandbox ${line}\n`) } : {}),
  });

jest.setTimeout(30 * 60_000);

describe('fault campaign', () => {
  it(`keeps every bill settled exactly once or not at all (${RUNS} randomized runs, seed ${SEED})`, async () => {
    if (process.env.SETTLEMENT_FAULT_SEED) process.stdout.write(`fault campaign: seed ${SEED} (SETTLEMENT_FAULT_SEED)\n`);
    const rounds = plan(SEED, RUNS, LANES).filter((r) => !ONLY || ONLY.includes(r.index));
    const initial = new Map(DEMO_PERSONS.map((p) => [p.psnNo, p.accountBalanceFen]));
    const outcomes: RunOutcome[] = [];
    const problems: string[] = [];
    let outageHits = 0;
    const started = Date.now();
    const lanes: Lane[] = await Promise.all(
      Array.from({ length: LANES }, async (_, i) => ({ h: await sandbox(i), terminals: [new TerminalProcess(`lane ${i} A`), new TerminalProcess(`lane ${i} B`)] as Lane['terminals'] })),
    );

    async function play(lane: Lane, round: RoundPlan): Promise<boolean> {
      // An inpatient round needs the demo hospital's stays as new: a sandbox of its own.
      const h = round.fresh ? await sandbox(LANES + round.index) : lane.h;
      try {
        const result = await executeRound(lane, round, h, initial);
        outcomes.push(...result.runs);
        outageHits += result.outageHits;
        const what = result.runs.map((o) => `${o.run.flow} ${o.run.infno} ${o.run.fault} → ${o.outcome}, ${o.category}`).join(' | ');
        problems.push(...result.problems.map((p) => `round ${round.index} (${what}; seed ${SEED}, replay with SETTLEMENT_FAULT_SEED=${SEED} SETTLEMENT_FAULT_ROUNDS=${round.index}): ${p}`));
        return result.problems.length === 0;
      } finally {
        if (round.fresh) await h.close();
      }
    }

    try {
      await Promise.all(
        lanes.map(async (lane, i) => {
          for (const round of rounds.filter((r) => r.lane === i)) {
            // A violation leaves the lane's platform and journals in a state later rounds would only muddle.
            if (!(await play(lane, round))) return;
          }
        }),
      );
    } finally {
      await Promise.all(lanes.flatMap((lane) => lane.terminals.map((t) => t.close())));
      await Promise.all(lanes.map((lane) => lane.h.close()));
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    const starts = lanes.reduce((n, lane) => n + lane.terminals.reduce((m, t) => m + t.starts, 0), 0);
    const outages = rounds.filter((r) => r.outage).length;
    console.log(summary(outcomes, { seed: SEED, lanes: LANES, seconds, rounds: rounds.length, outages, outageHits, starts, problems }));
    expect(problems).toEqual([]);
    // A campaign whose faults mostly missed would prove little: most runs must count.
    if (!ONLY) expect(outcomes.filter((o) => o.category === 'counted').length).toBeGreaterThanOrEqual(Math.floor(outcomes.length * 0.6));
  });
});
