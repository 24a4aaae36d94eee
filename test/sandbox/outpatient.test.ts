import { fenToYuan } from '../../shared/money';
import { startTestSandbox, type TestSandbox } from './support/sandbox';
import { EMPLOYEE, outpatientSettlement } from './support/flows';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
  await t.hospital.signIn();
});
afterAll(() => t.stop());

test('an employee outpatient bill settles with the demo policy', async () => {
  const result = await outpatientSettlement(t.hospital, EMPLOYEE, [
    { code: 'XA02BCA076A001010100', cnt: '2' },
    { code: '001102000010000', cnt: '1' },
  ]);
  const s = result.settled.setlinfo;
  expect(s.medfee_sumamt).toBe(47);
  expect(s.medins_setl_id).toBe(result.msgid);
  expect(fenToYuan(1)).toBe('0.01');
});
