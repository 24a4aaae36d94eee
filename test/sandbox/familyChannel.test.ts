import { EC_PATH, EcCode } from '../../sandbox/face';
import { DEMO_PERSONS } from '../../sandbox/seed/demoPersons';
import { expectRefusalOf } from './support/refusals';
import { startTestSandbox, type TestSandbox } from './support/sandbox';

/**
 * The e-voucher channel's family answer (sandbox/face/family.ts): a payer identified by their own
 * e-voucher (here its QR code, which needs no face model) learns their bound family, masked, with
 * a token per member that the platform accepts for that member.
 */
const byName = (name: string) => DEMO_PERSONS.find((p) => p.name === name)!;
const MING = byName('欧阳明');
const BAI = byName('白建国');
const LELE = byName('欧阳乐乐');

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ parts: { face: true, his: false }, faceWarmUp: false });
  await t.pharmacy.signIn();
});
afterAll(() => t.stop());

async function ec(transType: string, data: Record<string, unknown>) {
  const response = await fetch(`${t.sandbox.url}${EC_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ orgId: 'P42120200001', transType, data: { businessType: '02121', deviceType: 'SelfService', ...data }, extra: null }),
  });
  const body = (await response.json()) as { code: number; data: string };
  return { code: body.code, data: JSON.parse(body.data) as Record<string, any> };
}

/** The payer's own identification: a demo e-voucher QR code read by ec.query. */
async function tokenOf(psnNo: string): Promise<string> {
  const shown = (await (await fetch(`${t.sandbox.url}/sandbox/demo/qr/${psnNo}`)).json()) as { data: { payload: string } };
  const answer = await ec('ec.query', { ecQrCode: shown.data.payload });
  expect(answer.code).toBe(EcCode.OK);
  return answer.data.ecToken as string;
}

interface Member {
  memberToken: string;
  maskedName: string;
  relation: string;
  relationCode: string;
  mutualAid: boolean;
}

test('a payer learns their bound family, masked, and who their account may pay for', async () => {
  const answer = await ec('cn.nhsa.ec.family', { ecToken: await tokenOf(MING.psnNo) });
  expect(answer.code).toBe(EcCode.OK);
  const members = answer.data.members as Member[];
  expect(members.map(({ maskedName, relation, mutualAid }) => ({ maskedName, relation, mutualAid }))).toEqual([
    { maskedName: '张*兰', relation: '配偶', mutualAid: true },
    { maskedName: '欧**乐', relation: '子女', mutualAid: true },
    { maskedName: '欧**华', relation: '父亲', mutualAid: true },
  ]);
  // Nothing that names a member in full leaves the channel.
  const text = JSON.stringify(answer);
  for (const p of DEMO_PERSONS) for (const secret of [p.name, p.certno, p.psnNo]) expect(text).not.toContain(secret);

  const resident = (await ec('cn.nhsa.ec.family', { ecToken: await tokenOf(BAI.psnNo) })).data.members as Member[];
  expect(resident.map((m) => [m.relation, m.mutualAid])).toEqual([['子女', false]]);
});

test('a member’s token identifies the member on the platform (1101, 01) and lists no family of its own', async () => {
  const members = (await ec('cn.nhsa.ec.family', { ecToken: await tokenOf(MING.psnNo) })).data.members as Member[];
  const child = members.find((m) => m.relation === '子女')!;
  const person = await t.pharmacy.ok('1101', { data: { mdtrt_cert_type: '01', mdtrt_cert_no: child.memberToken, card_sn: '', begntime: '' } });
  expect(person.output.baseinfo).toMatchObject({ psn_no: LELE.psnNo, psn_name: LELE.name });

  expect((await ec('cn.nhsa.ec.family', { ecToken: child.memberToken })).code).toBe(EcCode.TOKEN_NOT_USABLE);
  expect((await ec('cn.nhsa.ec.family', { ecToken: '421200ecFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF' })).code).toBe(EcCode.TOKEN_NOT_USABLE);
  expect((await ec('cn.nhsa.ec.family', {})).code).toBe(EcCode.INVALID_REQUEST);
});

test('the member’s token carries the binding check no further than the platform: 共济 is still its to refuse', async () => {
  const members = (await ec('cn.nhsa.ec.family', { ecToken: await tokenOf(BAI.psnNo) })).data.members as Member[];
  const [child] = members;
  const druginfo = {
    psn_no: '42120000000000000004', mdtrt_cert_type: '01', mdtrt_cert_no: child!.memberToken, begntime: '2026-11-28 10:00:00',
    medfee_sumamt: 18.5, insutype: '390', med_type: '41', acct_used_flag: '1', mulaid_psn_no: BAI.psnNo,
  };
  const drugdetail = [{
    feedetl_sn: 'FC1', rxno: '', rx_circ_flag: '0', fee_ocur_time: '2026-11-28 10:00:00', med_list_codg: 'XA02BCA076A001010100',
    medins_list_codg: 'YP0001', det_item_fee_sumamt: 18.5, cnt: 1, pric: 18.5,
  }];
  const refused = await t.pharmacy.send('2101', { druginfo, drugdetail });
  expectRefusalOf(refused.body.err_msg, 'input.druginfo.mulaid_psn_no');
  expect((await t.admin(`/messages?msgid=${refused.msgid}`)).body.message.cause).toBe('FAMILY_PAYER_RESIDENT');
});
