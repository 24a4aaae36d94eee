import { DEMO_PERSONS } from '../../sandbox/seed/demoPersons';
import { maskName } from '../../shared/mask';
import { OPERATOR, button, checkScreen, heading, sandboxGet, signInOperator, terminalConfig } from './support/counter';
import { type RunningKiosk, startKiosk } from './support/kiosk';
import { AUTO_PRINTER, prints, recordPrints } from './support/prints';

/**
 * The admission desk's slip, end to end (Chromium through the browser bridge, the real core and
 * the embedded sandbox): a patient admitted at an inpatient desk that prints slips by itself gets
 * the admission slip, and what went to paper names the stay and the patient, masked.
 */
const A = DEMO_PERSONS[0]!;
let kiosk: RunningKiosk;
let stayNo = '';
beforeAll(async () => {
  kiosk = await startKiosk({ config: terminalConfig('inpatient', AUTO_PRINTER) });
  await recordPrints(kiosk.page);
  const { stays } = await sandboxGet<{ stays: { stayNo: string; status: string }[] }>(kiosk, `/his/persons/${A.psnNo}/stays`);
  stayNo = stays.find((s) => s.status === 'admitted')!.stayNo;
});
afterAll(() => kiosk?.close());

describe('the admission slip', () => {
  it('prints by itself when the admission is done: the stay number and the patient, masked', async () => {
    const { page } = kiosk;
    await heading(page, '本窗口暂未开放').waitFor();
    await signInOperator(page);
    await heading(page, '刷脸就医').waitFor();
    // Staff type the ID number (the desk's usual way for a patient with papers in hand).
    await button(page, '不刷脸，用其他方式').click();
    await button(page, '身份证号（工作人员录入）').click();
    await page.getByLabel('身份证号码', { exact: true }).fill(A.certno);
    const operator = page.getByLabel('工作人员工号', { exact: true });
    if (await operator.isEditable()) await operator.fill(OPERATOR.id);
    await page.getByLabel('工作人员密码', { exact: true }).fill(OPERATOR.pin);
    await button(page, '确定').click();
    await button(page, '是我本人').click();
    await heading(page, '请选择或录入住院号').waitFor();
    await page.getByRole('button', { name: new RegExp(stayNo) }).click();
    await button(page, '办理入院登记').click();
    await heading(page, '入院登记').waitFor();
    await page.getByLabel('诊断编码', { exact: true }).fill('J18.900');
    await page.getByLabel('诊断名称', { exact: true }).fill('肺炎');
    expect(await prints(page)).toEqual([]);
    await button(page, '确认入院登记').click();
    await heading(page, '入院登记完成').waitFor();
    await page.locator('[data-print-status="printed"]').waitFor();
    await checkScreen(page, 'admission-slip-printed');

    const printed = await prints(page);
    expect(printed.map((p) => p.kind)).toEqual(['admission']);
    const text = printed[0]!.text;
    expect(text).toContain('入院登记凭条');
    expect(text).toContain(stayNo);
    expect(text).toContain(maskName(A.name));
    // The reference the screen gives (the 2401's msgid: institution code, time, slot, counter) is on the slip too.
    const reference = (await page.locator('[data-screen="admitted"]').innerText()).match(/[A-Z]\d{11}\d{18}/)?.[0];
    expect(reference).toBeDefined();
    expect(text).toContain(reference);
    // Masked: neither the whole name nor the ID number went to paper.
    expect(text).not.toContain(A.name);
    expect(text).not.toContain(A.certno);
    await button(page, '完成').click();
    await heading(page, '刷脸就医').waitFor();
  });
});
