import { EC_PATH, EcCode } from '../../../sandbox/face';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { describeWithFaces, FACE_FIXTURES_DIR, readFixture } from '../support/fixtures';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

// The face service wired into the real sandbox: its answers become a token the platform's 1101
// accepts as mdtrt_cert_type 01.
jest.setTimeout(180_000);

const [A, , C] = DEMO_PERSONS as [typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0]];
let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ parts: { face: true, his: false }, faceConfig: { fixturesDir: FACE_FIXTURES_DIR } });
  expect(t.sandbox.parts.face).toBe(true);
  await t.hospital.signIn();
});
afterAll(() => t.stop());

const ec = async (transType: string, data: object) => {
  const response = await fetch(`${t.sandbox.url}${EC_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ orgId: 'H42120200001', transType, data }),
  });
  const body = (await response.json()) as { code: number; data: string };
  return { code: body.code, data: JSON.parse(body.data) };
};
const personInfo = (token: string) => t.hospital.ok('1101', { data: { mdtrt_cert_type: '01', mdtrt_cert_no: token } });

describe('e-voucher QR code through the sandbox', () => {
  it('a demo QR code becomes a token the platform answers 1101 for', async () => {
    const shown = await fetch(`${t.sandbox.url}/sandbox/demo/qr/${C.psnNo}`);
    const { payload } = ((await shown.json()) as { data: { payload: string } }).data;
    const answer = await ec('ec.query', { ecQrCode: payload, businessType: '02121' });
    expect(answer.code).toBe(EcCode.OK);
    const { output } = await personInfo(answer.data.ecToken);
    expect(output.baseinfo).toMatchObject({ psn_no: C.psnNo, certno: C.certno });
  });
});

describeWithFaces('face identification through the sandbox', () => {
  it('person A\'s second photo becomes a token the platform answers 1101 for', async () => {
    const auth = await ec('cn.nhsa.ec.auth', { outBizNo: 'IT-1', businessType: '01101', faceImage: readFixture('person_a_obama_2.jpg').toString('base64'), liveness: 'motion' });
    expect(auth.code).toBe(EcCode.OK);
    const check = await ec('cn.nhsa.auth.check', { authNo: auth.data.authNo, businessType: '01101' });
    expect(check.code).toBe(EcCode.OK);
    const { output } = await personInfo(check.data.ecToken);
    expect(output.baseinfo).toMatchObject({ psn_no: A.psnNo, certno: A.certno });
  });
});
