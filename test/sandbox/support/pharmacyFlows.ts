import type { DemoPerson } from '../../../sandbox/seed/demoPersons';
import { catalogueByCode } from '../../../sandbox/seed/catalogue';
import { fenToYuan } from '../../../shared/money';
import { certOf, lineFen, type BillLine } from './flows';

let serial = 0;

/** The input of 2101/2102: druginfo + drugdetail; the split amounts are added when given. */
export function purchaseInput(person: DemoPerson, lines: BillLine[], options: { acct?: boolean; split?: Record<string, unknown> } = {}) {
  const detail = lines.map((line) => {
    const item = catalogueByCode.get(line.code)!;
    const priceFen = line.priceFen ?? item.priceFen;
    return {
      feedetl_sn: `YD${++serial}`,
      rxno: '',
      rx_circ_flag: '0',
      fee_ocur_time: '2026-11-28 10:00:00',
      med_list_codg: item.medListCodg,
      medins_list_codg: item.medinsListCodg,
      det_item_fee_sumamt: Number(fenToYuan(lineFen(line.cnt, priceFen))),
      cnt: Number(line.cnt),
      pric: Number(fenToYuan(priceFen)),
    };
  });
  const totalFen = detail.reduce((sum, line) => sum + Math.round(line.det_item_fee_sumamt * 100), 0);
  return {
    druginfo: {
      psn_no: person.psnNo, ...certOf(person), begntime: '2026-11-28 10:00:00', medfee_sumamt: Number(fenToYuan(totalFen)),
      insutype: person.insutype, med_type: '41', acct_used_flag: options.acct === false ? '0' : '1', invono: 'YD-INV-1', ...options.split,
    },
    drugdetail: detail,
  };
}
