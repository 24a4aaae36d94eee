import { confirmCashTakenInput } from '../../../shared/ipc/staffDeskRequests';
import type { CashTaken } from '../../../shared/types/staffDesk';
import { SettlementFailure } from '../errors';
import { PAYMENT_INFNOS } from '../journalToday';
import { useCase, type UseCaseContext } from './context';
import { verifyCounterPin } from './staffDesk';

/**
 * The cashier confirms that the patient handed over the cash part of a settlement. It moves no
 * money on the platform (2207 already settled the split); it is the cashier's word, given with
 * their PIN on the staff side, so a patient's tap can never say the cash was paid. A wrong PIN
 * records nothing and leaves the settlement as it was; confirming twice answers the first.
 */
export const confirmCashTaken = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, confirmCashTakenInput, raw, async (input): Promise<CashTaken> => {
    const operator = verifyCounterPin(ctx, input.operatorId, input.pin);
    const row = ctx.journal.bySetlId(input.setlId);
    if (!row || !row.amounts || !(PAYMENT_INFNOS as readonly string[]).includes(row.infno)) throw new SettlementFailure('SETTLEMENT_NOT_FOUND');
    const record = ctx.cash.record(row.msgid, input.setlId, row.amounts.psnCashPay, operator.id);
    ctx.log(`cash: ${row.msgid} cash taken, confirmed by operator ${record.operatorId}`);
    const name = ctx.config.operators.find((o) => o.id === record.operatorId)?.name ?? record.operatorId;
    return { setlId: input.setlId, msgid: row.msgid, cashFen: record.cashFen, operator: { id: record.operatorId, name }, at: record.at };
  });
