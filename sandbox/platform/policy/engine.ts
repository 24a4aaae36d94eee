import type { Fen } from '../../../shared/money';
import type { CatalogueItem } from '../../seed/catalogue';
import { DEMO_POLICY, MED_TYPE_SETTING, schemeOf, type Setting } from './rules';

/**
 * The settlement arithmetic, in integer fen only. Every split is made so that its parts add
 * up to the whole by construction (the last part is always "the rest"), which is how the
 * three identities of DESIGN.md hold to the fen for any bill.
 */

/** round(numerator / denominator), halves away from zero; inputs are non-negative. */
function divRound(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

const applyBp = (fen: Fen, bp: number): Fen => Number(divRound(BigInt(fen) * BigInt(bp), 10_000n));

/** cnt in 1e-4 units × pric in 1e-6 units = 1e-10 yuan = 1e-8 fen. */
export const lineAmountFen = (cnt4: bigint, pric6: bigint): Fen => Number(divRound(cnt4 * pric6, 100_000_000n));

export interface LineSplit {
  amountFen: Fen;
  fulamtOwnpayFen: Fen;
  overlmtFen: Fen;
  preselfpayFen: Fen;
  inscpScpFen: Fen;
  /** Ceiling per unit in fen, null when the item has none. */
  pricUplmtFen: Fen | null;
  selfpayPropBp: number;
}

export function splitLine(item: CatalogueItem, cnt4: bigint, pric6: bigint, amountFen: Fen): LineSplit {
  const base = { amountFen, pricUplmtFen: item.priceCeilingFen, fulamtOwnpayFen: 0, overlmtFen: 0, preselfpayFen: 0, inscpScpFen: 0 };
  if (item.cls === 'C') return { ...base, fulamtOwnpayFen: amountFen, selfpayPropBp: 10_000 };
  let recognised = amountFen;
  if (item.priceCeilingFen !== null && pric6 > BigInt(item.priceCeilingFen) * 10_000n) {
    recognised = Math.min(amountFen, lineAmountFen(cnt4, BigInt(item.priceCeilingFen) * 10_000n));
  }
  const overlmtFen = amountFen - recognised;
  if (item.cls === 'A') return { ...base, overlmtFen, inscpScpFen: recognised, selfpayPropBp: 0 };
  const preselfpayFen = applyBp(recognised, DEMO_POLICY.classBPreselfBp);
  return { ...base, overlmtFen, preselfpayFen, inscpScpFen: recognised - preselfpayFen, selfpayPropBp: DEMO_POLICY.classBPreselfBp };
}

export interface YearToDate {
  deductibleUsedFen: Fen;
  fundPaidFen: Fen;
}

export interface SettlementInput {
  insutype: string;
  medType: string;
  lines: readonly LineSplit[];
  accountBalanceFen: Fen;
  acctUsed: boolean;
  yearToDate: YearToDate;
  /** 共济: the paying relative's balance; their account pays what the patient's own did not (family.ts). */
  mutualAidBalanceFen?: Fen;
}

export interface SettlementFigures {
  setting: Setting;
  medfeeSumamtFen: Fen;
  fulamtOwnpayFen: Fen;
  overlmtSelfpayFen: Fen;
  preselfpayFen: Fen;
  inscpScpFen: Fen;
  actPayDedcFen: Fen;
  hifpPayFen: Fen;
  poolPropBp: number;
  fundPaySumamtFen: Fen;
  psnPartFen: Fen;
  acctPayFen: Fen;
  /** acct_mulaid_pay: paid from the relative's account (0 without 共济). */
  acctMulaidPayFen: Fen;
  psnCashPayFen: Fen;
  hospPartFen: Fen;
  balanceAfterFen: Fen;
  /** The relative's balance after 共济; null without it. */
  mutualAidBalanceAfterFen: Fen | null;
  /** What the fund could still pay this year before this settlement. */
  capRemainingFen: Fen;
}

/** Throws only for combinations the caller validated away (unknown insutype or med_type). */
export function settle(input: SettlementInput): SettlementFigures {
  const scheme = schemeOf(input.insutype);
  const setting = MED_TYPE_SETTING[input.medType];
  if (!scheme || !setting) throw new RangeError(`no policy for insutype ${input.insutype} med_type ${input.medType}`);
  const benefit = scheme[setting];
  const sum = (pick: (line: LineSplit) => Fen) => input.lines.reduce((total, line) => total + pick(line), 0);
  const medfee = sum((l) => l.amountFen);
  const inscp = sum((l) => l.inscpScpFen);

  const deductibleLeft = Math.max(0, benefit.deductibleFen - input.yearToDate.deductibleUsedFen);
  const dedc = Math.min(inscp, deductibleLeft);
  const poolPropBp = benefit.ratioBp[input.medType] ?? 0;
  const capRemaining = Math.max(0, benefit.annualCapFen - input.yearToDate.fundPaidFen);
  const hifp = Math.min(applyBp(inscp - dedc, poolPropBp), capRemaining);

  const fundSum = hifp;
  const hospPart = 0;
  const psnPart = medfee - fundSum - hospPart;
  const acctPay = input.acctUsed && scheme.account ? Math.min(Math.max(0, input.accountBalanceFen), psnPart) : 0;
  const aidBalance = input.mutualAidBalanceFen;
  const mulaidPay = aidBalance === undefined ? 0 : Math.min(Math.max(0, aidBalance), psnPart - acctPay);
  return {
    setting,
    medfeeSumamtFen: medfee,
    fulamtOwnpayFen: sum((l) => l.fulamtOwnpayFen),
    overlmtSelfpayFen: sum((l) => l.overlmtFen),
    preselfpayFen: sum((l) => l.preselfpayFen),
    inscpScpFen: inscp,
    actPayDedcFen: dedc,
    hifpPayFen: hifp,
    poolPropBp,
    fundPaySumamtFen: fundSum,
    psnPartFen: psnPart,
    acctPayFen: acctPay,
    acctMulaidPayFen: mulaidPay,
    psnCashPayFen: psnPart - acctPay - mulaidPay,
    hospPartFen: hospPart,
    balanceAfterFen: input.accountBalanceFen - acctPay,
    mutualAidBalanceAfterFen: aidBalance === undefined ? null : aidBalance - mulaidPay,
    capRemainingFen: capRemaining,
  };
}
