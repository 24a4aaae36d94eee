import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import { wireAmount } from '../nhsa/amounts';
import type { PlatformGateway } from '../gateway';
import type { JournalEntry } from '../journal';
import { buildDetailZip, readResultZip, type DetailLine, type ResultLine } from './detailFile';

/** 3202 compares per clearing type × clearing agency, across insurance types. */
export interface ClearingPair {
  clrType: string;
  clrOptins: string;
}

/** The cancels: their journal amounts are the platform's, already negative. */
export const REFUND_INFNOS = new Set(['2208', '2103', '2305']);

export function detailLine(row: JournalEntry): DetailLine {
  return {
    setlId: row.setlId ?? '',
    mdtrtId: row.mdtrtId ?? '',
    psnNo: row.psnNo,
    medfeeFen: row.amounts?.medfeeSumamt ?? 0,
    fundFen: row.amounts?.fundPaySumamt ?? 0,
    acctFen: row.amounts?.acctPay ?? 0,
    refund: REFUND_INFNOS.has(row.infno),
  };
}

function text(output: Record<string, unknown>, name: string, where: string): string {
  const value = output[name];
  if (typeof value !== 'string' || value === '') throw new RangeError(`${where} answered no ${name}`);
  return value;
}

/**
 * The per-settlement check of one clearing pair (spec §2.8): this terminal's rows as a zipped
 * detail file uploaded with 9101, compared by 3202 (whose totals must be the file's), the
 * result fetched with 9102 and read. Throws SettlementFailure when the platform refuses or
 * cannot be reached, RangeError when an answer cannot be read.
 */
export async function detailRound(
  gateway: PlatformGateway,
  config: TerminalConfig,
  day: string,
  pair: ClearingPair,
  rows: readonly JournalEntry[],
): Promise<ResultLine[]> {
  const code = config.institution.code;
  // Named per terminal and pair, so a file left on the platform says whose it was.
  const base = `${code}_${day.replace(/-/g, '')}_${config.terminal.slot}_${pair.clrType}_${pair.clrOptins}`.replace(/[^A-Za-z0-9_]/g, '');
  const lines = rows.map(detailLine);
  const zip = buildDetailZip(`${base}.txt`, lines);
  const uploaded = await gateway.call('9101', {
    fsUploadIn: { in: Buffer.from(zip).toString('base64'), filename: `${base}.zip`, fixmedins_code: code },
  });
  const fileNo = text(uploaded.output, 'file_qury_no', '9101');
  const sum = (pick: (line: DetailLine) => number) => lines.reduce((total, line) => total + pick(line), 0);
  const cash = rows.reduce((total, row) => total + (row.amounts?.psnCashPay ?? 0), 0);
  const compared = await gateway.call('3202', {
    data: {
      setl_optins: pair.clrOptins,
      file_qury_no: fileNo,
      stmt_begndate: day,
      stmt_enddate: day,
      medfee_sumamt: wireAmount(sum((l) => l.medfeeFen), config.region.amounts),
      fund_pay_sumamt: wireAmount(sum((l) => l.fundFen), config.region.amounts),
      cash_payamt: wireAmount(cash, config.region.amounts),
      fixmedins_setl_cnt: String(lines.length),
      clr_type: pair.clrType,
    },
  });
  const info = compared.output.fileinfo;
  if (!info || typeof info !== 'object') throw new RangeError('3202 answered no fileinfo');
  const fileinfo = info as Record<string, unknown>;
  const bytes = await gateway.download('9102', {
    fsDownloadIn: { file_qury_no: text(fileinfo, 'file_qury_no', '3202'), filename: text(fileinfo, 'filename', '3202'), fixmedins_code: code },
  });
  return readResultZip(bytes);
}
