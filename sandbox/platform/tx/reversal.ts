import { insuredPerson, type TxDefinition } from '../context';
import { CAUSES, visitStateText } from '../causes';
import { refuse } from '../errors';
import { reverseSettlement } from '../ledger';
import type { MessageRow, SettlementRow, VisitRow } from '../store';
import { cancelAdmission } from './inpatient';

/** The transactions 2601 may reverse (spec §2.6). */
export const REVERSIBLE_INFNOS = ['2102', '2103', '2207', '2208', '2304', '2305', '2401'] as const;

/**
 * 2601: undo a reversible transaction named by its msgid, as if it had never been received.
 * An original the platform never saw, or one that failed, has nothing to undo: the answer says
 * so, in wording that varies from answer to answer; a client resolves an unknown outcome from
 * `infcode` and its own queries (5203), never from that text.
 */
const reverse: TxDefinition = {
  handle(ctx) {
    const data = ctx.input.node('data');
    const person = insuredPerson(ctx, data, { allowUninsured: true });
    const omsgid = data.str('omsgid', { max: 30 });
    const oinfno = data.str('oinfno', { max: 6 });
    if (!(REVERSIBLE_INFNOS as readonly string[]).includes(oinfno)) {
      refuse(data.field('oinfno'), `须为可冲正的交易之一：${REVERSIBLE_INFNOS.join('、')}`);
    }
    const original = ctx.sql.get<MessageRow>('SELECT * FROM platform_message WHERE msgid = ?', omsgid);
    if (!original || original.fixmedins_code !== ctx.envelope.fixmedins_code) return refuse(data.field('omsgid'), CAUSES.originalMissing);
    if (original.infno !== oinfno) refuse(data.field('oinfno'), `与原交易不符（原交易为${original.infno}）`);
    if (original.infcode !== 0) refuse(data.field('omsgid'), CAUSES.originalFailed);
    if (original.psn_no !== person.psn_no) refuse(data.field('psn_no'), '不是原交易的人员');
    if (original.reversed_by) refuse(data.field('omsgid'), CAUSES.alreadyReversed(original.reversed_by));

    if (oinfno === '2401') {
      const visit = ctx.sql.get<VisitRow>('SELECT * FROM platform_visit WHERE created_msgid = ?', omsgid)!;
      if (visit.state !== 'admitted') refuse(data.field('omsgid'), `住院状态为${visitStateText(visit.state)}，只能冲正在院的入院登记`);
      cancelAdmission(ctx, visit.mdtrt_id, data.field('omsgid'), 'reversed');
    } else {
      reverseSettlement(ctx, ctx.sql.get<SettlementRow>('SELECT * FROM platform_settlement WHERE msgid = ?', omsgid)!);
    }
    ctx.sql.run('UPDATE platform_message SET reversed_by = ? WHERE msgid = ?', ctx.envelope.msgid, omsgid);
    return null;
  },
};

export const reversalTransactions: Record<string, TxDefinition> = { '2601': reverse };
