import type { Page } from 'playwright-core';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { button, heading, sandboxGet } from './counter';
import type { RunningKiosk } from './kiosk';

/**
 * What the family payment tests (family.test.ts, familyRecovery.test.ts) stand on: 欧阳明 (person A,
 * the fake camera's face) and his bound family (sandbox/seed/demoFamily.ts), a pharmacy cart under
 * or over the password-free cap, and the platform's own records, read back to the fen.
 */
const byName = (name: string) => DEMO_PERSONS.find((p) => p.name === name)!;
export const MING = byName('欧阳明');
export const LELE = byName('欧阳乐乐');
export const XIULAN = byName('张秀兰');
export const XIAOHONG = byName('李小红');

// ¥30.00 a payment by face alone: one box of 奥美拉唑 (¥18.50) is within it, two (¥37.00) are not.
export const CAP = { perTransactionFen: 3000, perDayFen: 100_000 };
export const OMEPRAZOLE = '6901234560017';

export const fen = (yuan: string | number) => Math.round(Number(yuan) * 100);
/** ¥12.34 on a screen or slip, in fen. */
export const shownFen = (text: string) => fen(text.replace(/[^\d.-]/g, ''));

export interface PlatformSettlement {
  setl_id: string;
  psn_no: string;
  state: string;
  medfee_sumamt: number;
  fund_pay_sumamt: number;
  acct_pay: number;
  psn_cash_pay: number;
  acct_mulaid_pay: number;
  mulaid_psn_no: string | null;
  cancelled_by: string | null;
}

export const balanceFen = async (kiosk: RunningKiosk, psnNo: string) => fen((await sandboxGet<{ balc: number }>(kiosk, `/sandbox/admin/persons?psn_no=${psnNo}`)).balc);
/** The two accounts 共济 moves money between: the father's, which pays, and the child's. */
export const balances = async (kiosk: RunningKiosk) => ({ ming: await balanceFen(kiosk, MING.psnNo), lele: await balanceFen(kiosk, LELE.psnNo) });
/** The platform's settlements by `setl_id=…` or `msgid=…`. */
export const platformSettlements = async (kiosk: RunningKiosk, query: string) =>
  (await sandboxGet<{ settlements: PlatformSettlement[] }>(kiosk, `/sandbox/admin/settlements?${query}`)).settlements;

/** The pharmacy's cart with `boxes` of 奥美拉唑, handed on to the patient's face. */
export async function cartOf(page: Page, boxes: number): Promise<void> {
  await heading(page, '药品清单').waitFor();
  for (let i = 0; i < boxes; i++) {
    await page.keyboard.type(OMEPRAZOLE);
    await page.keyboard.press('Enter');
    await page.getByText(`×${i + 1}`).waitFor();
  }
  await button(page, '请患者刷脸支付').click();
}
