import type { TerminalConfig } from '../../shared/config/terminalConfig';

/**
 * When a request can no longer take effect. The gateway refuses a request whose signed
 * timestamp (x-tif-timestamp, which the kiosk sets to the journal row's creation time) is
 * further than the region's window from the platform's clock, so once the kiosk's clock is
 * past creation + window + the largest clock difference we allow, plus one second for the
 * timestamp's whole seconds, the request cannot be accepted any more: only then may "the
 * platform has no record of it" mean "it never happened".
 */
export class FreshnessRule {
  constructor(
    readonly windowMs: number,
    readonly skewMs: number,
  ) {}

  static of(region: Pick<TerminalConfig['region'], 'freshnessWindowSeconds' | 'clockSkewSeconds'>): FreshnessRule {
    return new FreshnessRule(region.freshnessWindowSeconds * 1000, region.clockSkewSeconds * 1000);
  }

  /** After this instant the request signed at `sentAt` can no longer be accepted. */
  deadline(sentAt: string | Date): Date {
    return new Date(new Date(sentAt).getTime() + this.windowMs + this.skewMs + 1000);
  }

  passed(sentAt: string | Date, now: Date): boolean {
    return now.getTime() >= this.deadline(sentAt).getTime();
  }
}
