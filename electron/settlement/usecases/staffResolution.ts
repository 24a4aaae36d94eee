import { SettlementFailure } from '../errors';
import type { JournalEntry } from '../journal';
import { useCase, type UseCaseContext } from './context';
import { listUnresolvedInput, resolveUnresolvedInput } from '../../../shared/ipc/settlementRequests';
import type { UnresolvedAttemptView } from '../../../shared/types/settlement';
export type { UnresolvedAttemptView };

const WHAT: Record<string, string> = {
  '2207': '门诊结算',
  '2208': '门诊结算撤销',
  '2102': '药店结算',
  '2103': '药店结算撤销',
  '2304': '住院结算',
  '2305': '住院结算撤销',
  '2401': '入院登记',
};

const staffMay = (ctx: UseCaseContext, row: JournalEntry) => row.needsStaff || ctx.clock().getTime() >= ctx.recovery.deadline(row).getTime();

/**
 * The platform's record can be taken as the outcome only when it was read after any 2601 of
 * ours could still arrive: otherwise a late reversal could undo what staff record as settled.
 */
const recordSettles = (ctx: UseCaseContext, row: JournalEntry) =>
  row.platformView?.found === 'valid' &&
  row.platformView.record !== undefined &&
  (row.lastReversalAt === null || new Date(row.platformView.at).getTime() >= ctx.recovery.deadline({ createdAt: row.lastReversalAt }).getTime());

function view(ctx: UseCaseContext, row: JournalEntry): UnresolvedAttemptView {
  return {
    msgid: row.msgid,
    what: WHAT[row.infno] ?? row.infno,
    maskedName: row.maskedName,
    requestedFen: row.requestedFen,
    sentAt: row.createdAt,
    decidableAt: ctx.recovery.deadline(row).toISOString(),
    needsStaff: row.needsStaff,
    platformSays: row.platformView?.summary ?? null,
    platformHasRecord: recordSettles(ctx, row),
    attempts: row.attempts,
    staffMayResolve: staffMay(ctx, row),
  };
}

/** Every attempt not yet final, oldest first: what diagnostics shows staff. */
export const listUnresolved = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, listUnresolvedInput, raw, async (): Promise<UnresolvedAttemptView[]> => ctx.journal.unknown().map((row) => view(ctx, row)));

/**
 * A staff member settles what recovery could not, from what the platform's records show:
 * reversed (undone on the platform, e.g. through its own console), settled (the platform's
 * valid record is taken, and the receipt carries its setl_id), or never happened. Their PIN
 * is checked, the line is audited with who and why, and the patient is free to pay again.
 * A row recovery is still deciding by itself (not listed for staff) cannot be taken over
 * before its window has closed: it may still arrive.
 */
export const resolveUnresolved = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, resolveUnresolvedInput, raw, async (input): Promise<{ msgid: string; state: string }> => {
    if (!ctx.operators.verify(input.operatorId, input.pin)) throw new SettlementFailure('NOT_AUTHORISED');
    const row = ctx.journal.get(input.msgid);
    if (!row || row.state !== 'unknown') throw new SettlementFailure('SETTLEMENT_NOT_FOUND', input.msgid);
    if (!staffMay(ctx, row)) throw new SettlementFailure('SETTLEMENT_PENDING', input.msgid);
    if (input.resolution === 'settled' && !recordSettles(ctx, row)) throw new SettlementFailure('SETTLEMENT_PENDING', input.msgid);
    ctx.log(`staff: ${row.infno} ${row.msgid} resolved as ${input.resolution} by operator ${input.operatorId}`);
    const done = ctx.staff.resolve(input.msgid, input.resolution, input.operatorId, input.reason);
    if (done.state === 'done') await ctx.recovery.runOnce({ ignoreSchedule: true }); // pays what the HIS is owed
    else await ctx.recovery.released(done);
    return { msgid: done.msgid, state: done.state };
  });
