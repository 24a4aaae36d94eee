/**
 * A refusal the platform answers as `infcode: -1`. The message always starts with the field it
 * is about and then the rule, so a hospital's IT team can act on it without the source.
 */
export class PlatformError extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`);
    this.name = 'PlatformError';
  }
}

export function refuse(field: string, rule: string): never {
  throw new PlatformError(field, rule);
}
