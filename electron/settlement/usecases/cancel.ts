import { staffOperator } from '../counterOperator';
import { SettlementFailure } from '../errors';
import { reopenDebtOf } from '../his/debts';
import { amountsOf, parseSetlinfo } from '../nhsa/setlinfo';
import { settlementReceipt } from '../receipts';
import { useCase, type UseCaseContext } from './context';
import { orPendingReceipt, settleHisDebt, type SettleResult } from './settle';
import { cancelSettlementInput } from '../../../shared/ipc/settlementRequests';
import { negateFen } from '../../../shared/money';

/** Which business cancel undoes which settlement. */
const CANCEL_OF = { '2207': '2208', '2102': '2103', '2304': '2305' } as const;

/**
 * Cancels a settlement this kiosk made (2208 / 2103 / 2305), behind a staff member's PIN.
 * The cancel is itself reversible and goes through the journal like a settlement; its lock
 * key is the original setl_id, so one settlement never has two cancels in flight. The platform
 * records the refund as that staff member's (opter_type 1, their own sign_no), whoever runs
 * the counter; reversing a lost cancel later is recovery's, the terminal's.
 */
export const cancelSettlement = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, cancelSettlementInput, raw, async (input): Promise<SettleResult> => {
    if (!ctx.operators.verify(input.operatorId, input.pin)) throw new SettlementFailure('NOT_AUTHORISED');
    const original = ctx.journal.bySetlId(input.setlId);
    if (!original || !(original.infno in CANCEL_OF)) throw new SettlementFailure('SETTLEMENT_NOT_FOUND');
    // Cancelled already (its cancel is done in the journal): sending 2208 again could only be refused, and
    // that refusal would read as "the settlement stands". Said as it is, with the cancel's number, before sending.
    const cancelledBy = ctx.today.cancelOf(original.msgid);
    if (cancelledBy) throw new SettlementFailure('ALREADY_CANCELLED', undefined, undefined, false, { setlId: cancelledBy.setlId ?? cancelledBy.msgid });
    const infno = CANCEL_OF[original.infno as keyof typeof CANCEL_OF];
    const hisDebt = reopenDebtOf(original.detail, input.setlId);
    ctx.log(`cancel: ${original.setlId} by operator ${input.operatorId}`);
    return orPendingReceipt(ctx, async () => {
      const { row } = await ctx.gateway.as(staffOperator(ctx.config, input.operatorId)).reversible(
        {
          infno,
          subject: `cancel:${input.setlId}`,
          psnNo: original.psnNo,
          insuplcAdmdvs: original.insuplcAdmdvs,
          maskedName: original.maskedName,
          ...(original.mdtrtId ? { mdtrtId: original.mdtrtId } : {}),
          ...(original.insutype ? { insutype: original.insutype } : {}),
          ...(original.amounts ? { requestedFen: negateFen(original.amounts.medfeeSumamt) } : {}),
          // Family payment (issue 15): the cancel names the relative too; the platform restores both accounts.
          ...(original.payer ? { payer: original.payer } : {}),
          detail: { cancels: original.msgid, cancelsSetlId: input.setlId, operatorId: input.operatorId, items: original.detail.items ?? [], ...(hisDebt ? { hisDebt } : {}) },
        },
        { data: { setl_id: input.setlId, mdtrt_id: original.mdtrtId ?? '', psn_no: original.psnNo } },
        (answer) => {
          const setl = parseSetlinfo(answer.output.setlinfo);
          if (!setl.setlId) throw new Error('no setl_id in the cancel answer');
          return {
            outcome: {
              setlId: setl.setlId,
              setlTime: setl.setlTime,
              amounts: amountsOf(setl),
              clrType: setl.clrType || (original.clrType ?? ''),
              clrOptins: setl.clrOptins || (original.clrOptins ?? ''),
              insutype: setl.insutype || (original.insutype ?? ''),
              hisOwed: hisDebt !== undefined,
            },
            value: setl,
          };
        },
      );
      await settleHisDebt(ctx, row.msgid);
      return { status: 'settled', receipt: settlementReceipt(ctx.config, row) };
    });
  });
