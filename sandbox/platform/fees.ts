import { catalogueByCode } from '../seed/catalogue';
import type { TxContext } from './context';
import { refuse } from './errors';
import type { FieldReader, Json } from './fields';
import { lineAmountFen, splitLine, type LineSplit } from './policy/engine';
import type { FeeRow } from './store';
import { ratio, yuan } from './wire';

export interface FeeLine extends LineSplit {
  feedetlSn: string;
  chrgBchno: string;
  medListCodg: string;
  cnt4: bigint;
  pric6: bigint;
}

/** One fee line of 2204/2301/2101/2102: known catalogue code, positive count, amount = cnt × pric. */
export function readFeeLine(line: FieldReader, chrgBchno: string | undefined): FeeLine {
  const feedetlSn = line.str('feedetl_sn', { max: 30 });
  const medListCodg = line.str('med_list_codg', { max: 50 });
  line.str('medins_list_codg', { max: 150 });
  const item = catalogueByCode.get(medListCodg);
  if (!item) refuse(line.field('med_list_codg'), '不在医保目录内');
  const cnt4 = line.decimal('cnt', 4);
  const pric6 = line.decimal('pric', 6);
  // Refund lines (negative cnt) are not modelled: a wrong line is cancelled with 2205/2302 instead.
  if (cnt4 <= 0n) refuse(line.field('cnt'), '须大于0');
  if (pric6 < 0n) refuse(line.field('pric'), '不能为负数');
  const amountFen = line.money('det_item_fee_sumamt');
  const expected = lineAmountFen(cnt4, pric6);
  if (amountFen !== expected) refuse(line.field('det_item_fee_sumamt'), `须等于数量×单价四舍五入到分（${yuan(expected)}）`);
  return { ...splitLine(item!, cnt4, pric6, amountFen), feedetlSn, chrgBchno: chrgBchno ?? '', medListCodg, cnt4, pric6 };
}

/** The fields every clinical fee line must carry (spec 2204/2301 "Y"). */
export function requireClinicalFields(line: FieldReader): void {
  line.datetime('fee_ocur_time');
  for (const name of ['bilg_dept_codg', 'bilg_dr_codg']) line.str(name, { max: 30 });
  for (const name of ['bilg_dept_name', 'bilg_dr_name']) line.str(name, { max: 100 });
}

/** Refuses a feedetl_sn used twice in one request or already present in the visit. */
export function checkUniqueLines(ctx: TxContext, mdtrtId: string, lines: FeeLine[], path: string): void {
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const where = `${path}[${index}].feedetl_sn`;
    if (seen.has(line.feedetlSn)) refuse(where, '在本次请求中重复');
    seen.add(line.feedetlSn);
    if (ctx.sql.get('SELECT 1 AS x FROM platform_fee WHERE mdtrt_id = ? AND feedetl_sn = ?', mdtrtId, line.feedetlSn)) {
      refuse(where, '本次就诊已上传过该明细');
    }
  });
}

export function insertFees(ctx: TxContext, mdtrtId: string, lines: FeeLine[]): void {
  for (const l of lines) {
    ctx.sql.run(
      `INSERT INTO platform_fee (mdtrt_id, feedetl_sn, chrg_bchno, med_list_codg, cnt4, pric6, amount_fen, fulamt_fen,
         overlmt_fen, preself_fen, inscp_fen, selfpay_prop_bp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      mdtrtId, l.feedetlSn, l.chrgBchno, l.medListCodg, l.cnt4, l.pric6, l.amountFen, l.fulamtOwnpayFen,
      l.overlmtFen, l.preselfpayFen, l.inscpScpFen, l.selfpayPropBp,
    );
  }
}

export const splitOfRow = (row: FeeRow): LineSplit & { feedetlSn: string } => ({
  feedetlSn: row.feedetl_sn,
  amountFen: row.amount_fen,
  fulamtOwnpayFen: row.fulamt_fen,
  overlmtFen: row.overlmt_fen,
  preselfpayFen: row.preself_fen,
  inscpScpFen: row.inscp_fen,
  pricUplmtFen: catalogueByCode.get(row.med_list_codg)?.priceCeilingFen ?? null,
  selfpayPropBp: row.selfpay_prop_bp,
});

const CLASS_LEVEL = { A: '01', B: '02', C: '03' } as const;

/** A `result` / `detlcutinfo` row: how the platform split one line. */
export function lineResult(line: LineSplit & { feedetlSn: string }, medListCodg: string, cnt4: bigint | number, pric6: bigint | number): Json {
  const item = catalogueByCode.get(medListCodg);
  return {
    feedetl_sn: line.feedetlSn,
    det_item_fee_sumamt: yuan(line.amountFen),
    cnt: Number(cnt4) / 10_000,
    pric: Number(pric6) / 1_000_000,
    pric_uplmt_amt: line.pricUplmtFen === null ? null : yuan(line.pricUplmtFen),
    selfpay_prop: ratio(line.selfpayPropBp),
    fulamt_ownpay_amt: yuan(line.fulamtOwnpayFen),
    overlmt_amt: yuan(line.overlmtFen),
    preselfpay_amt: yuan(line.preselfpayFen),
    inscp_scp_amt: yuan(line.inscpScpFen),
    chrgitm_lv: item ? CLASS_LEVEL[item.cls] : null,
    med_chrgitm_type: item?.kind === 'drug' ? '09' : item?.kind === 'material' ? '08' : '01',
    bas_medn_flag: '0',
    hi_nego_drug_flag: '0',
    chld_medc_flag: '0',
    list_sp_item_flag: '0',
    lmt_used_flag: '0',
    drt_reim_flag: '0',
    memo: null,
  };
}
