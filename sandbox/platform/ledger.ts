import { negateFen, type Fen } from '../../shared/money';
import { newSettlementId, nowText, setVisitState, type TxContext } from './context';
import { CAUSES } from './causes';
import { refuse } from './errors';
import type { FieldReader, Json } from './fields';
import { settle, type LineSplit, type SettlementFigures } from './policy/engine';
import { DEMO_POLICY, MED_TYPE_SETTING, schemeOf } from './policy/rules';
import type { FeeRow, PersonRow, SettlementRow } from './store';
import { ratio, yuan } from './wire';

/**
 * The platform's books: computing a settlement from fee lines and the person's year so far,
 * recording it with all its effects (account balance, yearly totals, fee lines, visit state),
 * and undoing or redoing those effects exactly for cancels (2208/2103/2305) and reversals (2601).
 */

/** Clearing type by med_type: inpatient 21, pharmacy 41, every outpatient type 11. */
const clrTypeOf = (medType: string) => (medType === '21' || medType === '41' ? medType : '11');

function yearOf(ctx: TxContext): number {
  return Number(nowText(ctx).slice(0, 4));
}

/** Figures and, with 共济, whose account pays `acctMulaidPayFen`. */
export type LedgerFigures = SettlementFigures & { mulaidPsnNo: string | null };

export function compute(
  ctx: TxContext, person: PersonRow, medType: string, lines: readonly LineSplit[], acctUsed: boolean, payer?: PersonRow,
): LedgerFigures {
  const setting = MED_TYPE_SETTING[medType] ?? 'outpatient';
  const ytd = ctx.sql.get<{ deductible_used_fen: number; fund_paid_fen: number }>(
    'SELECT deductible_used_fen, fund_paid_fen FROM platform_annual WHERE psn_no = ? AND year = ? AND setting = ?',
    person.psn_no, yearOf(ctx), setting,
  );
  const figures = settle({
    insutype: person.insutype,
    medType,
    lines,
    accountBalanceFen: person.balance_fen,
    acctUsed,
    yearToDate: { deductibleUsedFen: ytd?.deductible_used_fen ?? 0, fundPaidFen: ytd?.fund_paid_fen ?? 0 },
    ...(payer ? { mutualAidBalanceFen: payer.balance_fen } : {}),
  });
  return { ...figures, mulaidPsnNo: payer?.psn_no ?? null };
}

/** The four scope amounts and the total a 2207/2304 (optionally 2102) sends back must be the platform's. */
export function checkClaimedSplit(reader: FieldReader, figures: SettlementFigures, required: boolean): void {
  const pairs: [string, Fen][] = [
    ['medfee_sumamt', figures.medfeeSumamtFen],
    ['fulamt_ownpay_amt', figures.fulamtOwnpayFen],
    ['overlmt_selfpay', figures.overlmtSelfpayFen],
    ['preselfpay_amt', figures.preselfpayFen],
    ['inscp_scp_amt', figures.inscpScpFen],
  ];
  for (const [name, platformFen] of pairs) {
    const claimed = name === 'medfee_sumamt' || required ? reader.money(name) : reader.money(name, true);
    if (claimed !== undefined && claimed !== platformFen) {
      refuse(reader.field(name), `须等于平台按这些费用明细算得的${yuan(platformFen)}`);
    }
  }
}

export interface NewSettlement {
  mdtrtId: string;
  medType: string;
  certType: string;
  /** Settles the open lines of this batch only; all open lines of the visit when absent. */
  chrgBchno?: string;
  invono?: string;
  visitStateBefore: string;
  visitStateAfter: string;
}

/** The open (unsettled) fee lines a settlement would take, in upload order. */
export function openFees(ctx: TxContext, mdtrtId: string, chrgBchno?: string): FeeRow[] {
  return ctx.sql.all<FeeRow>(
    'SELECT * FROM platform_fee WHERE mdtrt_id = ? AND settled = 0 AND (? IS NULL OR chrg_bchno = ?)',
    mdtrtId, chrgBchno ?? null, chrgBchno ?? null,
  );
}

/** Records a settlement of the visit's open fee lines and applies all its effects. */
export function record(ctx: TxContext, person: PersonRow, figures: LedgerFigures, s: NewSettlement): SettlementRow {
  const { id, text: setlId } = newSettlementId(ctx);
  const bch = s.chrgBchno ?? null;
  const feeCount = ctx.sql.run(
    'UPDATE platform_fee SET setl_id = ? WHERE mdtrt_id = ? AND settled = 0 AND (? IS NULL OR chrg_bchno = ?)',
    setlId, s.mdtrtId, bch, bch,
  );
  const row: SettlementRow = {
    ...baseRow(ctx, person, figures, s.mdtrtId, s.medType, s.certType),
    setl_id: setlId,
    invono: s.invono ?? null,
    fee_count: feeCount,
    visit_state_before: s.visitStateBefore,
    visit_state_after: s.visitStateAfter,
  };
  insert(ctx, id, row);
  applyEffects(ctx, row, +1);
  return row;
}

const SETTLEMENT_COLUMNS: (keyof SettlementRow)[] = [
  'setl_id', 'msgid', 'infno', 'mdtrt_id', 'psn_no', 'fixmedins_code', 'insutype', 'med_type', 'setting', 'year',
  'mdtrt_cert_type', 'clr_type', 'clr_optins', 'setl_time', 'invono', 'medfee_fen', 'fulamt_fen', 'overlmt_fen',
  'preself_fen', 'inscp_fen', 'dedc_fen', 'hifp_fen', 'pool_prop_bp', 'fund_fen', 'psn_part_fen', 'acct_fen', 'cash_fen',
  'hosp_part_fen', 'balc_fen', 'cap_remaining_fen', 'fee_count', 'visit_state_before', 'visit_state_after',
  'refd_setl_flag', 'original_setl_id', 'state', 'cancelled_by', 'mulaid_psn_no', 'mulaid_fen',
];
const INSERT_SETTLEMENT = `INSERT INTO platform_settlement (id, ${SETTLEMENT_COLUMNS.join(', ')})
  VALUES (?, ${SETTLEMENT_COLUMNS.map(() => '?').join(', ')})`;

function insert(ctx: TxContext, id: number, row: SettlementRow): void {
  ctx.sql.run(INSERT_SETTLEMENT, id, ...SETTLEMENT_COLUMNS.map((column) => row[column]));
}

/**
 * +1 applies a settlement's effects, -1 takes them back. The fee lines stay linked to their
 * settlement while unsettled, so a reversal of a cancel can find and settle them again.
 */
function applyEffects(ctx: TxContext, row: SettlementRow, direction: 1 | -1): void {
  const signed = (fen: Fen): Fen => (direction === 1 ? fen : negateFen(fen));
  if (row.acct_fen !== 0) {
    ctx.sql.run('UPDATE platform_person SET balance_fen = balance_fen - ? WHERE psn_no = ?', signed(row.acct_fen), row.psn_no);
  }
  // 共济 moves the relative's balance the same way, so a cancel or reversal restores both accounts.
  if (row.mulaid_fen !== 0 && row.mulaid_psn_no) {
    ctx.sql.run('UPDATE platform_person SET balance_fen = balance_fen - ? WHERE psn_no = ?', signed(row.mulaid_fen), row.mulaid_psn_no);
  }
  // A yearly row exists only while it holds something: settlements that move neither total add
  // none, and undoing the last one that did removes it, so an undo leaves no trace.
  if (row.dedc_fen !== 0 || row.hifp_fen !== 0) {
    ctx.sql.run(
      `INSERT INTO platform_annual (psn_no, year, setting, deductible_used_fen, fund_paid_fen) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (psn_no, year, setting) DO UPDATE SET deductible_used_fen = deductible_used_fen + excluded.deductible_used_fen,
         fund_paid_fen = fund_paid_fen + excluded.fund_paid_fen`,
      row.psn_no, row.year, row.setting, signed(row.dedc_fen), signed(row.hifp_fen),
    );
    if (direction === -1) {
      ctx.sql.run(
        'DELETE FROM platform_annual WHERE psn_no = ? AND year = ? AND setting = ? AND deductible_used_fen = 0 AND fund_paid_fen = 0',
        row.psn_no, row.year, row.setting,
      );
    }
  }
  ctx.sql.run('UPDATE platform_fee SET settled = ? WHERE mdtrt_id = ? AND setl_id = ?', direction === 1 ? 1 : 0, row.mdtrt_id, row.setl_id);
  if (row.visit_state_before !== row.visit_state_after) {
    setVisitState(ctx, row.mdtrt_id, direction === 1 ? row.visit_state_after : row.visit_state_before);
  }
}

/** A cancel: the original becomes `cancelled`, a negative settlement with a new setl_id records it. */
export function cancel(ctx: TxContext, original: SettlementRow, field: string): SettlementRow {
  if (original.state === 'cancelled') refuse(field, CAUSES.alreadyCancelled(original.cancelled_by ?? ''));
  if (original.state === 'reversed') refuse(field, CAUSES.wasReversed);
  if (original.refd_setl_flag) refuse(field, '本身是一笔撤销结算');
  applyEffects(ctx, original, -1);
  const { id, text: setlId } = newSettlementId(ctx);
  const balance = ctx.sql.get<{ balance_fen: number }>('SELECT balance_fen FROM platform_person WHERE psn_no = ?', original.psn_no)!;
  const negated: SettlementRow = {
    ...original,
    setl_id: setlId,
    msgid: ctx.envelope.msgid,
    infno: ctx.envelope.infno,
    setl_time: nowText(ctx),
    year: original.year,
    medfee_fen: negateFen(original.medfee_fen),
    fulamt_fen: negateFen(original.fulamt_fen),
    overlmt_fen: negateFen(original.overlmt_fen),
    preself_fen: negateFen(original.preself_fen),
    inscp_fen: negateFen(original.inscp_fen),
    dedc_fen: negateFen(original.dedc_fen),
    hifp_fen: negateFen(original.hifp_fen),
    fund_fen: negateFen(original.fund_fen),
    psn_part_fen: negateFen(original.psn_part_fen),
    acct_fen: negateFen(original.acct_fen),
    mulaid_fen: negateFen(original.mulaid_fen),
    cash_fen: negateFen(original.cash_fen),
    hosp_part_fen: negateFen(original.hosp_part_fen),
    balc_fen: balance.balance_fen,
    refd_setl_flag: 1,
    original_setl_id: original.setl_id,
    state: 'valid',
    cancelled_by: null,
  };
  insert(ctx, id, negated);
  ctx.sql.run("UPDATE platform_settlement SET state = 'cancelled', cancelled_by = ? WHERE setl_id = ?", setlId, original.setl_id);
  return negated;
}

/** 2601 of a settlement: as if it never happened. */
export function reverseSettlement(ctx: TxContext, row: SettlementRow): void {
  if (row.refd_setl_flag) {
    reverseCancel(ctx, row);
    return;
  }
  if (row.state === 'cancelled') refuse('input.data.omsgid', `该结算已被${row.cancelled_by}撤销，请先冲正该撤销交易`);
  applyEffects(ctx, row, -1);
  ctx.sql.run("UPDATE platform_settlement SET state = 'reversed' WHERE setl_id = ?", row.setl_id);
}

/** 2601 of a cancel: the original settlement stands again, with its effects. */
function reverseCancel(ctx: TxContext, cancelRow: SettlementRow): void {
  const original = ctx.sql.get<SettlementRow>('SELECT * FROM platform_settlement WHERE setl_id = ?', cancelRow.original_setl_id);
  if (!original) return refuse('input.data.omsgid', '被撤销的原结算不存在');
  const linked = ctx.sql.get<{ n: number }>('SELECT count(*) AS n FROM platform_fee WHERE mdtrt_id = ? AND setl_id = ? AND settled = 0', original.mdtrt_id, original.setl_id)!;
  if (linked.n !== original.fee_count) refuse('input.data.omsgid', '原结算的费用明细已变动，无法恢复');
  const person = ctx.sql.get<{ balance_fen: number }>('SELECT balance_fen FROM platform_person WHERE psn_no = ?', original.psn_no)!;
  if (person.balance_fen < original.acct_fen) refuse('input.data.omsgid', CAUSES.balanceShort);
  if (original.mulaid_psn_no && original.mulaid_fen > 0) {
    const payer = ctx.sql.get<{ balance_fen: number }>('SELECT balance_fen FROM platform_person WHERE psn_no = ?', original.mulaid_psn_no)!;
    if (payer.balance_fen < original.mulaid_fen) refuse('input.data.omsgid', CAUSES.balanceShort);
  }
  applyEffects(ctx, original, +1);
  ctx.sql.run("UPDATE platform_settlement SET state = 'valid', cancelled_by = NULL WHERE setl_id = ?", original.setl_id);
  ctx.sql.run("UPDATE platform_settlement SET state = 'reversed' WHERE setl_id = ?", cancelRow.setl_id);
}

/** The `setlinfo` node of 2206/2207/2208/2101–2103/2303–2305/5203, from figures or a stored row. */
export function setlinfo(person: PersonRow, row: SettlementRow, options: { preview?: boolean } = {}): Json {
  const age = ageAt(person.birthday, row.setl_time);
  return {
    mdtrt_id: row.mdtrt_id || null,
    setl_id: options.preview ? null : row.setl_id,
    psn_no: person.psn_no,
    psn_name: person.name,
    psn_cert_type: '01',
    certno: person.certno,
    gend: person.gender,
    naty: '01',
    brdy: person.birthday,
    age,
    insutype: row.insutype,
    psn_type: row.insutype === '310' ? '11' : '15',
    cvlserv_flag: '0',
    setl_time: options.preview ? null : row.setl_time,
    mdtrt_cert_type: row.mdtrt_cert_type,
    med_type: row.med_type,
    medfee_sumamt: yuan(row.medfee_fen),
    fulamt_ownpay_amt: yuan(row.fulamt_fen),
    overlmt_selfpay: yuan(row.overlmt_fen),
    preselfpay_amt: yuan(row.preself_fen),
    inscp_scp_amt: yuan(row.inscp_fen),
    act_pay_dedc: yuan(row.dedc_fen),
    hifp_pay: yuan(row.hifp_fen),
    pool_prop_selfpay: ratio(row.pool_prop_bp),
    cvlserv_pay: 0,
    hifes_pay: 0,
    hifmi_pay: 0,
    hifob_pay: 0,
    maf_pay: 0,
    oth_pay: 0,
    fund_pay_sumamt: yuan(row.fund_fen),
    psn_part_amt: yuan(row.psn_part_fen),
    acct_pay: yuan(row.acct_fen),
    psn_cash_pay: yuan(row.cash_fen),
    hosp_part_amt: yuan(row.hosp_part_fen),
    balc: yuan(row.balc_fen),
    acct_mulaid_pay: yuan(row.mulaid_fen),
    // Sandbox extension (family.ts): whose account paid acct_mulaid_pay, on records that used 共济.
    ...(row.mulaid_psn_no ? { mulaid_psn_no: row.mulaid_psn_no } : {}),
    medins_setl_id: options.preview ? null : row.msgid,
    clr_optins: row.clr_optins,
    clr_way: '1',
    clr_type: row.clr_type,
  };
}

export function setldetail(row: SettlementRow): Json[] {
  const scheme = schemeOf(row.insutype)!;
  const lines: Json[] = [
    {
      fund_pay_type: scheme.fundPayType,
      fund_pay_type_name: scheme.fundPayTypeName,
      inscp_scp_amt: yuan(row.inscp_fen),
      crt_payb_lmt_amt: yuan(row.cap_remaining_fen),
      fund_payamt: yuan(row.hifp_fen),
      setl_proc_info: `起付线${yuan(row.dedc_fen)}元, 支付比例${ratio(row.pool_prop_bp)}`,
    },
  ];
  if (scheme.account && row.acct_fen !== 0) {
    lines.push({
      fund_pay_type: scheme.account.fundPayType,
      fund_pay_type_name: scheme.account.name,
      inscp_scp_amt: yuan(row.psn_part_fen),
      crt_payb_lmt_amt: null,
      fund_payamt: yuan(row.acct_fen),
      setl_proc_info: '个人账户支付',
    });
  }
  const aid = schemeOf('310')!.account!;
  if (row.mulaid_fen !== 0) {
    lines.push({
      fund_pay_type: aid.fundPayType,
      fund_pay_type_name: `${aid.name}（家庭共济）`,
      inscp_scp_amt: yuan(row.psn_part_fen),
      crt_payb_lmt_amt: null,
      fund_payamt: yuan(row.mulaid_fen),
      setl_proc_info: '个人账户家庭共济支付',
    });
  }
  return lines;
}

/** Full years on `when` (`yyyy-MM-dd…`). */
export function ageAt(birthday: string, when: string): number {
  const [by, bm, bd] = birthday.split('-').map(Number) as [number, number, number];
  const [wy, wm, wd] = when.slice(0, 10).split('-').map(Number) as [number, number, number];
  return wy - by - (wm < bm || (wm === bm && wd < bd) ? 1 : 0);
}

/** A settlement row made of figures; as such (not stored) it is the preview of 2206/2101/2303. */
export function baseRow(ctx: TxContext, person: PersonRow, figures: LedgerFigures, mdtrtId: string, medType: string, certType: string): SettlementRow {
  return {
    setl_id: '', msgid: ctx.envelope.msgid, infno: ctx.envelope.infno, mdtrt_id: mdtrtId, psn_no: person.psn_no,
    fixmedins_code: ctx.envelope.fixmedins_code, insutype: person.insutype, med_type: medType, setting: figures.setting,
    year: yearOf(ctx), mdtrt_cert_type: certType, clr_type: clrTypeOf(medType), clr_optins: DEMO_POLICY.area, setl_time: nowText(ctx), invono: null,
    medfee_fen: figures.medfeeSumamtFen, fulamt_fen: figures.fulamtOwnpayFen, overlmt_fen: figures.overlmtSelfpayFen,
    preself_fen: figures.preselfpayFen, inscp_fen: figures.inscpScpFen, dedc_fen: figures.actPayDedcFen, hifp_fen: figures.hifpPayFen,
    pool_prop_bp: figures.poolPropBp, fund_fen: figures.fundPaySumamtFen, psn_part_fen: figures.psnPartFen, acct_fen: figures.acctPayFen,
    cash_fen: figures.psnCashPayFen, hosp_part_fen: figures.hospPartFen, balc_fen: figures.balanceAfterFen,
    cap_remaining_fen: figures.capRemainingFen, fee_count: 0, visit_state_before: '', visit_state_after: '', refd_setl_flag: 0,
    original_setl_id: null, state: 'valid', cancelled_by: null,
    mulaid_psn_no: figures.mulaidPsnNo, mulaid_fen: figures.acctMulaidPayFen,
  };
}
