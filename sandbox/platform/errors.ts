/**
 * A rule in plain Chinese. A list holds several wordings of the same rule: each answer picks one
 * at random, so a client that matches error text breaks here before it breaks in production.
 */
export type Rule = string | readonly string[];

/**
 * A refusal the platform answers as `infcode: -1`. The answer always names the field it is about
 * and states the rule, so a hospital's IT team can act on it without the source; how the two are
 * framed is chosen per answer (see wording.ts), as a real platform has no fixed catalogue.
 */
export class PlatformError extends Error {
  constructor(
    readonly field: string,
    readonly rule: Rule,
    /** A stable name of the cause, kept with the message record; never on the wire (spec §4). */
    readonly causeCode?: string,
  ) {
    super(`${field}：${typeof rule === 'string' ? rule : rule[0]}`);
    this.name = 'PlatformError';
  }
}

export function refuse(field: string, rule: Rule, causeCode?: string): never {
  throw new PlatformError(field, rule, causeCode);
}
