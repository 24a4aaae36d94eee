import { PROBLEM_KINDS } from './invariants';
import { STEP_FAULTS } from './plan';
import type { RunOutcome } from './round';

/**
 * The campaign's printed summary: counted runs per (flow, step) × fault with how the faulted
 * request ended, the runs not counted and why, what the patients saw, and the recovery figures.
 */
const LETTER: Record<string, string> = {
  'reversed by 2601': 'R',
  'reversed per query': 'Q',
  'never happened (window closed)': 'N',
  'done (answer)': 'D',
  refused: 'F',
};

const SHORT: Record<(typeof STEP_FAULTS)[number], string> = {
  timeout: 'timeout',
  late: 'late',
  drop: 'drop',
  'commit-then-drop': 'commit+drop',
  error: 'error',
  'kill-after-journal': 'kill@journal',
  'kill-after-answer': 'kill@answer',
  'kill-on-wire': 'kill@wire',
};

function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort().map(([v, n]) => `${v} ${n}`).join(', ');
}

function matrix(counted: RunOutcome[]): string {
  const rows = [...new Set(counted.map((o) => `${o.run.flow} ${o.run.infno}`))].sort();
  const cell = (key: string, fault: string) => {
    const here = counted.filter((o) => `${o.run.flow} ${o.run.infno}` === key && o.run.fault === fault);
    if (here.length === 0) return '-';
    const letters = new Map<string, number>();
    for (const o of here) {
      const letter = LETTER[o.resolution ?? ''] ?? 'S';
      letters.set(letter, (letters.get(letter) ?? 0) + 1);
    }
    return `${here.length} ${[...letters].sort().map(([l, n]) => `${l}${n}`).join('')}`;
  };
  const width = 13;
  const head = `${'flow step'.padEnd(28)}${STEP_FAULTS.map((f) => SHORT[f].padEnd(width)).join('')}`;
  const lines = rows.map((key) => `${key.padEnd(28)}${STEP_FAULTS.map((f) => cell(key, f).padEnd(width)).join('')}`);
  return [head, ...lines].join('\n');
}

export interface CampaignMeta {
  seed: number;
  lanes: number;
  seconds: number;
  rounds: number;
  /** Rounds with the platform down for both terminals at the restart, and the requests it turned away. */
  outages: number;
  outageHits: number;
  /** Terminal processes started (one per lane terminal, plus one per kill). */
  starts: number;
  /** Every violation the independent check found, each led by its kind. */
  problems: string[];
}

export function summary(outcomes: RunOutcome[], meta: CampaignMeta): string {
  const counted = outcomes.filter((o) => o.category === 'counted');
  const notCounted = outcomes.filter((o) => o.category !== 'counted');
  const resolutions = counted.map((o) => o.resolution ?? 'none');
  const withRecoveryFault = counted.filter((o) => o.recoveryFaultLanded);
  const recoveryMs = outcomes.map((o) => o.recovery.ms).sort((a, b) => a - b);
  const slowest = outcomes.find((o) => o.recovery.ms === recoveryMs.at(-1));
  const staffFlags = outcomes.reduce((n, o) => n + o.recovery.staffFlags, 0);
  const flagged = outcomes.filter((o) => o.recovery.staffFlags > 0);
  const kinds = PROBLEM_KINDS.map((kind) => `${kind} ${meta.problems.filter((p) => p.includes(`: ${kind}: `) || p.startsWith(`${kind}: `)).length}`).join(', ');
  const faultsOf = (o: RunOutcome) => `${o.run.recoveryFault ? `${o.run.recoveryFault.kind} ${o.run.recoveryFault.mode}` : 'no 2601/query fault'}${o.outage ? ' + outage' : ''}`;
  return [
    `fault campaign: ${outcomes.length} runs (${meta.rounds} rounds of two terminals side by side) in ${meta.lanes} lanes, seed ${meta.seed}, ${meta.seconds} s; ${meta.starts} terminal processes started`,
    `counted (fault landed after a journal row existed): ${counted.length}; not counted: ${notCounted.length} (${tally(notCounted.map((o) => o.category))})`,
    `independent check after every round: ${kinds}`,
    `how the faulted requests ended (counted runs): ${tally(resolutions)}`,
    `recovery under fault: ${withRecoveryFault.length} counted runs met a 2601/query fault of their own (${tally(withRecoveryFault.map((o) => `${o.run.recoveryFault!.kind} ${o.run.recoveryFault!.mode}`))}); ` +
      `${meta.outages} rounds with the platform down for both terminals at the restart (${meta.outageHits} requests turned away); ` +
      `rows listed for staff on the way and then settled by recovery: ${staffFlags}${flagged.length ? ` (${tally(flagged.map(faultsOf))}; rounds ${flagged.map((o) => o.run.round).join(', ')})` : ''}; ` +
      `recovery per terminal median ${recoveryMs[Math.floor(recoveryMs.length / 2)] ?? 0} ms, max ${recoveryMs.at(-1) ?? 0} ms${slowest ? ` (round ${slowest.run.round})` : ''}`,
    '',
    'counted runs per flow step x fault: n, then R reversed by 2601, Q reversed per query, N never happened (window closed), D done by its answer, F refused, S anything else',
    matrix(counted),
    '',
    'what the patient saw, per fault (all runs):',
    ...STEP_FAULTS.map((fault) => `  ${fault.padEnd(19)}${tally(outcomes.filter((o) => o.run.fault === fault).map((o) => o.outcome))}`),
    '',
    'not counted:',
    ...[...new Set(notCounted.map((o) => `${o.category}: ${o.run.flow} ${o.run.infno} ${o.run.fault}`))]
      .sort()
      .map((key) => `  ${String(notCounted.filter((o) => `${o.category}: ${o.run.flow} ${o.run.infno} ${o.run.fault}` === key).length).padStart(3)}  ${key}`),
  ].join('\n');
}
