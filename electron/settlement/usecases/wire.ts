import type { AmountStyle } from '../../../shared/config/terminalConfig';
import { wireAmount, type WireAmount } from '../nhsa/amounts';
import type { BillLine, Clinician } from '../his/bridge';
import type { KnownPerson } from '../people';
import type { ReceiptItem } from '../receipts';
import { platformDateTime } from '../time';

/** The certificate fields every transaction that names the patient carries. */
export function certificateFields(person: KnownPerson): Record<string, string> {
  return {
    psn_no: person.psnNo,
    insutype: person.insutype,
    mdtrt_cert_type: person.certType,
    mdtrt_cert_no: person.certNo,
    ...(person.cardSn ? { card_sn: person.cardSn } : {}),
  };
}

/** A HIS bill line as a 2204 / 2301 / 2101 fee line, billed by `by`; its amount in the region's `amounts` style. */
export function feeLine(line: BillLine, by: Clinician, amounts: AmountStyle): Record<string, string | WireAmount> {
  return {
    feedetl_sn: line.feedetlSn,
    rxno: '',
    rx_circ_flag: '0',
    fee_ocur_time: line.occurredAt,
    med_list_codg: line.medListCodg,
    medins_list_codg: line.medinsListCodg,
    det_item_fee_sumamt: wireAmount(line.amountFen, amounts),
    cnt: line.cnt,
    pric: line.pric,
    bilg_dept_codg: by.deptCode,
    bilg_dept_name: by.deptName,
    bilg_dr_codg: by.doctorCode,
    bilg_dr_name: by.doctorName,
    hosp_appr_flag: '1',
  };
}

export const receiptItem = (line: BillLine): ReceiptItem => ({ name: line.name, cnt: line.cnt, amountFen: line.amountFen });

export const sumFen = (lines: readonly { amountFen: number }[]): number => lines.reduce((sum, l) => sum + l.amountFen, 0);

export const now = (clock: () => Date): string => platformDateTime(clock());
