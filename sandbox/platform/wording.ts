import { randomInt } from 'node:crypto';
import type { Rule } from './errors';

/**
 * How the platform words its answers. Real provincial platforms answer refusals in free Chinese
 * text with no public catalogue (spec §4), so the sandbox varies the wording on purpose: a client
 * must decide from `infcode`, queries and time, never from `err_msg`. Seeded, the choices repeat
 * request for request, which makes a failing run reproducible.
 */
export interface Wording {
  /** The seed in use (drawn at random when none was given), for logs and reproduction. */
  readonly seed: number;
  /** The err_msg of a refusal: the field and one wording of the rule, in one of several framings. */
  refusal(field: string, rule: Rule): string;
  pick<T>(choices: readonly T[]): T;
}

type Framing = (field: string, rule: string) => string;

const FRAMINGS: readonly Framing[] = [
  (field, rule) => `交易失败：${field}，${rule}`,
  (field, rule) => `${field}校验未通过，${rule}`,
  (field, rule) => `业务处理失败，原因：${rule}（${field}）`,
  (field, rule) => `请求被拒绝——${rule}【${field}】`,
  (field, rule) => `【${field}】${rule}`,
  (field, rule) => `处理失败！字段${field}：${rule}`,
  (field, rule) => `${rule}，请核对${field}`,
];

/** mulberry32: small, fast and good enough to pick wordings; not for secrets. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function createWording(seed?: number): Wording {
  const used = seed ?? randomInt(0, 2 ** 31);
  if (!Number.isSafeInteger(used)) throw new Error(`wordingSeed must be a whole number, not ${seed}`);
  const next = generator(used);
  const pick = <T>(choices: readonly T[]): T => choices[Math.floor(next() * choices.length)]!;
  return {
    seed: used,
    pick,
    refusal(field, rule) {
      const text = typeof rule === 'string' ? rule : pick(rule);
      return pick(FRAMINGS)(field, text);
    },
  };
}
