import { unzipSync, zipSync } from 'fflate';
import { refuse } from './errors';

/**
 * The platform's side of the reconciliation files (spec §2.8): a `.zip` holding one `.txt`,
 * UTF-8, tab-separated, CRLF line ends, no header row. Written for the sandbox alone: the kiosk
 * has its own writer, and the sandbox must not share code with the client it tests.
 */

/** The largest file 9101 keeps (the sandbox's choice; the spec names none). */
export const FILE_LIMIT_BYTES = 1024 * 1024;
/** The largest `.txt` the platform unpacks: a 1 MiB zip could otherwise inflate to gigabytes. */
export const TEXT_LIMIT_BYTES = 8 * 1024 * 1024;

/** Whether the bytes are a zip the platform can read; only its directory is read, nothing inflated. */
export function isZip(bytes: Uint8Array): boolean {
  try {
    unzipSync(bytes, { filter: () => false });
    return true;
  } catch {
    return false;
  }
}

/** The one `.txt` inside a detail zip, as text; refused (under `where`) when it is anything else. */
export function readSingleText(zip: Uint8Array, where: string): string {
  const entries: { name: string; originalSize: number }[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, {
      filter(file) {
        entries.push(file);
        return entries.length === 1 && file.originalSize <= TEXT_LIMIT_BYTES;
      },
    });
  } catch {
    return refuse(where, '文件不是可读取的 zip 压缩包');
  }
  const [only] = entries;
  if (entries.length !== 1 || !only || !/\.txt$/i.test(only.name)) refuse(where, '压缩包须恰好含一个 .txt 文件');
  if (only.originalSize > TEXT_LIMIT_BYTES) refuse(where, `压缩包内的 .txt 文件不得超过 ${TEXT_LIMIT_BYTES / 1024 / 1024} MiB`);
  const bytes = files[only.name]!;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) refuse(where, '.txt 文件须为不带 BOM 的 UTF-8 编码');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(where, '.txt 文件须为 UTF-8 编码');
  }
}

/**
 * Lines of tab-separated fields. Every line ends with CRLF; the last one may omit it, as many
 * writers join lines rather than terminate them. An empty text has no lines.
 */
export function readLines(text: string, columns: number, where: string): string[][] {
  if (text === '') return [];
  const lines = text.split('\r\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, index) => {
    const at = `第${index + 1}行`;
    if (/[\r\n]/.test(line)) refuse(where, `${at}：行尾须为 CRLF（\\r\\n），不得单用 \\r 或 \\n`);
    if (line === '') refuse(where, `${at}：空行`);
    const fields = line.split('\t');
    if (fields.length !== columns) refuse(where, `${at}：须有 ${columns} 列（以制表符分隔），实有 ${fields.length} 列`);
    return fields;
  });
}

const AMOUNT = /^(-)?(\d{1,13})\.(\d{2})$/;

/** An amount of the file, yuan with exactly two decimals, in fen; undefined when malformed. */
export function parseAmount(text: string): number | undefined {
  const m = AMOUNT.exec(text);
  if (!m) return undefined;
  const fen = Number(m[2]) * 100 + Number(m[3]);
  return m[1] && fen !== 0 ? -fen : fen;
}

/** Fen as yuan with exactly two decimals, e.g. -3260 → "-32.60". */
export function amountText(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** One `.txt` of CRLF-terminated tab-separated lines, zipped. Fields must hold no tab or line break. */
export function writeTextZip(txtName: string, rows: readonly (readonly string[])[]): Uint8Array {
  const text = rows.map((fields) => `${fields.join('\t')}\r\n`).join('');
  return zipSync({ [txtName]: new TextEncoder().encode(text) });
}

/** One line of the institution's 3202 detail file. */
export interface DetailRow {
  line: number;
  setlId: string;
  mdtrtId: string;
  psnNo: string;
  medfeeFen: number;
  fundFen: number;
  acctFen: number;
  refd: 0 | 1;
}

const DETAIL_AMOUNTS = ['medfee_sumamt', 'fund_pay_sumamt', 'acct_pay'] as const;

/**
 * The upload's columns: setl_id, mdtrt_id, psn_no, medfee_sumamt, fund_pay_sumamt, acct_pay,
 * refd_setl_flag. A cancellation (flag 1) carries amounts ≤ 0, a settlement amounts ≥ 0; a
 * setl_id appears once. Every refusal names the line.
 */
export function readDetailRows(text: string, where: string): DetailRow[] {
  const seen = new Map<string, number>();
  return readLines(text, 7, where).map(([setlId, mdtrtId, psnNo, medfee, fund, acct, refd], index) => {
    const at = `第${index + 1}行`;
    for (const [name, value] of [['setl_id', setlId], ['mdtrt_id', mdtrtId], ['psn_no', psnNo]] as const) {
      if (!value || value.length > 30) refuse(where, `${at}：${name} 须为 1–30 个字符`);
    }
    const amounts = [medfee, fund, acct].map((value, i) => {
      const fen = parseAmount(value!);
      return fen ?? refuse(where, `${at}：${DETAIL_AMOUNTS[i]} 须为保留两位小数的金额（元），如 18.50`);
    });
    if (refd !== '0' && refd !== '1') refuse(where, `${at}：refd_setl_flag 须为 0 或 1`);
    if (refd === '1' && amounts.some((fen) => fen > 0)) refuse(where, `${at}：退费结算（refd_setl_flag 1）的金额须为负数或 0`);
    if (refd === '0' && amounts.some((fen) => fen < 0)) refuse(where, `${at}：结算（refd_setl_flag 0）的金额不得为负数`);
    const earlier = seen.get(setlId!);
    if (earlier) refuse(where, `${at}：setl_id 与第${earlier}行重复`);
    seen.set(setlId!, index + 1);
    const [medfeeFen, fundFen, acctFen] = amounts as [number, number, number];
    return { line: index + 1, setlId: setlId!, mdtrtId: mdtrtId!, psnNo: psnNo!, medfeeFen, fundFen, acctFen, refd: refd === '1' ? 1 : 0 };
  });
}

/** One line of the 3202 result file, in its column order. */
export interface ResultRow {
  psnNo: string;
  mdtrtId: string;
  setlId: string;
  msgid: string;
  stmtRslt: '0' | '1' | '2' | '3';
  refd: number;
  memo: string;
  medfeeFen: number;
  fundFen: number;
  acctFen: number;
}

/** The result zip: one `.txt` of psn_no, mdtrt_id, setl_id, msgid, stmt_rslt, refd_setl_flag, memo and the three amounts. */
export function writeResultZip(txtName: string, rows: readonly ResultRow[]): Uint8Array {
  return writeTextZip(
    txtName,
    rows.map((r) => [
      r.psnNo, r.mdtrtId, r.setlId, r.msgid, r.stmtRslt, String(r.refd), r.memo, amountText(r.medfeeFen), amountText(r.fundFen), amountText(r.acctFen),
    ]),
  );
}
