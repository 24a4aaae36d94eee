import { checkCertificate, checkInsutype, insuredPerson, newVisitId, nowText, type TxContext, type TxDefinition } from '../context';
import { checkUniqueLines, insertFees, lineResult, readFeeLine, type FeeLine } from '../fees';
import { baseRow, checkClaimedSplit, compute, record, setldetail, setlinfo } from '../ledger';
import { cancelOf } from './settlement';
import { readMutualAid } from '../family';

/**
 * Pharmacy purchase: no registration; the platform opens the visit itself when 2102 settles
 * (spec §2.4). 2101 previews the same bill without storing anything.
 */

function readPurchase(ctx: TxContext) {
  const info = ctx.input.node('druginfo');
  const person = insuredPerson(ctx, info);
  checkInsutype(info, person);
  const certType = checkCertificate(ctx, info, person);
  info.datetime('begntime');
  info.str('med_type', { max: 6, oneOf: ['41'] });
  const acctUsed = info.str('acct_used_flag', { max: 3, oneOf: ['0', '1'] }) === '1';
  const payer = readMutualAid(ctx, info, person);
  for (const name of ['dise_codg', 'dise_name']) info.str(name, { max: 100, optional: true });
  const lines: FeeLine[] = ctx.input.list('drugdetail', { max: 200 }).map((line) => {
    line.str('rx_circ_flag', { max: 3, oneOf: ['0', '1'] });
    line.datetime('fee_ocur_time');
    return readFeeLine(line, '');
  });
  checkUniqueLines(ctx, '', lines, 'input.drugdetail');
  const figures = compute(ctx, person, '41', lines, acctUsed, payer);
  return { info, person, certType, lines, figures };
}

const preview: TxDefinition = {
  institution: 'pharmacy',
  handle(ctx) {
    const p = readPurchase(ctx);
    checkClaimedSplit(p.info, p.figures, false);
    const row = baseRow(ctx, p.person, p.figures, '', '41', p.certType);
    return {
      setlinfo: setlinfo(p.person, row, { preview: true }),
      setldetail: setldetail(row),
      detlcutinfo: p.lines.map((l) => lineResult(l, l.medListCodg, l.cnt4, l.pric6)),
    };
  },
};

const purchase: TxDefinition = {
  institution: 'pharmacy',
  handle(ctx) {
    const p = readPurchase(ctx);
    checkClaimedSplit(p.info, p.figures, false);
    const invono = p.info.str('invono', { max: 20, optional: true });
    const { id, text: mdtrtId } = newVisitId(ctx);
    ctx.sql.run(
      `INSERT INTO platform_visit (id, mdtrt_id, kind, psn_no, fixmedins_code, insutype, med_type, begntime, state, info_uploaded, created_msgid)
       VALUES (?, ?, 'pharmacy', ?, ?, ?, '41', ?, 'open', 1, ?)`,
      id, mdtrtId, p.person.psn_no, ctx.envelope.fixmedins_code, p.person.insutype, nowText(ctx), ctx.envelope.msgid,
    );
    insertFees(ctx, mdtrtId, p.lines);
    // Undoing the purchase (2103 or 2601) leaves the visit cancelled, as no pharmacy visit outlives its sale.
    const row = record(ctx, p.person, p.figures, {
      mdtrtId, medType: '41', certType: p.certType, invono, visitStateBefore: 'cancelled', visitStateAfter: 'settled',
    });
    return {
      setlinfo: setlinfo(p.person, row),
      setldetail: setldetail(row),
      detlcutinfo: p.lines.map((l) => lineResult(l, l.medListCodg, l.cnt4, l.pric6)),
    };
  },
};

export const pharmacyTransactions: Record<string, TxDefinition> = {
  '2101': preview,
  '2102': purchase,
  '2103': cancelOf('pharmacy'),
};
