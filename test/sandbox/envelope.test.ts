import { TestPlatformClient } from './support/client';
import { EMPLOYEE, outpatientSettlement } from './support/flows';
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
    [{ infno: undefined }, 'infno: required'],
    [{ infno: 1101 }, 'infno: must be a string'],
    [{ infno: '11' }, 'infno: must be at least 4 characters'],
    [{ infno: '1101AB' }, 'infno: must be 4 digits, optionally followed by a capital letter'],
    [{ infno: '9999' }, 'infno: unknown transaction 9999'],
    [{ msgid: undefined }, 'msgid: required'],
    [{ msgid: 'H42120200001' }, 'msgid: must be at least 30 characters'],
    [{ msgid: 'H42120200001202611280930000001X' }, 'msgid: must be at most 30 characters'],
    [{ msgid: 'H4212020000120261128093000-001' }, 'msgid: must be 30 letters or digits'],
    [{ msgid: { id: 1 } }, 'msgid: must be a string'],
    [{ mdtrtarea_admvs: undefined }, 'mdtrtarea_admvs: required'],
    [{ mdtrtarea_admvs: '4212' }, 'mdtrtarea_admvs: must be at least 6 characters'],
    [{ mdtrtarea_admvs: '42120A' }, 'mdtrtarea_admvs: must be a 6-digit division code'],
    [{ mdtrtarea_admvs: '110000' }, "mdtrtarea_admvs: must be this platform's area 421200"],
    [{ insuplc_admdvs: '4212001' }, 'insuplc_admdvs: must be at most 6 characters'],
    [{ recer_sys_code: undefined }, 'recer_sys_code: required'],
    [{ recer_sys_code: 'X'.repeat(11) }, 'recer_sys_code: must be at most 10 characters'],
    [{ dev_no: 'd'.repeat(101) }, 'dev_no: must be at most 100 characters'],
    [{ dev_safe_info: 's'.repeat(2001) }, 'dev_safe_info: must be at most 2000 characters'],
    [{ cainfo: 'c'.repeat(1025) }, 'cainfo: must be at most 1024 characters'],
    [{ signtype: 'SM2SM3SM4SM' }, 'signtype: must be at most 10 characters'],
    [{ infver: undefined }, 'infver: required'],
    [{ infver: 'V1.0.0.0' }, 'infver: must be at most 6 characters'],
    [{ opter_type: '9' }, 'opter_type: must be one of 1, 2, 3'],
    [{ opter: undefined }, 'opter: required'],
    [{ opter: 'o'.repeat(31) }, 'opter: must be at most 30 characters'],
    [{ opter_name: '名'.repeat(51) }, 'opter_name: must be at most 50 characters'],
    [{ inf_time: '2026-11-28 09:00:00.000' }, 'inf_time: must be at most 19 characters'],
    [{ inf_time: '2026-11-28T09:00:00' }, 'inf_time: must be a datetime yyyy-MM-dd HH:mm:ss'],
    [{ inf_time: '2026/11/28 09:00:00' }, 'inf_time: must be a datetime yyyy-MM-dd HH:mm:ss'],
    [{ inf_time: '2026-02-30 09:00:00' }, 'inf_time: must be a datetime yyyy-MM-dd HH:mm:ss'],
    [{ fixmedins_code: undefined }, 'fixmedins_code: required'],
    [{ fixmedins_code: 'H' + '1'.repeat(30) }, 'fixmedins_code: must be at most 30 characters'],
    [{ fixmedins_code: 'H99999999999' }, 'fixmedins_code: not a designated institution of this platform'],
    [{ fixmedins_name: undefined }, 'fixmedins_name: required'],
    [{ sign_no: 's'.repeat(31) }, 'sign_no: must be at most 30 characters'],
    [{ enc_type: 'SM4' }, 'enc_type: must be empty: the sandbox speaks plain JSON (no SM4)'],
    [{ input: undefined }, 'input: required'],
    [{ input: 'data' }, 'input: must be an object of nodes'],
    [{ input: {} }, 'input.data: required'],
    [{ input: { data: [] } }, 'input.data: must be an object'],
  ])('%j → %s', async (envelope, message) => {
    expect(await refusedEnvelope(envelope)).toBe(message);
  });

  test('infver 1.0.0 (Guangzhou style) is accepted as well as V1.0', async () => {
    await t.hospital.ok('1101', queryPerson, { envelope: { infver: '1.0.0' } });
  });
});

describe('sign-in', () => {
  test('every transaction but 9001 needs a sign_no; a signed-out one is refused', async () => {
    const client = new TestPlatformClient(t.sandbox.url, { paasId: t.sandbox.paasId, secret: t.sandbox.secret }, HOSPITAL);
    expect(await client.refused('1101', queryPerson)).toBe('sign_no: required after sign-in (9001)');
    expect(await client.refused('1101', queryPerson, { envelope: { sign_no: 'NOPE' } })).toBe('sign_no: no sign-in with this sign_no for this institution');
    const signNo = await client.signIn();
    expect(signNo).toHaveLength(30);
    await client.ok('1101', queryPerson);
    const { output } = await client.ok('9002', { signOut: { sign_no: signNo, opter_no: 'KIOSK-01' } });
    expect(output.signoutoutb.sign_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(await client.refused('1101', queryPerson)).toBe('sign_no: signed out (9002); sign in again');
    expect(await client.refused('9001', { signIn: { opter_no: 'KIOSK-01' } })).toBe('input.signIn.ip: required');
  });

  test("one institution's sign_no does not open another's", async () => {
    expect(await t.pharmacy.refused('1101', queryPerson, { envelope: { sign_no: t.hospital.signNo } })).toBe(
      'sign_no: no sign-in with this sign_no for this institution',
    );
  });
});

describe('msgid', () => {
  test('a duplicate msgid is refused without side effects, even for a settlement', async () => {
    const first = await outpatientSettlement(t.hospital, EMPLOYEE, [{ code: '250101001000000', cnt: '1' }]);
    const before = (await t.admin(`/persons?psn_no=${EMPLOYEE.psnNo}`)).body;
    const again = await t.hospital.refused('2207', { data: {} }, { msgid: first.msgid });
    expect(again).toBe('msgid: already used by an earlier request; every request needs a new msgid');
    expect((await t.admin(`/persons?psn_no=${EMPLOYEE.psnNo}`)).body).toEqual(before);
    expect((await t.admin(`/settlements?msgid=${first.msgid}`)).body.settlements).toHaveLength(1);
  });

  test('a refused request spends its msgid too', async () => {
    const msgid = t.hospital.nextMsgid();
    expect(await t.hospital.refused('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: '421202190001010000' } }, { msgid })).toBe(
      'input.data.mdtrt_cert_no: no insured person with this ID number',
    );
    expect(await t.hospital.refused('1101', queryPerson, { msgid })).toMatch(/^msgid: already used/);
    expect((await t.admin(`/messages?msgid=${msgid}`)).body.message).toMatchObject({ infcode: -1, err_msg: 'input.data.mdtrt_cert_no: no insured person with this ID number' });
  });
});

describe('persons in the input', () => {
  test('insuplc_admdvs is required whenever the input names a person, and must be theirs', async () => {
    const input = { data: { psn_no: EMPLOYEE.psnNo, setl_id: 'X', mdtrt_id: 'Y' } };
    expect(await t.hospital.refused('5203', input, { insuplcAdmdvs: '' })).toBe('insuplc_admdvs: required when the input names a person (psn_no)');
    expect(await t.hospital.refused('5203', input, { insuplcAdmdvs: '420100' })).toBe("insuplc_admdvs: must be the person's insurance area 421200");
  });

  test('an unknown person is an infcode -1, not an error page', async () => {
    const input = { data: { psn_no: '42120000000000009999', setl_id: 'X' } };
    expect(await t.hospital.refused('5203', input)).toBe('input.data.psn_no: no insured person with this psn_no');
  });

  test('pharmacy transactions are closed to hospitals and the other way round', async () => {
    expect(await t.hospital.refused('2101', { druginfo: {} })).toBe('infno: 2101 is not open to a hospital');
    await t.pharmacy.signIn();
    expect(await t.pharmacy.refused('2201', { data: {} })).toBe('infno: 2201 is not open to a pharmacy');
  });
});
