import { DEMO_PERSONS } from '../../../../sandbox/seed/demoPersons';
import { seededRandom } from '../../../support/seed';
import { FAMILY_PATIENTS, FLOWS, STAY_HOLDERS, type FlowSpec } from './flows';

/**
 * The campaign's plan, fully determined by its seed: which rounds run where, each round's two
 * runs (one per terminal of one institution, side by side), every fault with its latency and
 * its Chinese wording. Timing decides what a run meets; the plan never depends on it.
 */

/** The gateway window the campaign's sandboxes and terminals agree on (same machine: no skew). */
export const WINDOW_SECONDS = 2;
export const SKEW_SECONDS = 0;
/** The kiosk's wait for the faulted call and for 2601: well inside the window. */
export const CLIENT_TIMEOUT_MS = 800;
/** After this long past a row's creation, no request signed for it can be accepted any more. */
export const DEADLINE_MS = (WINDOW_SECONDS + SKEW_SECONDS + 1) * 1000;

export const STEP_FAULTS = [
  'timeout',
  'late',
  'drop',
  'commit-then-drop',
  'error',
  'kill-after-journal',
  'kill-after-answer',
  'kill-on-wire',
] as const;
export type StepFault = (typeof STEP_FAULTS)[number];
/** At a step before the journaled one only the network can fail: there is nothing to kill around. */
const EARLY_FAULTS = ['timeout', 'drop', 'commit-then-drop', 'error'] as const satisfies readonly StepFault[];

export type RecoveryFault =
  /** The first 2601 this terminal's recovery sends meets a fault of its own. */
  | { kind: 'reversal'; mode: 'timeout' | 'drop' | 'commit-then-drop' | 'error'; latencyMs: number; errMsg: string }
  /** The platform is down for this terminal's first `calls` 2601, 5203 and 5201 each. */
  | { kind: 'down'; mode: 'drop' | 'error'; calls: number; errMsg: string };

export interface RunPlan {
  /** Global: round * 2 + terminal. */
  index: number;
  round: number;
  terminal: 0 | 1;
  flow: string;
  infno: string;
  /** The faulted step writes a journal row first. */
  reversible: boolean;
  fault: StepFault;
  /** Index into DEMO_PERSONS. */
  person: number;
  /** For timeout, late and kill-on-wire: how long the sandbox holds the request before handling it. */
  latencyMs: number;
  /** For error: never a catalogued wording. */
  errMsg: string;
  httpStatus?: number;
  recoveryFault?: RecoveryFault;
}

export interface RoundPlan {
  index: number;
  lane: number;
  counter: FlowSpec['counter'];
  /** An inpatient flow takes part: the round gets a sandbox of its own. */
  fresh: boolean;
  runs: [RunPlan, RunPlan];
  /** The platform down for everyone at the restart (every fifth round): its first `calls` requests of any kind. */
  outage?: { mode: 'drop' | 'error'; calls: number; errMsg: string };
}

/**
 * Common ideographs, drawn at random into err_msg texts no client can have catalogued: recovery
 * has to decide from infcode, records and time.
 */
const IDEOGRAPHS =
  '的一是不了人在有这中大来上个国到说们为子和地出道也时年得就那要下以生会自着去之过家学对可里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济';
const SEPARATORS = ['：', '，', '；', '（', '、', '—'];

type Random = () => number;

function chinese(next: Random): string {
  const word = (n: number) => Array.from({ length: n }, () => IDEOGRAPHS[Math.floor(next() * IDEOGRAPHS.length)]).join('');
  const parts = 2 + Math.floor(next() * 3);
  return Array.from({ length: parts }, () => word(2 + Math.floor(next() * 7))).join(SEPARATORS[Math.floor(next() * SEPARATORS.length)]!);
}

const between = (next: Random, low: number, high: number) => low + Math.floor(next() * (high - low));
/** Processed after the client gave up but well inside the window, even on a slow machine. */
const withinWindow = (next: Random) => between(next, CLIENT_TIMEOUT_MS + 300, CLIENT_TIMEOUT_MS + 700);
/** Handled at least half a second after the last instant the gateway could accept it. */
const afterWindow = (next: Random) => between(next, DEADLINE_MS + 500, DEADLINE_MS + 1000);

interface Combo {
  flow: FlowSpec;
  infno: string;
  fault: StepFault;
}

function recoveryFault(next: Random, reversible: boolean): RecoveryFault | undefined {
  if (!reversible) return undefined;
  const r = next();
  if (r < 0.3) {
    const mode = (['timeout', 'drop', 'commit-then-drop', 'error'] as const)[Math.floor(next() * 4)]!;
    return { kind: 'reversal', mode, latencyMs: withinWindow(next), errMsg: chinese(next) };
  }
  if (r < 0.5) return { kind: 'down', mode: next() < 0.5 ? 'drop' : 'error', calls: between(next, 2, 6), errMsg: chinese(next) };
  return undefined;
}

/**
 * Two different patients for the two terminals: a stay holder for an inpatient flow, a member
 * the family payer is bound to for a family flow (共济), anyone insured otherwise; the narrower
 * pool chooses first.
 */
function persons(next: Random, pair: [Combo, Combo]): [number, number] {
  const insured = DEMO_PERSONS.flatMap((p, i) => (p.insured ? [i] : []));
  const poolOf = (flow: FlowSpec): number[] => (flow.fresh ? [...STAY_HOLDERS] : flow.family ? [...FAMILY_PATIENTS] : insured);
  const chosen: number[] = [];
  for (const i of poolOf(pair[1].flow).length < poolOf(pair[0].flow).length ? [1, 0] : [0, 1]) {
    const pool = poolOf(pair[i]!.flow).filter((p) => !chosen.includes(p));
    chosen[i] = pool[Math.floor(next() * pool.length)]!;
  }
  return chosen as [number, number];
}

function run(next: Random, combo: Combo, round: number, terminal: 0 | 1, person: number): RunPlan {
  const reversible = combo.flow.reversible.includes(combo.infno);
  const latencyMs = combo.fault === 'late' || (combo.fault === 'kill-on-wire' && next() < 0.5) ? afterWindow(next) : withinWindow(next);
  const errMsg = chinese(next);
  const httpStatus = combo.fault === 'error' && next() < 1 / 3 ? 503 : undefined;
  const rf = recoveryFault(next, reversible);
  return {
    index: round * 2 + terminal,
    round,
    terminal,
    flow: combo.flow.name,
    infno: combo.infno,
    reversible,
    fault: combo.fault,
    person,
    latencyMs,
    errMsg,
    ...(httpStatus ? { httpStatus } : {}),
    ...(rf ? { recoveryFault: rf } : {}),
  };
}

function randomCombo(next: Random, counter: FlowSpec['counter']): Combo {
  const flows = Object.values(FLOWS).filter((f) => f.counter === counter);
  const flow = flows[Math.floor(next() * flows.length)]!;
  const early = flow.steps.filter((s) => !flow.reversible.includes(s));
  if (early.length > 0 && next() < 0.12) {
    return { flow, infno: early[Math.floor(next() * early.length)]!, fault: EARLY_FAULTS[Math.floor(next() * EARLY_FAULTS.length)]! };
  }
  return { flow, infno: flow.reversible[Math.floor(next() * flow.reversible.length)]!, fault: STEP_FAULTS[Math.floor(next() * STEP_FAULTS.length)]! };
}

/**
 * Every (flow, journaled step, fault) once, shuffled and paired by institution, then random
 * rounds up to `runs` runs (rounded up to whole rounds of two).
 */
export function plan(seed: number, runs: number, lanes: number): RoundPlan[] {
  const next = seededRandom(seed);
  const combos: Combo[] = Object.values(FLOWS).flatMap((flow) => flow.reversible.flatMap((infno) => STEP_FAULTS.map((fault) => ({ flow, infno, fault }))));
  for (let i = combos.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [combos[i], combos[j]] = [combos[j]!, combos[i]!];
  }
  const pairs: [Combo, Combo][] = [];
  const waiting = new Map<string, Combo>();
  for (const combo of combos) {
    const partner = waiting.get(combo.flow.counter);
    if (partner) {
      pairs.push([partner, combo]);
      waiting.delete(combo.flow.counter);
    } else waiting.set(combo.flow.counter, combo);
  }
  for (const [counter, combo] of waiting) pairs.push([combo, randomCombo(next, counter as FlowSpec['counter'])]);
  while (pairs.length * 2 < runs) {
    const counter = next() < 0.25 ? 'pharmacy' : 'hospital';
    pairs.push([randomCombo(next, counter), randomCombo(next, counter)]);
  }
  return pairs.slice(0, Math.max(1, Math.ceil(runs / 2))).map((pair, index) => {
    const [a, b] = persons(next, pair);
    // Every fifth round, so that no seed leaves the platform-wide outage out.
    const outage = index % 5 === 4 ? { mode: next() < 0.5 ? ('drop' as const) : ('error' as const), calls: between(next, 3, 9), errMsg: chinese(next) } : undefined;
    return {
      index,
      lane: index % lanes,
      counter: pair[0].flow.counter,
      fresh: pair.some((c) => c.flow.fresh),
      runs: [run(next, pair[0], index, 0, a), run(next, pair[1], index, 1, b)],
      ...(outage ? { outage } : {}),
    };
  });
}
