import { nowText, type TxContext, type TxDefinition } from '../context';
import {
  FILE_LIMIT_BYTES, amountText, isZip, readDetailRows, readSingleText, writeResultZip, type DetailRow, type ResultRow,
} from '../detailFile';
import { refuse } from '../errors';
import type { FieldReader, Json } from '../fields';
import { DEMO_POLICY } from '../policy/rules';
import type { SettlementRow } from '../store';
import { cstCompact, cstDateTime } from '../wire';

/**
 * Files and detail reconciliation (spec §2.8): 9101 keeps an institution's upload, 3202 compares
 * an uploaded detail file with the platform's records and stores the result, 9102 hands a file
 * back as bytes.
 * Decisions where the spec is silent: a file lives one day (`dld_endtime`) and belongs to the
 * institution that uploaded it (or, for a 3202 result, asked for it); another institution's file
 * is answered as unknown, so file numbers reveal nothing. 9101's output is flat
 * ({file_qury_no, filename, dld_endtime}), unlike 3202's `fileinfo` node.
 */

const FILE_LIFETIME_MS = 24 * 3600_000;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

interface FileRow {
  file_qury_no: string;
  fixmedins_code: string;
  filename: string;
  kind: 'upload' | 'result';
  content: Uint8Array;
  created_at: string;
  dld_endtime: string;
}

/** A file number: area (6) + yyyyMMddHHmmss (14) + a 10-digit serial, 30 characters in all. */
function nextFileNo(ctx: TxContext): { id: number; no: string } {
  const id = (ctx.sql.get<{ top: number }>('SELECT coalesce(max(id), 0) AS top FROM platform_file')?.top ?? 0) + 1;
  return { id, no: `${DEMO_POLICY.area}${cstCompact(ctx.now)}${String(id).padStart(10, '0')}` };
}

/** Stores a file of the calling institution; answers what 9101 and 3202's `fileinfo` carry. */
function storeFile(ctx: TxContext, file: { id: number; no: string; filename: string; kind: FileRow['kind']; content: Uint8Array }): Json {
  const endtime = cstDateTime(new Date(ctx.now.getTime() + FILE_LIFETIME_MS));
  ctx.sql.run(
    `INSERT INTO platform_file (id, file_qury_no, fixmedins_code, filename, kind, content, created_at, dld_endtime)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    file.id, file.no, ctx.envelope.fixmedins_code, file.filename, file.kind, file.content, nowText(ctx), endtime,
  );
  return { file_qury_no: file.no, filename: file.filename, dld_endtime: endtime };
}

/** A live file of the calling institution named by `file_qury_no` in `reader`. */
function ownFile(ctx: TxContext, reader: FieldReader): FileRow {
  const where = reader.field('file_qury_no');
  const row = ctx.sql.get<FileRow>('SELECT * FROM platform_file WHERE file_qury_no = ?', reader.str('file_qury_no', { max: 30 }));
  if (!row || row.fixmedins_code !== ctx.envelope.fixmedins_code) return refuse(where, '本机构无此文件');
  if (nowText(ctx) > row.dld_endtime) refuse(where, `文件已于 ${row.dld_endtime} 过期`);
  return row;
}

function checkOwnCode(ctx: TxContext, reader: FieldReader): void {
  if (reader.str('fixmedins_code', { max: 30 }) !== ctx.envelope.fixmedins_code) {
    refuse(reader.field('fixmedins_code'), '须与报文的 fixmedins_code 相同');
  }
}

/** `in`: Base64 text, or a list of byte values 0–255 (how some clients serialise byte[]). */
function uploadedBytes(reader: FieldReader): Uint8Array {
  const where = reader.field('in');
  const value = reader.source.in;
  if (value === undefined || value === null || value === '') return refuse(where, '必填');
  if (typeof value === 'string') {
    if (value.length % 4 !== 0 || !BASE64.test(value)) refuse(where, '须为 Base64 编码的文件内容（不含空白和换行）');
    return Buffer.from(value, 'base64');
  }
  if (Array.isArray(value)) {
    if (!value.every((b) => Number.isInteger(b) && (b as number) >= 0 && (b as number) <= 255)) {
      refuse(where, '字节数组的每一项须为 0–255 的整数');
    }
    return Uint8Array.from(value as number[]);
  }
  return refuse(where, '须为 Base64 字符串或字节数组');
}

const upload: TxDefinition = {
  handle(ctx) {
    const node = ctx.input.node('fsUploadIn');
    const filename = node.str('filename', { max: 100 });
    if (!/\.zip$/i.test(filename)) refuse(node.field('filename'), '须以 .zip 结尾');
    if (/[/\\]/.test(filename)) refuse(node.field('filename'), '须为文件名，不得含路径分隔符');
    checkOwnCode(ctx, node);
    const bytes = uploadedBytes(node);
    // The 1 MiB request body limit bites first for Base64; this keeps the rule should it be raised.
    if (bytes.length > FILE_LIMIT_BYTES) refuse(node.field('in'), `文件不得超过 ${FILE_LIMIT_BYTES / 1024 / 1024} MiB`);
    if (!isZip(bytes)) refuse(node.field('in'), '文件须为 zip 压缩包');
    return storeFile(ctx, { ...nextFileNo(ctx), filename, kind: 'upload', content: bytes });
  },
};

const FILE_BYTES = Symbol('9102 file bytes');

/** 9102's output: not an envelope but the file itself (see `downloadedFile`). */
type FileAnswer = { [FILE_BYTES]: Uint8Array; filename: string };

/** The bytes a transaction answers instead of an envelope (only 9102 does), or undefined. */
export function downloadedFile(output: Json | null): { bytes: Uint8Array; filename: string } | undefined {
  const file = output as Partial<FileAnswer> | null;
  return file?.[FILE_BYTES] ? { bytes: file[FILE_BYTES], filename: String(file.filename) } : undefined;
}

const download: TxDefinition = {
  handle(ctx) {
    const node = ctx.input.node('fsDownloadIn');
    const row = ownFile(ctx, node);
    if (node.str('filename', { max: 100 }) !== row.filename) refuse(node.field('filename'), '与该文件的文件名不符');
    checkOwnCode(ctx, node);
    const answer: FileAnswer = { [FILE_BYTES]: row.content, filename: row.filename };
    return answer;
  },
};

/** The scope of 3201/3202 records, as 3201 counts them: not reversed, settlements and cancellations alike. */
const SCOPE_SQL = `SELECT * FROM platform_settlement WHERE fixmedins_code = ? AND clr_type = ? AND clr_optins = ?
  AND substr(setl_time, 1, 10) BETWEEN ? AND ? AND state != 'reversed' AND (? IS NULL OR refd_setl_flag = ?) ORDER BY id`;

/** What differs between the platform's record and the file's line, in words for the memo. */
function differences(p: SettlementRow, f: DetailRow): string[] {
  const amounts: [string, number, number][] = [
    ['医疗费总额', p.medfee_fen, f.medfeeFen], ['基金支付总额', p.fund_fen, f.fundFen], ['个人账户支付', p.acct_fen, f.acctFen],
  ];
  const texts: [string, string, string][] = [
    ['人员编号', p.psn_no, f.psnNo], ['就诊ID', p.mdtrt_id, f.mdtrtId], ['退费结算标志', String(p.refd_setl_flag), String(f.refd)],
  ];
  return [
    ...amounts.filter(([, a, b]) => a !== b).map(([name, a, b]) => `${name}中心${amountText(a)}、机构${amountText(b)}`),
    ...texts.filter(([, a, b]) => a !== b).map(([name, a, b]) => `${name}中心${a}、机构${b}`),
  ];
}

/** Why the platform has no in-scope record of a file line; another institution's record counts as none. */
function missingMemo(ctx: TxContext, f: DetailRow): string {
  const row = ctx.sql.get<Pick<SettlementRow, 'fixmedins_code' | 'state'>>(
    'SELECT fixmedins_code, state FROM platform_settlement WHERE setl_id = ?', f.setlId,
  );
  if (!row || row.fixmedins_code !== ctx.envelope.fixmedins_code) return '医药机构多：中心无此结算';
  if (row.state === 'reversed') return '医药机构多：此结算已冲正（2601）';
  return '医药机构多：此结算不在本次对账范围（结算日期或清算类别、机构不同）';
}

/** Platform records first in the order they were made, then the file's extra lines in file order. */
function compare(ctx: TxContext, records: SettlementRow[], lines: DetailRow[]): ResultRow[] {
  const byId = new Map(lines.map((line) => [line.setlId, line]));
  const rows: ResultRow[] = records.map((p) => {
    const f = byId.get(p.setl_id);
    byId.delete(p.setl_id);
    const diffs = f ? differences(p, f) : [];
    const [stmtRslt, verdict] = !f ? (['1', '中心多：医药机构明细中无此结算'] as const)
      : diffs.length > 0 ? (['3', `数据不一致：${diffs.join('；')}`] as const)
      : (['0', '对平'] as const);
    // The result file's columns are the spec's (§2.8, no 共济 column): the memo says what 共济 paid.
    const memo = p.mulaid_fen !== 0 ? `${verdict}（含家庭共济支付${amountText(p.mulaid_fen)}元）` : verdict;
    return {
      psnNo: p.psn_no, mdtrtId: p.mdtrt_id, setlId: p.setl_id, msgid: p.msgid, stmtRslt, refd: p.refd_setl_flag, memo,
      medfeeFen: p.medfee_fen, fundFen: p.fund_fen, acctFen: p.acct_fen,
    };
  });
  for (const f of lines.filter((line) => byId.has(line.setlId))) {
    rows.push({
      psnNo: f.psnNo, mdtrtId: f.mdtrtId, setlId: f.setlId, msgid: '', stmtRslt: '2', refd: f.refd, memo: missingMemo(ctx, f),
      medfeeFen: f.medfeeFen, fundFen: f.fundFen, acctFen: f.acctFen,
    });
  }
  return rows;
}

/**
 * 3202: the uploaded detail file against the platform's records of this institution for the
 * clr_type × setl_optins (the record's clr_optins) × settlement dates [× refd_setl_flag] — the
 * records 3201 counts, across insurance types (3202 has no insutype). The file's count, medfee
 * and fund totals must equal the input's; `cash_payamt` is read but compared with nothing, as
 * the file has no cash column. A line that agrees with a record on ids, flag and the three
 * amounts is 0; a record without a line 1; a line without a record 2; both, differing, 3 (with
 * the platform's amounts).
 */
const reconcileDetail: TxDefinition = {
  handle(ctx) {
    const data = ctx.input.node('data');
    const setlOptins = data.str('setl_optins', { max: 6, min: 6 });
    const clrType = data.str('clr_type', { max: 6 });
    const begin = data.date('stmt_begndate');
    const end = data.date('stmt_enddate');
    if (end < begin) refuse(data.field('stmt_enddate'), '不得早于 stmt_begndate');
    const claimed = {
      medfee: data.money('medfee_sumamt'),
      fund: data.money('fund_pay_sumamt'),
      cnt: Number(data.str('fixmedins_setl_cnt', { max: 10, numeric: true, pattern: /^\d+$/, shape: '须为非负整数' })),
    };
    data.money('cash_payamt');
    const refd = data.str('refd_setl_flag', { max: 3, optional: true, oneOf: ['0', '1'] });
    const upload = ownFile(ctx, data);
    const where = data.field('file_qury_no');
    if (upload.kind !== 'upload') refuse(where, '须为本机构用 9101 上传的明细文件');
    const lines = readDetailRows(readSingleText(upload.content, where), where);
    const stray = refd === undefined ? undefined : lines.find((line) => String(line.refd) !== refd);
    if (stray) refuse(where, `第${stray.line}行：refd_setl_flag 须为入参指定的 ${refd}`);
    const sum = (pick: (line: DetailRow) => number) => lines.reduce((total, line) => total + pick(line), 0);
    if (lines.length !== claimed.cnt) refuse(data.field('fixmedins_setl_cnt'), `与明细文件的行数 ${lines.length} 不符`);
    if (sum((l) => l.medfeeFen) !== claimed.medfee) refuse(data.field('medfee_sumamt'), `与明细文件的合计 ${amountText(sum((l) => l.medfeeFen))} 不符`);
    if (sum((l) => l.fundFen) !== claimed.fund) refuse(data.field('fund_pay_sumamt'), `与明细文件的合计 ${amountText(sum((l) => l.fundFen))} 不符`);

    const records = ctx.sql.all<SettlementRow>(
      SCOPE_SQL, ctx.envelope.fixmedins_code, clrType, setlOptins, begin, end, refd ?? null, refd === undefined ? null : Number(refd),
    );
    const file = nextFileNo(ctx);
    const content = writeResultZip(`DZMX_${file.no}.txt`, compare(ctx, records, lines));
    return { fileinfo: storeFile(ctx, { ...file, filename: `DZMX_${file.no}.zip`, kind: 'result', content }) };
  },
};

export const fileTransactions: Record<string, TxDefinition> = { '9101': upload, '9102': download, '3202': reconcileDetail };
