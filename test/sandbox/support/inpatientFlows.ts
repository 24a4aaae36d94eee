import type { DemoPerson } from '../../../sandbox/seed/demoPersons';
import type { TestPlatformClient } from './client';
import { certOf, feeLines, type BillLine } from './flows';

let serial = 0;

export async function admit(client: TestPlatformClient, person: DemoPerson) {
  const { output, msgid } = await client.ok('2401', {
    mdtrtinfo: {
      psn_no: person.psnNo, insutype: person.insutype, coner_name: '家属', tel: '13800000000', begntime: '2026-11-20 08:00:00',
      ...certOf(person), med_type: '21', ipt_no: `ZY${++serial}`, atddr_no: 'DR002', chfpdr_name: '王主任', adm_diag_dscr: '肺炎',
      adm_dept_codg: 'D02', adm_dept_name: '呼吸内科', adm_bed: '12', dscg_maindiag_code: 'J18.900', dscg_maindiag_name: '肺炎',
    },
    diseinfo: [{ psn_no: person.psnNo, diag_type: '1', maindiag_flag: '1', diag_srt_no: '1', diag_code: 'J18.900', diag_name: '肺炎' }],
  });
  return { mdtrtId: output.result.mdtrt_id as string, msgid };
}

export function inpatientFees(mdtrtId: string, person: DemoPerson, lines: BillLine[]) {
  return feeLines(mdtrtId, person, lines).map(({ chrg_bchno: _batch, rx_circ_flag: _rx, ...line }) => ({ ...line, med_type: '21', drord_no: 'YZ1' }));
}

export const discharge = (client: TestPlatformClient, person: DemoPerson, mdtrtId: string) =>
  client.ok('2402', {
    dscginfo: { mdtrt_id: mdtrtId, psn_no: person.psnNo, insutype: person.insutype, endtime: '2026-11-28 10:00:00', dscg_dept_codg: 'D02', dscg_dept_name: '呼吸内科', dscg_way: '1' },
  });

export function settleData(person: DemoPerson, mdtrtId: string, split: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    data: {
      psn_no: person.psnNo, ...certOf(person), medfee_sumamt: split.medfee_sumamt, psn_setlway: '01', mdtrt_id: mdtrtId,
      acct_used_flag: '1', insutype: person.insutype, invono: 'ZY-INV-1', mid_setl_flag: '0', fulamt_ownpay_amt: split.fulamt_ownpay_amt,
      overlmt_selfpay: split.overlmt_selfpay, preselfpay_amt: split.preselfpay_amt, inscp_scp_amt: split.inscp_scp_amt, ...extra,
    },
  };
}

/** 2303 then 2304 with the previewed figures. */
export async function settleStay(client: TestPlatformClient, person: DemoPerson, mdtrtId: string, medfee: number, extra: Record<string, unknown> = {}) {
  const pre = await client.ok('2303', settleData(person, mdtrtId, { medfee_sumamt: medfee }, extra));
  const settled = await client.ok('2304', settleData(person, mdtrtId, pre.output.setlinfo, extra));
  return { pre: pre.output, settled: settled.output, msgid: settled.msgid };
}
