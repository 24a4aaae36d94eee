import { startSandbox } from '../../sandbox';
import { cstCompact } from '../../sandbox/platform/wire';
import { EMPLOYEE, feeLines, register, settleInput, visitInfo } from './support/flows';
import { expectRefusalOf } from './support/refusals';
import { HOSPITAL, startTestSandbox, type TestSandbox } from './support/sandbox';

/**
 * The gateway's freshness window, short (2 s) so a test can outlast it. The platform judges a
 * request by its clock when it processes it, so a request held up on the way past the window is
 * refused however fresh it was when sent — which is what bounds an unanswered request's fate.
 */
const WINDOW_SECONDS = 2;

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ tifWindowSeconds: WINDOW_SECONDS });
  await t.hospital.signIn();
});
afterAll(() => t.stop());
afterEach(() => t.admin('/faults', { method: 'DELETE' }));

const queryPerson = { data: { mdtrt_cert_type: '02', mdtrt_cert_no: EMPLOYEE.certno } };
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A visit of the employee with one fee line, ready for 2207; returns the 2207 input. */
async function readyToSettle() {
  const mdtrtId = await register(t.hospital, EMPLOYEE);
  await visitInfo(t.hospital, EMPLOYEE, mdtrtId);
  await t.hospital.ok('2204', { feedetail: feeLines(mdtrtId, EMPLOYEE, [{ code: '250101001000000', cnt: '1' }]) });
  const pre = await t.hospital.ok('2206', settleInput(EMPLOYEE, mdtrtId, { medfee_sumamt: 20 }));
  return { mdtrtId, input: settleInput(EMPLOYEE, mdtrtId, pre.output.setlinfo) };
}

test('the window is the one asked for, and a prompt request passes it', async () => {
  expect(t.sandbox.tifWindowSeconds).toBe(WINDOW_SECONDS);
  await t.hospital.ok('1101', queryPerson);
  // One second old is inside a 2 s window even when the second ticks on the way.
  const oneSecondOld = t.hospital.headers(undefined, String(nowSeconds() - 1));
  const answer = await t.hospital.post(JSON.stringify(t.hospital.envelope('1101', queryPerson)), oneSecondOld);
  expect(answer.body.infcode).toBe(0);
});

test('a timestamp older than the window is refused at once, naming the header', async () => {
  const stale = t.hospital.headers(undefined, String(nowSeconds() - WINDOW_SECONDS - 2));
  const envelope = t.hospital.envelope('1101', queryPerson);
  const answer = await t.hospital.post(JSON.stringify(envelope), stale);
  expect(answer.body).toMatchObject({ infcode: -1, output: null });
  expectRefusalOf(answer.body.err_msg, 'header x-tif-timestamp');
  expect((await t.admin(`/messages?msgid=${envelope.msgid as string}`)).body.message).toBeNull();
});

test('a settlement delayed past the window on its way in is refused: nothing settled, its msgid not processed', async () => {
  const { mdtrtId, input } = await readyToSettle();
  const before = (await t.admin(`/persons?psn_no=${EMPLOYEE.psnNo}`)).body;
  await t.admin('/faults', { method: 'POST', body: JSON.stringify({ infno: '2207', mode: 'latency', latencyMs: (WINDOW_SECONDS + 1.5) * 1000, times: 1 }) });

  const { status, body, msgid } = await t.hospital.send('2207', input);
  expect(status).toBe(200);
  expect(body).toMatchObject({ infcode: -1, output: null });
  expectRefusalOf(body.err_msg, 'header x-tif-timestamp');
  expect((await t.admin(`/messages?msgid=${msgid}`)).body.message).toBeNull();
  expect((await t.admin(`/settlements?mdtrt_id=${mdtrtId}`)).body.settlements).toEqual([]);
  expect((await t.admin(`/persons?psn_no=${EMPLOYEE.psnNo}`)).body).toEqual(before);
  expect((await t.admin(`/visits?mdtrt_id=${mdtrtId}`)).body).toMatchObject({ state: 'registered', open_fee_lines: 1, settled_fee_lines: 0 });

  // Nothing half-done stands in the way: the same bill settles under a new msgid.
  const settled = await t.hospital.ok('2207', input);
  expect((await t.admin(`/settlements?mdtrt_id=${mdtrtId}`)).body.settlements).toEqual([expect.objectContaining({ msgid: settled.msgid, state: 'valid' })]);
}, 15_000);

test('a delay inside the window changes nothing', async () => {
  await t.admin('/faults', { method: 'POST', body: JSON.stringify({ infno: '1101', mode: 'latency', latencyMs: 200, times: 1 }) });
  await t.hospital.ok('1101', queryPerson);
});

test("the msgid's time is held to the same window, even under fresh headers", async () => {
  const old = new Date(Date.now() - (WINDOW_SECONDS + 3) * 1000);
  // 9999: a counter the test client never reaches, so this can't be the msgid of a real request
  // (its 9001 sign-in, a few seconds ago, may have had exactly this time and counter 0001).
  const msgid = `${HOSPITAL.code}${cstCompact(old)}9999`;
  expectRefusalOf(await t.hospital.refused('1101', queryPerson, { msgid }), 'msgid');
  expect((await t.admin(`/messages?msgid=${msgid}`)).body.message).toBeNull();
});

test('a window that is not a whole number of seconds ≥ 1 is refused at start', async () => {
  for (const tifWindowSeconds of [0, -5, 1.5, Number.NaN]) {
    await expect(startSandbox({ tifWindowSeconds, log: () => {}, parts: { face: false, his: false } })).rejects.toThrow(/tifWindowSeconds/);
  }
});
