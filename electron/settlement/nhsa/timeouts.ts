/**
 * How long to wait for each transaction. Public clients use 20-120 s with no spec value
 * (spec §4); settlements get the longest wait because giving up turns a probably-successful
 * settlement into an unknown outcome that must be reversed. Tests shorten them.
 */
export type Timeouts = { default: number } & Partial<Record<string, number>>;

export const DEFAULT_TIMEOUTS: Timeouts = {
  default: 20_000,
  '1101': 10_000,
  '9001': 10_000,
  '9002': 10_000,
  '2102': 60_000,
  '2207': 60_000,
  '2304': 60_000,
  '2601': 30_000,
  '3201': 60_000,
};

export function timeoutFor(timeouts: Timeouts, infno: string): number {
  return timeouts[infno] ?? timeouts.default;
}
