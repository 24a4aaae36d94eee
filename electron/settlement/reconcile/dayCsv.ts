import { fenToYuan, type Fen } from '../../../shared/money';
import type { JournalEntry } from '../journal';
import { REFUND_INFNOS } from './detailRound';

/**
 * This terminal's day for the finance office, who add up the institution's terminals and
 * counters themselves: one line per done settlement or cancel, then a totals line. UTF-8 with a
 * BOM and CRLF, so Excel opens the Chinese correctly; amounts as plain yuan numbers with two
 * decimals so they can be summed; names masked as the journal holds them.
 */

const TRANSACTION: Record<string, string> = {
  '2207': '2207 门诊结算',
  '2208': '2208 门诊结算撤销',
  '2102': '2102 药店结算',
  '2103': '2103 药店结算撤销',
  '2304': '2304 住院结算',
  '2305': '2305 住院结算撤销',
};

const HEADER = [
  '结算时间', '报文ID', '结算ID', '就诊ID', '交易', '姓名', '险种', '清算类别', '清算机构',
  '医疗费总额', '基金支付', '个人账户支付', '现金支付', '退费结算标志',
];

/** Quoted when needed; text that Excel would run as a formula is kept as text. */
function cell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface DayCsv {
  csv: string;
  count: number;
  medfeeFen: Fen;
}

export function dayCsv(rows: readonly JournalEntry[]): DayCsv {
  const totals = { medfee: 0, fund: 0, account: 0, cash: 0 };
  const lines = rows.map((row) => {
    const a = row.amounts;
    const medfee = a?.medfeeSumamt ?? 0;
    const fund = a?.fundPaySumamt ?? 0;
    const account = a?.acctPay ?? 0;
    const cash = a?.psnCashPay ?? 0;
    totals.medfee += medfee;
    totals.fund += fund;
    totals.account += account;
    totals.cash += cash;
    const text = [
      row.setlTime ?? '', row.msgid, row.setlId ?? '', row.mdtrtId ?? '', TRANSACTION[row.infno] ?? row.infno, row.maskedName,
      row.insutype ?? '', row.clrType ?? '', row.clrOptins ?? '',
    ].map(cell);
    // Amounts are written bare: a quoted or prefixed negative would no longer add up in Excel.
    return [...text, fenToYuan(medfee), fenToYuan(fund), fenToYuan(account), fenToYuan(cash), REFUND_INFNOS.has(row.infno) ? '1' : '0'];
  });
  const total = ['合计', `${rows.length}笔`, '', '', '', '', '', '', '', fenToYuan(totals.medfee), fenToYuan(totals.fund),
    fenToYuan(totals.account), fenToYuan(totals.cash), ''];
  const csv = '\uFEFF' + [HEADER, ...lines, total].map((line) => `${line.join(',')}\r\n`).join('');
  return { csv, count: rows.length, medfeeFen: totals.medfee };
}
