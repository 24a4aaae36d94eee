import { DEMO_PERSONS, type DemoPerson } from '../../../sandbox/seed/demoPersons';
import { catalogueByCode } from '../../../sandbox/seed/catalogue';
import { fenToYuan } from '../../../shared/money';
import type { TestPlatformClient } from './client';

/** The demo persons by role. */
export const EMPLOYEE = DEMO_PERSONS[0]!; // 310, 3520.00 in the account
export const RESIDENT = DEMO_PERSONS[1]!; // 390, no account
export const EMPLOYEE_SMALL_ACCOUNT = DEMO_PERSONS[2]!; // 310, 88.50 in the account
export const RESIDENT_2 = DEMO_PERSONS[3]!;
export const UNINSURED = DEMO_PERSONS[4]!;

export interface BillLine {
  code: string;
  /** Count as a decimal string (up to 4 decimals). */
  cnt: string;
  /** Unit price in fen; the catalogue price when absent. */
  priceFen?: number;
}

export const certOf = (person: DemoPerson) => ({ mdtrt_cert_type: '02', mdtrt_cert_no: person.certno });

let serial = 0;
const nextSerial = () => String(++serial).padStart(6, '0');

/** Exact fen of cnt × price (cnt has up to 4 decimals), rounded half up, as the platform does. */
export function lineFen(cnt: string, priceFen: number): number {
  const [whole = '0', fraction = ''] = cnt.split('.');
  const cnt4 = BigInt(whole) * 10_000n + BigInt((fraction + '0000').slice(0, 4));
  return Number((cnt4 * BigInt(priceFen) * 2n + 10_000n) / 20_000n);
}

export function feeLines(mdtrtId: string, person: DemoPerson, lines: BillLine[], chrgBchno = 'B1') {
  return lines.map((line, index) => {
    const item = catalogueByCode.get(line.code)!;
    const priceFen = line.priceFen ?? item.priceFen;
    return {
      feedetl_sn: `F${nextSerial()}${index}`,
      mdtrt_id: mdtrtId,
      psn_no: person.psnNo,
      chrg_bchno: chrgBchno,
      rx_circ_flag: '0',
      fee_ocur_time: '2026-11-28 09:30:00',
      med_list_codg: item.medListCodg,
      medins_list_codg: item.medinsListCodg,
      det_item_fee_sumamt: Number(fenToYuan(lineFen(line.cnt, priceFen))),
      cnt: Number(line.cnt),
      pric: Number(fenToYuan(priceFen)),
      bilg_dept_codg: 'D01',
      bilg_dept_name: '内科',
      bilg_dr_codg: 'DR001',
      bilg_dr_name: '李医生',
      hosp_appr_flag: '1',
    };
  });
}

export async function register(client: TestPlatformClient, person: DemoPerson): Promise<string> {
  const { output } = await client.ok('2201', {
    data: {
      psn_no: person.psnNo, insutype: person.insutype, begntime: '2026-11-28 09:00:00', ...certOf(person),
      ipt_otp_no: `MZ${nextSerial()}`, atddr_no: 'DR001', dr_name: '李医生', dept_code: 'D01', dept_name: '内科', caty: 'A03',
    },
  });
  return output.data.mdtrt_id as string;
}

export async function visitInfo(client: TestPlatformClient, person: DemoPerson, mdtrtId: string, medType = '11') {
  return client.ok('2203', {
    mdtrtinfo: { mdtrt_id: mdtrtId, psn_no: person.psnNo, med_type: medType, begntime: '2026-11-28 09:00:00', dise_codg: 'J06.900' },
    diseinfo: [{ diag_type: '1', diag_srt_no: '1', diag_code: 'J06.900', diag_name: '急性上呼吸道感染', vali_flag: '1' }],
  });
}

export function settleInput(person: DemoPerson, mdtrtId: string, setlinfo: Record<string, unknown>, options: { acct?: boolean; medType?: string } = {}) {
  return {
    data: {
      psn_no: person.psnNo, ...certOf(person), med_type: options.medType ?? '11', medfee_sumamt: setlinfo.medfee_sumamt,
      psn_setlway: '01', mdtrt_id: mdtrtId, chrg_bchno: 'B1', acct_used_flag: options.acct === false ? '0' : '1', insutype: person.insutype,
      invono: 'INV001', fulamt_ownpay_amt: setlinfo.fulamt_ownpay_amt, overlmt_selfpay: setlinfo.overlmt_selfpay,
      preselfpay_amt: setlinfo.preselfpay_amt, inscp_scp_amt: setlinfo.inscp_scp_amt,
    },
  };
}

/** 2201 → 2203 → 2204 → 2206 → 2207; returns every answer. */
export async function outpatientSettlement(client: TestPlatformClient, person: DemoPerson, lines: BillLine[], options: { acct?: boolean } = {}) {
  const mdtrtId = await register(client, person);
  await visitInfo(client, person, mdtrtId);
  const upload = await client.ok('2204', { feedetail: feeLines(mdtrtId, person, lines) });
  const preInput = settleInput(person, mdtrtId, {}, options);
  const totalFen = lines.reduce((sum, l) => sum + lineFen(l.cnt, l.priceFen ?? catalogueByCode.get(l.code)!.priceFen), 0);
  preInput.data.medfee_sumamt = Number(fenToYuan(totalFen));
  const pre = await client.ok('2206', preInput);
  const settled = await client.ok('2207', settleInput(person, mdtrtId, pre.output.setlinfo, options));
  return { mdtrtId, upload: upload.output, pre: pre.output, settled: settled.output, msgid: settled.msgid };
}
