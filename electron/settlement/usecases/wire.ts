import type { AmountStyle } from '../../../shared/config/terminalConfig';
import { wireAmount, type WireAmount } from '../nhsa/amounts';
import type { BillLine, HisBillLine } from '../his/bridge';
import type { KnownPerson } from '../people';
import type { ReceiptItem } from '../receipts';
import { platformDateTime } from '../time';

type WireFields = Record<string, string | WireAmount>;

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

/** acct_used_flag: whether the personal part is paid from the personal account. */
export const accountFlag = (useAccount: boolean): '0' | '1' => (useAccount ? '1' : '0');

/**
 * rxno / rx_circ_flag (外购处方标志): the prescription a line fills and whether it is filled
 * outside the prescribing institution. A line without a prescription has neither: '' and '0'.
 */
export function prescription(rxno: string | null | undefined, outside: boolean): { rxno: string; rx_circ_flag: '0' | '1' } {
  return rxno ? { rxno, rx_circ_flag: outside ? '1' : '0' } : { rxno: '', rx_circ_flag: '0' };
}

/** What every fee line says about the item itself, in the region's amount style. */
function itemFields(line: BillLine, amounts: AmountStyle): WireFields {
  return {
    feedetl_sn: line.feedetlSn,
    fee_ocur_time: line.occurredAt,
    med_list_codg: line.medListCodg,
    medins_list_codg: line.medinsListCodg,
    det_item_fee_sumamt: wireAmount(line.amountFen, amounts),
    cnt: line.cnt,
    pric: line.pric,
  };
}

/**
 * A HIS line as a 2204 / 2301 fee line: its own time and its ordering department and doctor
 * (bilg_*), all the HIS's. The prescription fields are the caller's: 2204 always carries them,
 * 2301's table does not list them.
 */
export function feeLine(line: HisBillLine, amounts: AmountStyle): WireFields {
  return {
    ...itemFields(line, amounts),
    bilg_dept_codg: line.orderedBy.deptCode,
    bilg_dept_name: line.orderedBy.deptName,
    bilg_dr_codg: line.orderedBy.doctorCode,
    bilg_dr_name: line.orderedBy.doctorName,
    hosp_appr_flag: '1',
  };
}

/**
 * A pharmacy sale's line as a 2101 / 2102 drugdetail: the prescription it fills, if any, and the
 * pharmacist who dispensed it as bilg_dr_*; no pharmacist known, no bilg_dr_* (spec §2.4 marks
 * neither required, and the terminal is nobody's doctor).
 */
export function drugLine(
  line: BillLine,
  rx: { rxno: string; rx_circ_flag: string },
  pharmacist: { code: string; name: string } | undefined,
  amounts: AmountStyle,
): WireFields {
  return {
    ...itemFields(line, amounts),
    ...rx,
    ...(pharmacist ? { bilg_dr_codg: pharmacist.code, bilg_dr_name: pharmacist.name } : {}),
  };
}

export const receiptItem = (line: BillLine): ReceiptItem => ({ name: line.name, cnt: line.cnt, amountFen: line.amountFen });

export const sumFen = (lines: readonly { amountFen: number }[]): number => lines.reduce((sum, l) => sum + l.amountFen, 0);

export const now = (clock: () => Date): string => platformDateTime(clock());
