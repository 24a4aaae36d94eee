import { isLoopback } from '../../sandbox/server';
import { EMPLOYEE, RESIDENT, outpatientSettlement, register, settleInput, visitInfo, feeLines } from './support/flows';
import { CJK, expectRefusalOf } from './support/refusals';
import { startTestSandbox, type TestSandbox } from './support/sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
  await t.hospital.signIn();
});
afterAll(() => t.stop());
afterEach(() => t.admin('/faults', { method: 'DELETE' }));

const setFault = (fault: Record<string, unknown>) => t.admin('/faults', { method: 'POST', body: JSON.stringify(fault) });

/** A visit with one fee line, ready for 2207; returns the 2207 input. */
async function readyToSettle(person = RESIDENT) {
  const mdtrtId = await register(t.hospital, person);
  await visitInfo(t.hospital, person, mdtrtId);
  await t.hospital.ok('2204', { feedetail: feeLines(mdtrtId, person, [{ code: '250101001000000', cnt: '1' }]) });
  const pre = await t.hospital.ok('2206', settleInput(person, mdtrtId, { medfee_sumamt: 20 }));
  return { mdtrtId, input: settleInput(person, mdtrtId, pre.output.setlinfo) };
}

test('faults are set, listed and cleared through the admin endpoint; bad ones are refused', async () => {
  expect((await setFault({ infno: '2207', mode: 'latency', latencyMs: 20 })).body.faults).toEqual([{ infno: '2207', mode: 'latency', latencyMs: 20 }]);
  expect((await t.admin('/faults')).body.faults).toHaveLength(1);
  const bad = await setFault({ infno: 'abc', mode: 'explode' });
  expect(bad.status).toBe(400);
  expect(bad.body.error).toMatch(/infno: must be an infno like 2207, or \* for all/);
  await t.admin('/faults', { method: 'DELETE' });
  expect((await t.admin('/faults')).body.faults).toEqual([]);
});

test('latency delays but does not change the answer', async () => {
  await setFault({ infno: '1101', mode: 'latency', latencyMs: 30 });
  const { output } = await t.hospital.ok('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: EMPLOYEE.certno } });
  expect(output.baseinfo.psn_no).toBe(EMPLOYEE.psnNo);
});

test('an injected error answers infcode -1 (or a gateway status) and changes nothing', async () => {
  const { mdtrtId, input } = await readyToSettle();
  await setFault({ infno: '2207', mode: 'error', errMsg: '系统繁忙', times: 1 });
  const answer = await t.hospital.send('2207', input);
  expect(answer.body).toMatchObject({ infcode: -1, err_msg: '系统繁忙', output: null });
  expect((await t.admin(`/settlements?mdtrt_id=${mdtrtId}`)).body.settlements).toEqual([]);
  expect((await t.admin(`/messages?msgid=${answer.msgid}`)).body.message).toBeNull();

  await setFault({ infno: '*', mode: 'error', httpStatus: 503, times: 1 });
  expect((await t.hospital.send('2207', input)).status).toBe(503);
  // `times` used up: the next one goes through.
  await t.hospital.ok('2207', input);
});

test('an injected error without errMsg says something Chinese, not always the same, and changes nothing', async () => {
  const { mdtrtId, input } = await readyToSettle();
  await setFault({ infno: '2207', mode: 'error', times: 12 });
  const said = new Set<string>();
  for (let i = 0; i < 12; i += 1) {
    const answer = await t.hospital.send('2207', input);
    expect(answer.body).toMatchObject({ infcode: -1, output: null });
    expect(answer.body.err_msg).toMatch(CJK);
    expect((await t.admin(`/messages?msgid=${answer.msgid}`)).body.message).toBeNull();
    said.add(answer.body.err_msg!);
  }
  // Six wordings, twelve draws: all alike has odds of 6^-11 for a random seed.
  expect(said.size).toBeGreaterThan(1);
  expect((await t.admin(`/settlements?mdtrt_id=${mdtrtId}`)).body.settlements).toEqual([]);
  await t.hospital.ok('2207', input);
});

test('a fault for one terminal (devNo) leaves the other terminals of the institution alone', async () => {
  const { input } = await readyToSettle();
  await setFault({ infno: '2207', mode: 'error', errMsg: '另一台终端的故障', devNo: 'KIOSK-02', times: 1 });
  await setFault({ infno: '2207', mode: 'error', errMsg: '本终端的故障', devNo: 'KIOSK-01', times: 1 });
  expect((await t.admin('/faults')).body.faults).toHaveLength(2);
  expect((await t.hospital.send('2207', input)).body).toMatchObject({ infcode: -1, err_msg: '本终端的故障' });
  expect((await t.admin('/faults')).body.faults).toEqual([expect.objectContaining({ devNo: 'KIOSK-02', times: 1 })]);
  await t.hospital.ok('2207', input);
});

test('a dropped connection does nothing on the platform', async () => {
  const { mdtrtId, input } = await readyToSettle();
  await setFault({ infno: '2207', mode: 'drop', times: 1 });
  const msgid = t.hospital.nextMsgid();
  await expect(t.hospital.send('2207', input, { msgid })).rejects.toThrow();
  expect((await t.admin(`/messages?msgid=${msgid}`)).body.message).toBeNull();
  expect((await t.admin(`/settlements?mdtrt_id=${mdtrtId}`)).body.settlements).toEqual([]);
});

test('commit-then-drop settles but loses the answer; the admin read shows it and 2601 undoes it', async () => {
  const before = (await t.admin(`/persons?psn_no=${EMPLOYEE.psnNo}`)).body;
  const { mdtrtId, input } = await readyToSettle(EMPLOYEE);
  await setFault({ infno: '2207', mode: 'commit-then-drop', times: 1 });
  const msgid = t.hospital.nextMsgid();
  await expect(t.hospital.send('2207', input, { msgid })).rejects.toThrow();

  const record = (await t.admin(`/settlements?msgid=${msgid}`)).body.settlements;
  expect(record).toEqual([expect.objectContaining({ msgid, mdtrt_id: mdtrtId, state: 'valid', infno: '2207', medfee_sumamt: 20 })]);
  expect((await t.admin(`/messages?msgid=${msgid}`)).body.message).toMatchObject({ infno: '2207', infcode: 0, reversed_by: null });
  expectRefusalOf(await t.hospital.refused('2207', input, { msgid }), 'msgid');
  expect((await t.admin(`/settlements?mdtrt_id=${mdtrtId}`)).body.settlements).toHaveLength(1);

  await t.hospital.ok('2601', { data: { psn_no: EMPLOYEE.psnNo, omsgid: msgid, oinfno: '2207' } });
  expect((await t.admin(`/settlements?msgid=${msgid}`)).body.settlements[0].state).toBe('reversed');
  expect((await t.admin(`/persons?psn_no=${EMPLOYEE.psnNo}`)).body).toEqual(before);
});

test('admin reads answer 400 without a key and 404 for unknown records', async () => {
  expect((await t.admin('/settlements')).status).toBe(400);
  expect((await t.admin('/persons?psn_no=nobody')).status).toBe(404);
  expect((await t.admin('/visits?mdtrt_id=nothing')).status).toBe(404);
  expect((await t.admin('/nothing')).status).toBe(404);
  const r = await outpatientSettlement(t.hospital, RESIDENT, [{ code: '001102000010000', cnt: '1' }]);
  expect((await t.admin(`/settlements?setl_id=${r.settled.setlinfo.setl_id}`)).body.settlements[0].msgid).toBe(r.msgid);
});

test('admin endpoints answer loopback clients only', () => {
  expect(['127.0.0.1', '127.3.2.1', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
  expect(['192.168.1.10', '::ffff:10.0.0.1', '10.0.0.1', ''].some(isLoopback)).toBe(false);
});
