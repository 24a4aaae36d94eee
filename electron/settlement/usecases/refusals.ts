import { SettlementFailure } from '../errors';

/**
 * For a clean-up step an earlier, abandoned attempt may already have done (2205/2302 clearing
 * fee lines, 2402 discharging): a refusal (infcode ≠ 0) is taken as "nothing to do", whatever
 * its wording, because the step that follows is refused if it really was needed. No answer
 * at all is still an error: the platform may be down.
 */
export async function unlessRefused<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof SettlementFailure && error.refused) return undefined;
    throw error;
  }
}
