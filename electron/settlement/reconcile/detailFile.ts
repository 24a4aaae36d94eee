import { unzipSync, zipSync } from 'fflate';
import { fenToYuan, yuanToFen, type Fen } from '../../../shared/money';

/**
 * The kiosk's side of the detail-reconciliation files (spec §2.8): a `.zip` holding one `.txt`,
 * UTF-8 without BOM, tab-separated, CRLF, no header row, amounts in yuan with two decimals,
 * cancellations negative. Written apart from the sandbox's reader on purpose: a client that
 * shared the platform's code could not find out where it misreads the platform.
 */

/** One settlement (or cancellation) of this terminal, as 9101 uploads it. */
export interface DetailLine {
  setlId: string;
  mdtrtId: string;
  psnNo: string;
  medfeeFen: Fen;
  fundFen: Fen;
  acctFen: Fen;
  refund: boolean;
}

export type StmtRslt = '0' | '1' | '2' | '3';

/** One line of the 3202 result (9102): how the platform's record and our line compare. */
export interface ResultLine {
  psnNo: string;
  mdtrtId: string;
  setlId: string;
  /** The settlement request's msgid as the platform holds it; empty for a line only our file has. */
  msgid: string;
  /** 0 both agree, 1 only the platform has it, 2 only our file has it, 3 the amounts differ. */
  stmtRslt: StmtRslt;
  refund: boolean;
  memo: string;
  medfeeFen: Fen;
  fundFen: Fen;
  acctFen: Fen;
}

/** A field may hold no separator the format uses: the line would split wrongly on the platform. */
function field(name: string, value: string): string {
  if (/[\t\r\n]/.test(value)) throw new RangeError(`${name} holds a tab or line break: ${JSON.stringify(value)}`);
  return value;
}

/** The upload: `setl_id, mdtrt_id, psn_no, medfee_sumamt, fund_pay_sumamt, acct_pay, refd_setl_flag`. */
export function buildDetailZip(txtName: string, lines: readonly DetailLine[]): Uint8Array {
  const text = lines
    .map((l) =>
      [
        field('setl_id', l.setlId),
        field('mdtrt_id', l.mdtrtId),
        field('psn_no', l.psnNo),
        fenToYuan(l.medfeeFen),
        fenToYuan(l.fundFen),
        fenToYuan(l.acctFen),
        l.refund ? '1' : '0',
      ].join('\t') + '\r\n',
    )
    .join('');
  return zipSync({ [txtName]: new TextEncoder().encode(text) });
}

/** The one `.txt` of a zip, decoded; RangeError when the zip holds anything else. */
export function readSingleText(zip: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch (error) {
    throw new RangeError(`not a readable zip: ${error instanceof Error ? error.message : String(error)}`);
  }
  const texts = Object.keys(files).filter((name) => /\.txt$/i.test(name));
  if (texts.length !== 1) throw new RangeError(`the zip holds ${texts.length} .txt files, not one`);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(files[texts[0]!]!);
  // Strictness where it costs nothing to be lenient would only turn a readable answer into an error.
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

const RESULT_COLUMNS = 10;
const RESULTS = new Set<string>(['0', '1', '2', '3']);

/**
 * The 3202 result: `psn_no, mdtrt_id, setl_id, msgid, stmt_rslt, refd_setl_flag, memo,
 * medfee_sumamt, fund_pay_sumamt, acct_pay`. Any line it cannot read makes the whole file
 * unreadable (RangeError naming the line): a verdict built on half a file would be wrong.
 */
export function readResultZip(zip: Uint8Array): ResultLine[] {
  const lines = readSingleText(zip).split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line, index) => {
    const at = `line ${index + 1}`;
    const cells = line.split('\t');
    if (cells.length !== RESULT_COLUMNS) throw new RangeError(`${at}: ${cells.length} columns, not ${RESULT_COLUMNS}`);
    const [psnNo, mdtrtId, setlId, msgid, stmtRslt, refd, memo, medfee, fund, acct] = cells as [
      string, string, string, string, string, string, string, string, string, string,
    ];
    if (!RESULTS.has(stmtRslt)) throw new RangeError(`${at}: stmt_rslt ${JSON.stringify(stmtRslt)}`);
    if (refd !== '0' && refd !== '1') throw new RangeError(`${at}: refd_setl_flag ${JSON.stringify(refd)}`);
    if (!setlId) throw new RangeError(`${at}: no setl_id`);
    const amount = (name: string, text: string) => {
      try {
        return yuanToFen(text);
      } catch {
        throw new RangeError(`${at}: ${name} ${JSON.stringify(text)} is not an amount`);
      }
    };
    return {
      psnNo,
      mdtrtId,
      setlId,
      msgid,
      stmtRslt: stmtRslt as StmtRslt,
      refund: refd === '1',
      memo,
      medfeeFen: amount('medfee_sumamt', medfee),
      fundFen: amount('fund_pay_sumamt', fund),
      acctFen: amount('acct_pay', acct),
    };
  });
}
