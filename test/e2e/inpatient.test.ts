import { type RunningKiosk, startKiosk } from './support/kiosk';
import { button, checkScreen, faceIn, heading, sandboxGet, signInOperator, terminalConfig } from './support/counter';

let kiosk: RunningKiosk;
let stayNo = '';
// ¥10 a payment: every stay's bill is above it, as a real one is above a region's cap.
const CAP = { perTransactionFen: 1_000, perDayFen: 100_000 };
beforeAll(async () => {
  kiosk = await startKiosk({ config: terminalConfig('inpatient', { region: { passwordFreeCap: CAP } }) });
  // The stay the sandbox's hospital system opened for person A.
  const { stays } = await sandboxGet<{ stays: { stayNo: string; status: string }[] }>(kiosk, '/his/persons/42120000000000000001/stays');
  stayNo = stays.find((s) => s.status === 'admitted')!.stayNo;
});
afterAll(() => kiosk?.close());

/** The desk picks the stay the hospital system lists for the patient, or types it from the papers. */
async function identifyAndEnterStay(prefix: string, how: 'pick' | 'type') {
  const { page } = kiosk;
  await button(page, '开始刷脸').click();
  await faceIn(page, prefix);
  await button(page, '是我本人').click();
  await heading(page, '请选择或录入住院号').waitFor();
  if (how === 'pick') await page.getByRole('button', { name: new RegExp(stayNo) }).click();
  else await page.getByLabel('住院号', { exact: true }).fill(stayNo);
  expect(await page.getByLabel('住院号', { exact: true }).inputValue()).toBe(stayNo);
  await checkScreen(page, `${prefix}-stay`);
}

describe('inpatient desk', () => {
  it('admission: face → stay number → admitting diagnosis → registered with the platform', async () => {
    const { page } = kiosk;
    await signInOperator(page);
    await identifyAndEnterStay('inpatient-admit', 'pick');
    await button(page, '办理入院登记').click();
    await page.getByLabel('诊断编码', { exact: true }).fill('J18.900');
    await page.getByLabel('诊断名称', { exact: true }).fill('肺炎');
    await checkScreen(page, 'inpatient-diagnosis');
    await button(page, '确认入院登记').click();
    await heading(page, '入院登记完成').waitFor();
    await checkScreen(page, 'inpatient-admitted');
    await button(page, '完成').click();
  });

  it('discharge settlement: face → stay number → the split → settled → receipt', async () => {
    const { page } = kiosk;
    await identifyAndEnterStay('inpatient-discharge', 'type');
    const quoted = page.waitForResponse((r) => r.url().endsWith('/prepareDischarge'));
    await button(page, '办理出院结算').click();
    const { value: quote } = (await (await quoted).json()) as { value: { totalFen: number; passwordFree?: { perTransactionFen: number; secondFactor: string | null } } };
    await heading(page, '请核对费用').waitFor();
    await checkScreen(page, 'inpatient-confirm');
    // A stay's bill above the password-free cap: the last four ID digits the face step asked for
    // (the camera shows no gesture) stand for the cap's check; they are not asked again.
    expect(quote.totalFen).toBeGreaterThan(CAP.perTransactionFen);
    expect(quote.passwordFree).toMatchObject({ perTransactionFen: CAP.perTransactionFen, secondFactor: 'id-digits' });
    expect(await page.getByTestId('quote-cap').getAttribute('data-cap-over')).toBe('false');
    await button(page, '确认支付').click();
    await page.getByRole('heading', { name: /^(支付成功|医保已支付)$/ }).waitFor(); // 医保已支付 when cash is still owed
    expect(await page.getByTestId('receipt-cap-factor').innerText()).toBe('身份证号后四位');
    await checkScreen(page, 'inpatient-receipt');
    await button(page, '完成').click();
  });
});
