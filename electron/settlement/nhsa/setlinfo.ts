import type { AmountStyle } from '../../../shared/config/terminalConfig';
import { yuanToFen, type Fen } from '../../../shared/money';
import { wireAmount, type WireAmount } from './amounts';

/**
 * The money of a settlement answer (spec §2.9) in integer fen, with the identities the
 * platform must keep. Pre-settlement answers share the shape with no setl_id.
 */
export interface SettlementAmounts {
  medfeeSumamt: Fen;
  fulamtOwnpayAmt: Fen;
  overlmtSelfpay: Fen;
  preselfpayAmt: Fen;
  inscpScpAmt: Fen;
  fundPaySumamt: Fen;
  psnPartAmt: Fen;
  hospPartAmt: Fen;
  acctPay: Fen;
  acctMulaidPay: Fen;
  psnCashPay: Fen;
  /** Personal account balance after settlement; null when the answer does not carry one. */
  balc: Fen | null;
}

export interface Setlinfo extends SettlementAmounts {
  setlId: string | null;
  mdtrtId: string;
  psnNo: string;
  insutype: string;
  medType: string;
  setlTime: string | null;
  clrType: string;
  clrOptins: string;
  medinsSetlId: string;
}

const AMOUNT_FIELDS: ReadonlyArray<[keyof SettlementAmounts, string]> = [
  ['medfeeSumamt', 'medfee_sumamt'],
  ['fulamtOwnpayAmt', 'fulamt_ownpay_amt'],
  ['overlmtSelfpay', 'overlmt_selfpay'],
  ['preselfpayAmt', 'preselfpay_amt'],
  ['inscpScpAmt', 'inscp_scp_amt'],
  ['fundPaySumamt', 'fund_pay_sumamt'],
  ['psnPartAmt', 'psn_part_amt'],
  ['hospPartAmt', 'hosp_part_amt'],
  ['acctPay', 'acct_pay'],
  ['acctMulaidPay', 'acct_mulaid_pay'],
  ['psnCashPay', 'psn_cash_pay'],
];

function amount(raw: Record<string, unknown>, field: string): Fen {
  const value = raw[field];
  if (value === undefined || value === null || value === '') return 0;
  if (typeof value !== 'number' && typeof value !== 'string') throw new RangeError(`${field} is not an amount`);
  return yuanToFen(value);
}

function text(raw: Record<string, unknown>, field: string): string {
  const value = raw[field];
  return value === undefined || value === null ? '' : String(value);
}

/** Throws RangeError on a malformed amount: the caller decides whether that is an unknown outcome. */
export function parseSetlinfo(raw: unknown): Setlinfo {
  if (!raw || typeof raw !== 'object') throw new RangeError('setlinfo missing');
  const r = raw as Record<string, unknown>;
  const amounts = Object.fromEntries(AMOUNT_FIELDS.map(([key, field]) => [key, amount(r, field)])) as Omit<
    SettlementAmounts,
    'balc'
  >;
  const balc = r.balc === undefined || r.balc === null || r.balc === '' ? null : amount(r, 'balc');
  const setlId = text(r, 'setl_id');
  const setlTime = text(r, 'setl_time');
  return {
    ...amounts,
    balc,
    setlId: setlId || null,
    mdtrtId: text(r, 'mdtrt_id'),
    psnNo: text(r, 'psn_no'),
    insutype: text(r, 'insutype'),
    medType: text(r, 'med_type'),
    setlTime: setlTime || null,
    clrType: text(r, 'clr_type'),
    clrOptins: text(r, 'clr_optins'),
    medinsSetlId: text(r, 'medins_setl_id'),
  };
}

/** The identities of DESIGN.md "Money"; returns the ones that do not hold, to the fen. */
export function identityViolations(a: SettlementAmounts): string[] {
  const problems: string[] = [];
  if (a.medfeeSumamt !== a.fundPaySumamt + a.psnPartAmt + a.hospPartAmt) {
    problems.push('medfee_sumamt != fund_pay_sumamt + psn_part_amt + hosp_part_amt');
  }
  if (a.psnPartAmt !== a.acctPay + a.acctMulaidPay + a.psnCashPay) {
    problems.push('psn_part_amt != acct_pay + acct_mulaid_pay + psn_cash_pay');
  }
  if (a.medfeeSumamt !== a.fulamtOwnpayAmt + a.overlmtSelfpay + a.preselfpayAmt + a.inscpScpAmt) {
    problems.push('medfee_sumamt != fulamt_ownpay_amt + overlmt_selfpay + preselfpay_amt + inscp_scp_amt');
  }
  return problems;
}

/** The four scope amounts 2207/2303/2304 must echo from the pre-settlement answer, on the wire. */
export function scopeAmountsForWire(a: SettlementAmounts, style: AmountStyle): Record<string, WireAmount> {
  return {
    fulamt_ownpay_amt: wireAmount(a.fulamtOwnpayAmt, style),
    overlmt_selfpay: wireAmount(a.overlmtSelfpay, style),
    preselfpay_amt: wireAmount(a.preselfpayAmt, style),
    inscp_scp_amt: wireAmount(a.inscpScpAmt, style),
  };
}

/** Only the money of a settlement answer: what the journal keeps, without the person echo. */
export function amountsOf(s: SettlementAmounts): SettlementAmounts {
  const picked = Object.fromEntries(AMOUNT_FIELDS.map(([key]) => [key, s[key]])) as Omit<SettlementAmounts, 'balc'>;
  return { ...picked, balc: s.balc };
}
