import { randomBytes } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { PLATFORM_PATH } from '../../sandbox/platform';
import { cstDate } from '../../sandbox/platform/wire';
import type { TestPlatformClient } from './support/client';
import { EMPLOYEE, RESIDENT, outpatientSettlement } from './support/flows';
import { expectRefusalOf } from './support/refusals';
import { startTestSandbox, type TestSandbox } from './support/sandbox';

// Each test settles on its own day, so the platform's records of one do not reach another's period.
const BASE = Date.parse('2026-11-02T02:00:00Z');
const started = Date.now();
let day = 0;
const clock = () => new Date(BASE + day * 86_400_000 + (Date.now() - started));
const today = () => cstDate(clock());

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ clock });
  await t.hospital.signIn();
  await t.pharmacy.signIn();
});
afterAll(() => t.stop());

type Line = string[];
const money = (yuan: number) => yuan.toFixed(2);
const lineOf = (s: Record<string, any>): Line => [
  s.setl_id, s.mdtrt_id, s.psn_no, money(s.medfee_sumamt), money(s.fund_pay_sumamt), money(s.acct_pay), s.medfee_sumamt < 0 ? '1' : '0',
];
const zipText = (text: string | Uint8Array, name = 'detail.txt') => zipSync({ [name]: typeof text === 'string' ? strToU8(text) : text });
const crlf = (lines: Line[]) => lines.map((l) => `${l.join('\t')}\r\n`).join('');
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function upload(client: TestPlatformClient, bytes: Uint8Array | string, filename = 'DZMX.zip') {
  const content = typeof bytes === 'string' ? bytes : b64(bytes);
  return client.send('9101', { fsUploadIn: { in: content, filename, fixmedins_code: client.institution.code } });
}

async function uploaded(client: TestPlatformClient, bytes: Uint8Array): Promise<string> {
  const answer = await upload(client, bytes);
  expect(answer.body.err_msg).toBeNull();
  return answer.body.output.file_qury_no as string;
}

/** 3202 data whose totals are those of `lines` unless overridden. */
function detailInput(fileQuryNo: string, lines: Line[], over: Record<string, unknown> = {}) {
  const total = (i: number) => money(lines.reduce((sum, l) => sum + Math.round(Number(l[i]) * 100), 0) / 100);
  return {
    data: {
      setl_optins: '421200', file_qury_no: fileQuryNo, stmt_begndate: today(), stmt_enddate: today(), medfee_sumamt: total(3),
      fund_pay_sumamt: total(4), cash_payamt: '0.00', fixmedins_setl_cnt: String(lines.length), clr_type: '11', ...over,
    },
  };
}

/** 9102 over raw HTTP: its success is a body of bytes, not an envelope. */
async function download(client: TestPlatformClient, fileQuryNo: string, filename: string) {
  const envelope = client.envelope('9102', { fsDownloadIn: { file_qury_no: fileQuryNo, filename, fixmedins_code: client.institution.code } });
  const response = await fetch(`${client.url}${PLATFORM_PATH}`, { method: 'POST', headers: client.headers(), body: JSON.stringify(envelope) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, type, bytes, json: () => JSON.parse(strFromU8(bytes)) };
}

/** Uploads `lines`, runs 3202 and downloads the result's rows. */
async function reconcile(lines: Line[], over: Record<string, unknown> = {}) {
  const no = await uploaded(t.hospital, zipText(crlf(lines)));
  const { fileinfo } = (await t.hospital.ok('3202', detailInput(no, lines, over))).output;
  const file = await download(t.hospital, fileinfo.file_qury_no, fileinfo.filename);
  expect(file.type).toBe('application/octet-stream');
  const entries = Object.entries(unzipSync(file.bytes));
  expect(entries.map(([name]) => name)).toEqual([expect.stringMatching(/\.txt$/)]);
  const text = strFromU8(entries[0]![1]);
  expect(text.endsWith('\r\n')).toBe(true);
  return text.slice(0, -2).split('\r\n').map((row) => {
    const [psn_no, mdtrt_id, setl_id, msgid, stmt_rslt, refd_setl_flag, memo, medfee_sumamt, fund_pay_sumamt, acct_pay] = row.split('\t');
    return { psn_no, mdtrt_id, setl_id, msgid, stmt_rslt, refd_setl_flag, memo, medfee_sumamt, fund_pay_sumamt, acct_pay };
  });
}

const cancel = (person: typeof EMPLOYEE, r: { mdtrtId: string; settled: any }) =>
  t.hospital.ok('2208', { data: { setl_id: r.settled.setlinfo.setl_id, mdtrt_id: r.mdtrtId, psn_no: person.psnNo } });

test('3202: one row each of 0 agreed, 1 platform only, 2 file only, 3 amounts differ, with the platform msgid', async () => {
  day = 0;
  const agreed = await outpatientSettlement(t.hospital, EMPLOYEE, [{ code: 'XA02BCA076A001010100', cnt: '2' }]);
  const omitted = await outpatientSettlement(t.hospital, RESIDENT, [{ code: 'XJ01DCA064B002010100', cnt: '1' }]);
  const changed = await outpatientSettlement(t.hospital, EMPLOYEE, [{ code: '001102000010000', cnt: '1' }]);
  const changedLine = lineOf(changed.settled.setlinfo);
  changedLine[3] = money(changed.settled.setlinfo.medfee_sumamt + 1);
  const invented = ['H99FAKE000000000000000000001', 'MDTFAKE01', RESIDENT.psnNo, '12.00', '6.00', '0.00', '0'];

  const rows = await reconcile([lineOf(agreed.settled.setlinfo), changedLine, invented]);
  expect(rows.map((r) => r.stmt_rslt).sort()).toEqual(['0', '1', '2', '3']);
  const byRslt = Object.fromEntries(rows.map((r) => [r.stmt_rslt, r]));
  const platformRow = (s: { settled: any; msgid: string }) => {
    const info = s.settled.setlinfo;
    return {
      psn_no: info.psn_no, mdtrt_id: info.mdtrt_id, setl_id: info.setl_id, msgid: s.msgid, refd_setl_flag: '0',
      medfee_sumamt: money(info.medfee_sumamt), fund_pay_sumamt: money(info.fund_pay_sumamt), acct_pay: money(info.acct_pay),
    };
  };
  expect(byRslt['0']).toMatchObject(platformRow(agreed));
  expect(byRslt['1']).toMatchObject(platformRow(omitted));
  expect(byRslt['3']).toMatchObject(platformRow(changed));
  expect(byRslt['2']).toMatchObject({
    psn_no: RESIDENT.psnNo, mdtrt_id: 'MDTFAKE01', setl_id: invented[0], msgid: '', refd_setl_flag: '0',
    medfee_sumamt: '12.00', fund_pay_sumamt: '6.00', acct_pay: '0.00',
  });
  expect(agreed.msgid).toBe(agreed.settled.setlinfo.medins_setl_id);
  for (const row of rows) expect(row.memo).toMatch(/[\u4e00-\u9fff]/);
  expect(byRslt['3']!.memo).toContain(changedLine[3]);
});

test('3202 counts cancellations with negative amounts, leaves reversed settlements out, and narrows by refd_setl_flag', async () => {
  day = 1;
  const kept = await outpatientSettlement(t.hospital, EMPLOYEE, [{ code: 'XA02BCA076A001010100', cnt: '1' }]);
  const cancelled = await outpatientSettlement(t.hospital, RESIDENT, [{ code: 'XJ01DCA064B002010100', cnt: '2' }]);
  const cancelAnswer = await cancel(RESIDENT, cancelled);
  const reversed = await outpatientSettlement(t.hospital, RESIDENT, [{ code: '001102000010000', cnt: '1' }]);
  await t.hospital.ok('2601', { data: { psn_no: RESIDENT.psnNo, omsgid: reversed.msgid, oinfno: '2207' } });
  const cancelLine = lineOf(cancelAnswer.output.setlinfo);
  expect(cancelLine[6]).toBe('1');

  const rows = await reconcile([lineOf(kept.settled.setlinfo), lineOf(cancelled.settled.setlinfo), cancelLine, lineOf(reversed.settled.setlinfo)]);
  expect(rows.map((r) => [r.setl_id, r.stmt_rslt])).toEqual([
    [kept.settled.setlinfo.setl_id, '0'],
    [cancelled.settled.setlinfo.setl_id, '0'],
    [cancelLine[0], '0'],
    [reversed.settled.setlinfo.setl_id, '2'],
  ]);
  expect(rows[2]).toMatchObject({ msgid: cancelAnswer.msgid, refd_setl_flag: '1', medfee_sumamt: cancelLine[3] });
  expect(rows[3]!.memo).toContain('冲正');

  const onlyCancels = await reconcile([cancelLine], { refd_setl_flag: '1' });
  expect(onlyCancels.map((r) => [r.setl_id, r.stmt_rslt])).toEqual([[cancelLine[0], '0']]);
});

describe('9101 upload', () => {
  const zip = zipText('S1\tM1\tP1\t1.00\t0.50\t0.00\t0\r\n');

  test('takes Base64 or a list of bytes and answers a unique file number with its expiry', async () => {
    day = 2;
    const first = (await t.hospital.ok('9101', { fsUploadIn: { in: b64(zip), filename: '明细.zip', fixmedins_code: t.hospital.institution.code } })).output;
    const second = (await t.hospital.ok('9101', { fsUploadIn: { in: Array.from(zip), filename: 'bytes.zip', fixmedins_code: t.hospital.institution.code } })).output;
    expect(first).toEqual({ file_qury_no: expect.stringMatching(/^\w{30}$/), filename: '明细.zip', dld_endtime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) });
    expect(first.dld_endtime.slice(0, 10)).toBe(cstDate(new Date(clock().getTime() + 86_400_000)));
    expect(second.file_qury_no).not.toBe(first.file_qury_no);
    const back = await download(t.hospital, second.file_qury_no, 'bytes.zip');
    expect(Buffer.from(back.bytes).equals(Buffer.from(zip))).toBe(true);
  });

  test('a file far beyond the 40000-character input limit is taken; one over 1 MiB is refused', async () => {
    const big = zipSync({ 'big.txt': randomBytes(700 * 1024) }, { level: 0 });
    expect((await upload(t.hospital, big)).body.infcode).toBe(0);
    const tooBig = zipSync({ 'big.txt': randomBytes(1024 * 1024) }, { level: 0 });
    const refused = await upload(t.hospital, tooBig);
    expect(refused.body.infcode).toBe(-1);
    expectRefusalOf(refused.body.err_msg, 'body');
  });

  test.each([
    ['bad Base64', { in: 'not base64!' }, 'in'],
    ['not a zip', { in: b64(strToU8('hello')) }, 'in'],
    ['bytes out of range', { in: [80, 75, 300] }, 'in'],
    ['a name not ending .zip', { filename: 'detail.txt' }, 'filename'],
    ['another institution code', { fixmedins_code: 'P42120200001' }, 'fixmedins_code'],
  ])('refuses %s', async (_name, over, field) => {
    const err = await t.hospital.refused('9101', { fsUploadIn: { in: b64(zip), filename: 'd.zip', fixmedins_code: t.hospital.institution.code, ...over } });
    expectRefusalOf(err, `input.fsUploadIn.${field}`);
  });
});

describe('3202 refuses a malformed file, naming the line', () => {
  const good = ['S1', 'M1', 'P1', '10.00', '5.00', '0.00', '0'];
  const refusedFor = async (bytes: Uint8Array, lines: Line[] = [good], over: Record<string, unknown> = {}) =>
    t.hospital.refused('3202', detailInput(await uploaded(t.hospital, bytes), lines, over));

  test.each([
    ['LF line ends', zipText(`${good.join('\t')}\n${good.join('\t')}\n`), '第1行：行尾须为 CRLF'],
    ['six columns on line 2', zipText(crlf([good, good.slice(1)])), '第2行'],
    ['one decimal', zipText(crlf([good.map((v, i) => (i === 3 ? '10.0' : v))])), '第1行'],
    ['a positive cancellation', zipText(crlf([good.map((v, i) => (i === 6 ? '1' : v))])), '第1行'],
    ['a setl_id twice', zipText(crlf([good, good])), '第2行'],
    ['two files in the zip', zipSync({ 'a.txt': strToU8(crlf([good])), 'b.txt': strToU8(crlf([good])) }), '.txt'],
    ['GBK text', zipText(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0x0d, 0x0a])), 'UTF-8'],
  ])('%s', async (_name, bytes, said) => {
    const err = await refusedFor(bytes);
    expectRefusalOf(err, 'input.data.file_qury_no');
    expect(err).toContain(said);
  });

  test('totals that differ from the file', async () => {
    const bytes = zipText(crlf([good]));
    expectRefusalOf(await refusedFor(bytes, [good], { fixmedins_setl_cnt: '2' }), 'input.data.fixmedins_setl_cnt');
    expectRefusalOf(await refusedFor(bytes, [good], { medfee_sumamt: '10.01' }), 'input.data.medfee_sumamt');
    expectRefusalOf(await refusedFor(bytes, [good], { fund_pay_sumamt: '4.99' }), 'input.data.fund_pay_sumamt');
  });
});

describe('9102 download', () => {
  test('another institution cannot fetch or reconcile a file; a wrong name or an expired file is refused', async () => {
    day = 3;
    const bytes = zipText(crlf([['S1', 'M1', 'P1', '1.00', '0.00', '0.00', '0']]));
    const pharmacyFile = (await t.pharmacy.ok('9101', { fsUploadIn: { in: b64(bytes), filename: 'p.zip', fixmedins_code: t.pharmacy.institution.code } })).output;
    const theirs = await download(t.hospital, pharmacyFile.file_qury_no, 'p.zip');
    expect(theirs.type).toMatch(/^application\/json/);
    expect(theirs.json().infcode).toBe(-1);
    expectRefusalOf(theirs.json().err_msg, 'input.fsDownloadIn.file_qury_no');
    const stolen = await t.hospital.refused('3202', detailInput(pharmacyFile.file_qury_no, [['S1', 'M1', 'P1', '1.00', '0.00', '0.00', '0']]));
    expectRefusalOf(stolen, 'input.data.file_qury_no');
    expect((await download(t.pharmacy, pharmacyFile.file_qury_no, 'p.zip')).type).toBe('application/octet-stream');

    const wrongName = await download(t.pharmacy, pharmacyFile.file_qury_no, 'other.zip');
    expect(wrongName.json().infcode).toBe(-1);
    expectRefusalOf(wrongName.json().err_msg, 'input.fsDownloadIn.filename');
    day = 4.5;
    const expired = await download(t.pharmacy, pharmacyFile.file_qury_no, 'p.zip');
    expect(expired.json().infcode).toBe(-1);
    expectRefusalOf(expired.json().err_msg, 'input.fsDownloadIn.file_qury_no');
    expect(expired.json().err_msg).toContain('过期');
  });

  test('goes through the msgid rule like every call', async () => {
    day = 5;
    const no = await uploaded(t.hospital, zipText(crlf([['S1', 'M1', 'P1', '1.00', '0.00', '0.00', '0']])));
    const msgid = t.hospital.nextMsgid();
    const input = { fsDownloadIn: { file_qury_no: no, filename: 'DZMX.zip', fixmedins_code: t.hospital.institution.code } };
    const envelope = JSON.stringify(t.hospital.envelope('9102', input, { msgid }));
    const first = await fetch(`${t.hospital.url}${PLATFORM_PATH}`, { method: 'POST', headers: t.hospital.headers(), body: envelope });
    expect(first.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await first.arrayBuffer()).subarray(0, 2).toString('latin1')).toBe('PK');
    const again = await t.hospital.post(envelope, t.hospital.headers());
    expect(again.body.infcode).toBe(-1);
    expectRefusalOf(again.body.err_msg, 'msgid');
  });
});
