import type { Browser } from 'playwright-core';
import { OPERATOR, button, checkScreen, faceIn, heading, injectFault, sandboxGet, signInOperator, terminalConfig } from './support/counter';
import { CAP, LELE, MING, XIAOHONG, balanceFen, balances, cartOf, fen, platformSettlements, shownFen } from './support/family';
import { launchChromium, startKiosk, type RunningKiosk } from './support/kiosk';

/**
 * Family payment end to end, the two paths family.test.ts leaves (issue 15): a 共济 pharmacy
 * settlement whose answer is lost after the platform committed it, reversed by recovery (2601)
 * with both accounts back to the fen; and the other direction, a child typed in by staff with
 * the ID number and paid for by the father's own face (由家人刷脸付款) with 共济. Chromium through
 * the bridge, the real core and the real sandbox; the fake camera shows 欧阳明 (person A).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('family payment at the pharmacy: recovery and the other direction', () => {
  let kiosk: RunningKiosk;
  beforeAll(async () => {
    kiosk = await startKiosk({ config: terminalConfig('pharmacy', { region: { passwordFreeCap: CAP } }), browser });
    await signInOperator(kiosk.page);
  });
  afterAll(() => kiosk?.close());

  it('a 共济 sale whose answer is lost: the patient is told it is being confirmed and what to do; recovery reverses it (2601) and both accounts are as before, to the fen', async () => {
    const { page } = kiosk;
    const before = await balances(kiosk);
    await cartOf(page, 1);
    await faceIn(page, 'family-lost');
    await heading(page, '请确认是您本人').waitFor();
    await button(page, '为家人办理').click();
    await page.getByTestId('family-member').filter({ hasText: '（子女）' }).click();
    await heading(page, '请确认为这位家人办理').waitFor();
    await button(page, '是，为这位家人办理').click();
    await heading(page, '请核对费用').waitFor();
    const aid = shownFen(await page.getByTestId('quote-mutual-aid').innerText());
    expect(aid).toBeGreaterThan(0);

    // The platform settles it, 共济 included, and the answer never comes back.
    await injectFault(kiosk, { infno: '2102', mode: 'commit-then-drop', times: 1 });
    await button(page, '确认支付').click();
    await heading(page, '结算结果确认中').waitFor();
    expect(await page.getByTestId('receipt-lead').innerText()).toBe('支付结果还在确认中。系统会自动核实，不会重复扣费。');
    expect(await page.getByTestId('next-step').innerText()).toBe('凭条还没有打印。请按“打印凭条”，或记下参考号，到人工窗口可凭参考号查询');
    const reference = await page.getByTestId('receipt-reference').innerText();
    expect(reference).toMatch(/^P42120200001\d{18}$/);
    await checkScreen(page, 'family-lost-pending');

    // Committed on the platform: the father's account paid until recovery reverses it.
    const [committed] = await platformSettlements(kiosk, `msgid=${reference}`);
    expect(committed).toMatchObject({ psn_no: LELE.psnNo, mulaid_psn_no: MING.psnNo });
    expect(fen(committed!.acct_mulaid_pay)).toBe(aid);

    let reversedBy: string | null = null;
    for (let i = 0; i < 60 && !reversedBy; i++) {
      const { message } = await sandboxGet<{ message: { reversed_by: string | null } | null }>(kiosk, `/sandbox/admin/messages?msgid=${reference}`);
      reversedBy = message?.reversed_by ?? null;
      if (!reversedBy) await new Promise((r) => setTimeout(r, 500));
    }
    expect(reversedBy).not.toBeNull();
    const [reversed] = await platformSettlements(kiosk, `msgid=${reference}`);
    expect(reversed).toMatchObject({ state: 'reversed', mulaid_psn_no: MING.psnNo });
    expect(await balances(kiosk)).toEqual(before);
    await button(page, '完成').click();
    await heading(page, '药品清单').waitFor();
  });

  it('由家人刷脸付款: staff type the child’s ID number, the father’s own face pays with 共济; slip and platform agree to the fen', async () => {
    const { page } = kiosk;
    const before = await balances(kiosk);
    await cartOf(page, 1);
    await heading(page, '刷脸前，请您确认').waitFor();
    await button(page, '不同意，用其他方式').click();
    await button(page, '身份证号（工作人员录入）').click();
    await page.getByLabel('身份证号码', { exact: true }).fill(LELE.certno);
    // The signed-in operator's number is already there; their PIN vouches for the typed number.
    expect(await page.getByLabel('工作人员工号', { exact: true }).inputValue()).toBe(OPERATOR.id);
    await page.getByLabel('工作人员密码', { exact: true }).fill(OPERATOR.pin);
    await button(page, '确定').click();
    await heading(page, '请确认是您本人').waitFor();
    expect(await page.locator('main').innerText()).toContain('欧**乐');
    // The typed number has no family to list; the relative pays by their own face instead.
    expect(await button(page, '为家人办理').count()).toBe(0);
    await checkScreen(page, 'family-relative-patient');
    await button(page, '由家人刷脸付款').click();
    expect(await page.getByTestId('relative-banner').innerText()).toContain('为 欧**乐 付款的家人请刷脸');
    await faceIn(page, 'family-relative');

    // Main found the child in the father's family: the usual family check follows.
    await heading(page, '请确认为这位家人办理').waitFor();
    expect(await page.getByTestId('family-patient').innerText()).toContain('子女');
    await checkScreen(page, 'family-relative-check');
    await button(page, '是，为这位家人办理').click();
    await heading(page, '请核对费用').waitFor();
    expect(await page.getByTestId('quote-family').innerText()).toContain('为 欧**乐（子女）结算');
    // The cap is the father's: his face authorises (a typed number alone is not capped).
    expect(await page.getByTestId('quote-cap').getAttribute('data-cap-over')).toBe('false');
    const aid = shownFen(await page.getByTestId('quote-mutual-aid').innerText());
    expect(aid).toBeGreaterThan(0);
    await checkScreen(page, 'family-relative-confirm');
    await button(page, '确认支付').click();
    await page.getByRole('heading', { name: /^(支付成功|医保已支付)$/ }).waitFor();

    const slip = page.getByRole('article', { name: '医保结算凭条' });
    expect(await slip.getByTestId('receipt-payer').innerText()).toBe('欧*明（为其子女办理）');
    const slipAid = shownFen(await slip.getByTestId('receipt-mutual-aid').innerText());
    expect(slipAid).toBe(aid);
    const [record] = await platformSettlements(kiosk, `setl_id=${await slip.getByTestId('receipt-setl-id').innerText()}`);
    expect(record).toMatchObject({ psn_no: LELE.psnNo, mulaid_psn_no: MING.psnNo, state: 'valid' });
    expect(fen(record!.acct_mulaid_pay)).toBe(slipAid);
    expect(fen(record!.fund_pay_sumamt) + fen(record!.acct_pay) + fen(record!.acct_mulaid_pay) + fen(record!.psn_cash_pay)).toBe(fen(record!.medfee_sumamt));
    expect(await balances(kiosk)).toEqual({ ming: before.ming - slipAid, lele: before.lele - fen(record!.acct_pay) });
    await checkScreen(page, 'family-relative-receipt');
    await button(page, '完成').click();
    await heading(page, '药品清单').waitFor();
  });

  it('an unbound relative’s face is refused on the patient’s screen, in Chinese, with what to do instead; nothing is charged to them', async () => {
    const { page } = kiosk;
    const ming = await balanceFen(kiosk, MING.psnNo);
    await cartOf(page, 1);
    await heading(page, '刷脸前，请您确认').waitFor();
    await button(page, '不同意，用其他方式').click();
    await button(page, '身份证号（工作人员录入）').click();
    await page.getByLabel('身份证号码', { exact: true }).fill(XIAOHONG.certno);
    await page.getByLabel('工作人员密码', { exact: true }).fill(OPERATOR.pin);
    await button(page, '确定').click();
    await heading(page, '请确认是您本人').waitFor();
    await button(page, '由家人刷脸付款').click();
    await faceIn(page, 'family-relative-unbound');
    const refusal = page.getByTestId('relative-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe('没能由这位家人付款：这位家人没有与患者绑定亲情账户，不能为患者付款。可以由患者本人付款（本人医保或现金），或请工作人员帮助');
    await heading(page, '请确认是您本人').waitFor();
    expect(await page.locator('main').innerText()).toContain('李*红');
    await checkScreen(page, 'family-relative-unbound');
    // The patient pays for herself: no payer on the confirmation, 欧阳明's account untouched.
    await button(page, '是我本人').click();
    await heading(page, '请核对费用').waitFor();
    expect(await page.getByTestId('quote-family').count()).toBe(0);
    await button(page, '不支付，结束').click();
    await heading(page, '已取消，没有扣费').waitFor();
    expect(await balanceFen(kiosk, MING.psnNo)).toBe(ming);
  });
});
