import { SettlementFailure } from '../errors';
import { orphanBook } from '../reconcile/orphanBook';
import { useCase, type UseCaseContext } from './context';
import { reverseOrphanInput } from '../../../shared/ipc/settlementRequests';
import type { OrphanReversal } from '../../../shared/types/settlement';
export type { OrphanReversal };

const OUTCOME: Record<OrphanReversal['state'], string> = {
  reversed: '已冲正：医保平台已撤销这笔结算，款项退回。',
  unknown: '已交给自动恢复：医保平台暂未确认冲正，终端会继续尝试，结果见诊断页的待处理记录。',
  failed: '医保平台上已没有这笔结算的有效记录，无需冲正。',
  done: '这笔结算已记入本终端流水，未冲正。',
  pending: '这笔结算仍在处理中。',
};

/**
 * Staff reverse an orphan of the latest reconciliation: a platform settlement carrying this
 * terminal's msgid that its journal does not hold as done. Behind their PIN and a reason, the
 * journal's audited hand-over (JournalStaff.reopenForReversal: audit line, row unknown), then
 * recovery's 2601 as for any unknown outcome. Only what the last reconciliation found can be
 * reversed here; the journal itself refuses a msgid it holds as done or still open.
 */
export const reverseOrphan = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, reverseOrphanInput, raw, async (input): Promise<OrphanReversal> => {
    if (!ctx.operators.verify(input.operatorId, input.pin)) throw new SettlementFailure('NOT_AUTHORISED');
    const orphan = orphanBook.get(ctx, input.msgid);
    if (!orphan) throw new SettlementFailure('SETTLEMENT_NOT_FOUND', input.msgid);
    const now = ctx.journal.get(input.msgid)?.state;
    if (now === 'done' || now === 'unknown' || now === 'pending') {
      // The journal has it again since the check (recovery, or another click): no orphan any more.
      orphanBook.forget(ctx, input.msgid);
      throw new SettlementFailure('SETTLEMENT_NOT_FOUND', input.msgid);
    }
    ctx.log(`staff: orphan ${orphan.record.infno} ${orphan.record.msgid} handed to recovery by operator ${input.operatorId}`);
    ctx.staff.reopenForReversal(orphan.record, input.operatorId, input.reason, orphan.platformView);
    orphanBook.forget(ctx, input.msgid);
    // A pass already running when the row was reopened did not see it: one more does.
    for (let pass = 0; pass < 2; pass++) {
      await ctx.recovery.runOnce({ ignoreSchedule: true });
      const row = ctx.journal.get(input.msgid);
      if (row?.state !== 'unknown' || row.attempts > 0) break;
    }
    const state = ctx.journal.get(input.msgid)?.state ?? 'unknown';
    return { msgid: input.msgid, state, explanation: OUTCOME[state] };
  });
