import { insuredPerson, type TxDefinition } from '../context';
import { refuse } from '../errors';
import { reverseSettlement } from '../ledger';
import type { MessageRow, SettlementRow, VisitRow } from '../store';
import { cancelAdmission } from './inpatient';

/** The transactions 2601 may reverse (spec §2.6). */
export const REVERSIBLE_INFNOS = ['2102', '2103', '2207', '2208', '2304', '2305', '2401'] as const;

/**
 * 2601: undo a reversible transaction named by its msgid, as if it had never been received.
 * An original the platform never saw, or one that failed, has nothing to undo: the answer says
 * so in its own words (`no transaction with this msgid`, `original transaction failed`), which
 * is how a client resolves an unknown outcome.
 */
const reverse: TxDefinition = {
  handle(ctx) {
    const data = ctx.input.node('data');
    const person = insuredPerson(ctx, data, { allowUninsured: true });
    const omsgid = data.str('omsgid', { max: 30 });
    const oinfno = data.str('oinfno', { max: 6 });
    if (!(REVERSIBLE_INFNOS as readonly string[]).includes(oinfno)) {
      refuse(data.field('oinfno'), `must be one of the reversible transactions ${REVERSIBLE_INFNOS.join(', ')}`);
    }
    const original = ctx.sql.get<MessageRow>('SELECT * FROM platform_message WHERE msgid = ?', omsgid);
    if (!original || original.fixmedins_code !== ctx.envelope.fixmedins_code) return refuse(data.field('omsgid'), 'no transaction with this msgid');
    if (original.infno !== oinfno) refuse(data.field('oinfno'), `does not match the original transaction (${original.infno})`);
    if (original.infcode !== 0) refuse(data.field('omsgid'), 'original transaction failed; nothing to reverse');
    if (original.psn_no !== person.psn_no) refuse(data.field('psn_no'), 'is not the person of the original transaction');
    if (original.reversed_by) refuse(data.field('omsgid'), `already reversed (by ${original.reversed_by})`);

    if (oinfno === '2401') {
      const visit = ctx.sql.get<VisitRow>('SELECT * FROM platform_visit WHERE created_msgid = ?', omsgid)!;
      if (visit.state !== 'admitted') refuse(data.field('omsgid'), `stay is ${visit.state}; only an open admission can be reversed`);
      cancelAdmission(ctx, visit.mdtrt_id, data.field('omsgid'), 'reversed');
    } else {
      reverseSettlement(ctx, ctx.sql.get<SettlementRow>('SELECT * FROM platform_settlement WHERE msgid = ?', omsgid)!);
    }
    ctx.sql.run('UPDATE platform_message SET reversed_by = ? WHERE msgid = ?', ctx.envelope.msgid, omsgid);
    return null;
  },
};

export const reversalTransactions: Record<string, TxDefinition> = { '2601': reverse };
