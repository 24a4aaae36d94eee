import { TestPlatformClient } from './support/client';
import { EMPLOYEE, outpatientSettlement } from './support/flows';
import { expectRefusalOf } from './support/refusals';
import { HOSPITAL, startTestSandbox, type TestSandbox } from './support/sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
  await t.hospital.signIn();
});
afterAll(() => t.stop());

const queryPerson = { data: { mdtrt_cert_type: '02', mdtrt_cert_no: EMPLOYEE.certno } };
const refusedEnvelope = (envelope: Record<string, unknown>) => t.hospital.refused('1101', queryPerson, { envelope });

describe('every envelope field is checked for presence, type and length', () => {
  test.each([
    [{ infno: undefined }, 'infno'],
    [{ infno: 1101 }, 'infno'],
    [{ infno: '11' }, 'infno'],
    [{ infno: '1101AB' }, 'infno'],
    [{ infno: '9999' }, 'infno'],
    [{ msgid: undefined }, 'msgid'],
    [{ msgid: 'H42120200001' }, 'msgid'],
    [{ msgid: 'H42120200001202611280930000001X' }, 'msgid'],
    [{ msgid: 'H4212020000120261128093000-001' }, 'msgid'],
    [{ msgid: { id: 1 } }, 'msgid'],
    [{ mdtrtarea_admvs: undefined }, 'mdtrtarea_admvs'],
    [{ mdtrtarea_admvs: '4212' }, 'mdtrtarea_admvs'],
    [{ mdtrtarea_admvs: '42120A' }, 'mdtrtarea_admvs'],
    [{ mdtrtarea_admvs: '110000' }, 'mdtrtarea_admvs'],
    [{ insuplc_admdvs: '4212001' }, 'insuplc_admdvs'],
    [{ recer_sys_code: undefined }, 'recer_sys_code'],
    [{ recer_sys_code: 'X'.repeat(11) }, 'recer_sys_code'],
    [{ dev_no: 'd'.repeat(101) }, 'dev_no'],
    [{ dev_safe_info: 's'.repeat(2001) }, 'dev_safe_info'],
    [{ cainfo: 'c'.repeat(1025) }, 'cainfo'],
    [{ signtype: 'SM2SM3SM4SM' }, 'signtype'],
    [{ infver: undefined }, 'infver'],
    [{ infver: 'V1.0.0.0' }, 'infver'],
    [{ opter_type: '9' }, 'opter_type'],
    [{ opter: undefined }, 'opter'],
    [{ opter: 'o'.repeat(31) }, 'opter'],
    [{ opter_name: '名'.repeat(51) }, 'opter_name'],
    [{ inf_time: '2026-11-28 09:00:00.000' }, 'inf_time'],
    [{ inf_time: '2026-11-28T09:00:00' }, 'inf_time'],
    [{ inf_time: '2026/11/28 09:00:00' }, 'inf_time'],
    [{ inf_time: '2026-02-30 09:00:00' }, 'inf_time'],
    [{ fixmedins_code: undefined }, 'fixmedins_code'],
    [{ fixmedins_code: 'H' + '1'.repeat(30) }, 'fixmedins_code'],
    [{ fixmedins_code: 'H99999999999' }, 'fixmedins_code'],
    [{ fixmedins_name: undefined }, 'fixmedins_name'],
    [{ sign_no: 's'.repeat(31) }, 'sign_no'],
    [{ enc_type: 'SM4' }, 'enc_type'],
    [{ input: undefined }, 'input'],
    [{ input: 'data' }, 'input'],
    [{ input: {} }, 'input.data'],
    [{ input: { data: [] } }, 'input.data'],
  ])('%j → refused, naming %s', async (envelope, field) => {
    expectRefusalOf(await refusedEnvelope(envelope), field);
  });

  test('infver 1.0.0 (Guangzhou style) is accepted as well as V1.0', async () => {
    await t.hospital.ok('1101', queryPerson, { envelope: { infver: '1.0.0' } });
  });
});

describe('sign-in', () => {
  test('every transaction but 9001 needs a sign_no; a signed-out one is refused', async () => {
    const client = new TestPlatformClient(t.sandbox.url, { paasId: t.sandbox.paasId, secret: t.sandbox.secret }, HOSPITAL);
    expectRefusalOf(await client.refused('1101', queryPerson), 'sign_no');
    expectRefusalOf(await client.refused('1101', queryPerson, { envelope: { sign_no: 'NOPE' } }), 'sign_no');
    const signNo = await client.signIn();
    expect(signNo).toHaveLength(30);
    await client.ok('1101', queryPerson);
    const { output } = await client.ok('9002', { signOut: { sign_no: signNo, opter_no: 'KIOSK-01' } });
    expect(output.signoutoutb.sign_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expectRefusalOf(await client.refused('1101', queryPerson), 'sign_no');
    expectRefusalOf(await client.refused('9001', { signIn: { opter_no: 'KIOSK-01' } }), 'input.signIn.ip');
  });

  test("one institution's sign_no does not open another's", async () => {
    expectRefusalOf(await t.pharmacy.refused('1101', queryPerson, { envelope: { sign_no: t.hospital.signNo } }), 'sign_no');
  });
});

describe('msgid', () => {
  test('a duplicate msgid is refused without side effects, even for a settlement', async () => {
    const first = await outpatientSettlement(t.hospital, EMPLOYEE, [{ code: '250101001000000', cnt: '1' }]);
    const before = (await t.admin(`/persons?psn_no=${EMPLOYEE.psnNo}`)).body;
    const again = await t.hospital.refused('2207', { data: {} }, { msgid: first.msgid });
    expectRefusalOf(again, 'msgid');
    expect((await t.admin(`/persons?psn_no=${EMPLOYEE.psnNo}`)).body).toEqual(before);
    expect((await t.admin(`/settlements?msgid=${first.msgid}`)).body.settlements).toHaveLength(1);
  });

  test('a refused request spends its msgid too', async () => {
    const msgid = t.hospital.nextMsgid();
    const first = await t.hospital.refused('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: '421202190001010000' } }, { msgid });
    expectRefusalOf(first, 'input.data.mdtrt_cert_no');
    expectRefusalOf(await t.hospital.refused('1101', queryPerson, { msgid }), 'msgid');
    // The record keeps the first answer: the repeat changed nothing, not even the stored reason.
    expect((await t.admin(`/messages?msgid=${msgid}`)).body.message).toMatchObject({ infno: '1101', infcode: -1, err_msg: first, psn_no: null });
  });
});

describe('persons in the input', () => {
  test('insuplc_admdvs is required whenever the input names a person, and must be theirs', async () => {
    const input = { data: { psn_no: EMPLOYEE.psnNo, setl_id: 'X', mdtrt_id: 'Y' } };
    expectRefusalOf(await t.hospital.refused('5203', input, { insuplcAdmdvs: '' }), 'insuplc_admdvs');
    const wrongArea = await t.hospital.refused('5203', input, { insuplcAdmdvs: '420100' });
    expectRefusalOf(wrongArea, 'insuplc_admdvs');
    // The one thing the client needs from it: which area is right.
    expect(wrongArea).toContain('421200');
  });

  test('an unknown person is an infcode -1, not an error page', async () => {
    const input = { data: { psn_no: '42120000000000009999', setl_id: 'X' } };
    const { status, body, msgid } = await t.hospital.send('5203', input);
    expect(status).toBe(200);
    expect(body).toMatchObject({ infcode: -1, output: null });
    expectRefusalOf(body.err_msg, 'input.data.psn_no');
    expect((await t.admin(`/messages?msgid=${msgid}`)).body.message).toMatchObject({ infcode: -1, psn_no: null });
  });

  test('pharmacy transactions are closed to hospitals and the other way round', async () => {
    expectRefusalOf(await t.hospital.refused('2101', { druginfo: {} }), 'infno');
    await t.pharmacy.signIn();
    expectRefusalOf(await t.pharmacy.refused('2201', { data: {} }), 'infno');
  });
});
