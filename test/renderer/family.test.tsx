import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fail, ok } from '../../shared/result';
import type { FamilyMemberView, IdentifiedPerson, QuoteView, SettlementReceipt } from '../../shared/types/settlement';
import { SlipView } from '../../renderer/print/SlipView';
import { TodayRow } from '../../renderer/staff/TodayRow';
import { useKioskStore } from '../../renderer/store';
import { PERSON, QUOTE, RECEIPT, fakeApi, recorder, renderApp } from './support';

/**
 * 为家人办理 (issue 15) on the screens: the payer identified at the counter picks a bound family
 * member, confirms them, and the usual flow runs for the patient with a line naming whose visit
 * it is; the confirmation and the receipt say whose money pays what. Main is faked (its family
 * logic is tested in test/main/settlement/family*.test.ts and end to end in test/e2e/family.test.ts).
 */
const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));

const CHILD: FamilyMemberView = { memberRef: '3a0c1d2e-1111-4222-8333-444455556666', maskedName: '欧*乐', relation: '子女', canMutualAid: true };
const UNCLE: FamilyMemberView = { memberRef: '3a0c1d2e-1111-4222-8333-444455557777', maskedName: '欧*华', relation: '其他亲属', canMutualAid: false };
const PATIENT: IdentifiedPerson = {
  personRef: '9b2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  maskedName: '欧*乐',
  maskedCertno: '4212**********0049',
  gender: '2',
  age: 14,
  insutype: '390',
  balanceFen: 0,
  payer: { maskedName: '欧*明', relation: '子女', mutualAidAvailable: true },
};
// The platform's split for the child: the fund 6.00, the payer's account 4.00 (共济), nothing in cash.
const FAMILY_QUOTE: QuoteView = { ...QUOTE, fundFen: 600, accountFen: 0, mutualAidFen: 400, cashFen: 0, useMutualAid: true, payer: { maskedName: '欧*明', relation: '子女' } };
const FAMILY_RECEIPT: SettlementReceipt = {
  ...RECEIPT,
  patientName: '欧*乐',
  fundFen: 600,
  accountFen: 0,
  cashFen: 0,
  balanceAfterFen: null,
  mutualAidFen: 400,
  payer: { maskedName: '欧*明', relation: '子女' },
  passwordFree: { perTransactionFen: 50_000, perDayFen: 100_000, usedTodayFen: 1000, secondFactor: null },
};

/** The fake main with a family: each family call recorded as `method:request`, like the support's. */
function familyApi(overrides: Parameters<typeof fakeApi>[0] = {}): ReturnType<typeof fakeApi> {
  const into: { calls: string[] } = { calls: [] };
  const rec =
    <T,>(name: string, value: T) =>
    async (request: unknown) => {
      into.calls.push(`${name}:${JSON.stringify(request)}`);
      return ok(value);
    };
  const api = fakeApi({
    listFamily: rec('listFamily', { members: [CHILD, UNCLE] }),
    actForFamily: rec('actForFamily', PATIENT),
    prepareRegistration: rec('prepareRegistration', FAMILY_QUOTE),
    confirmSettlement: rec('confirmSettlement', { status: 'settled' as const, receipt: FAMILY_RECEIPT }),
    ...overrides,
  });
  into.calls = api.calls;
  return api;
}

/** Face → "is this you?" → 为家人办理 → the list. */
async function toFamilyList() {
  fireEvent.click(await screen.findByRole('button', { name: '开始刷脸' }));
  click('同意，开始刷脸');
  fireEvent.click(await screen.findByRole('button', { name: '为家人办理' }));
  await screen.findByRole('heading', { name: '请选择为哪位家人办理' });
}

describe('为家人办理', () => {
  it('lists the bound family masked, acts for the child, and the registration runs for the child with whose visit it is on every screen', async () => {
    const voice = recorder();
    const api = familyApi();
    renderApp(api, { voice });
    await toFamilyList();
    const members = await screen.findAllByTestId('family-member');
    expect(members.map((m) => m.textContent)).toEqual(['欧*乐（子女）可用您的个人账户共济支付', '欧*华（其他亲属）不能用您的个人账户支付']);
    expect(api.calls).toContain(`listFamily:${JSON.stringify({ personRef: PERSON.personRef })}`);
    fireEvent.click(members[0]!);

    // The payer confirms the member before anything is done for them.
    await screen.findByRole('heading', { name: '请确认为这位家人办理' });
    expect(api.calls).toContain(`actForFamily:${JSON.stringify({ personRef: PERSON.personRef, memberRef: CHILD.memberRef })}`);
    expect(within(screen.getByTestId('family-patient')).getByText('4212**********0049')).toBeTruthy();
    expect(screen.getByTestId('family-banner').textContent).toBe('为 欧*乐（子女）办理');
    click('是，为这位家人办理');

    await screen.findByRole('heading', { name: '请选择科室' });
    expect(screen.getByTestId('family-banner').textContent).toContain('欧*乐（子女）');
    click(/内科/);
    fireEvent.click((await screen.findAllByRole('button', { name: /李医生/ }))[0]!);
    await screen.findByRole('heading', { name: '请核对费用' });
    // Every call of the flow is the patient's.
    expect(api.calls.some((c) => c.startsWith('prepareRegistration:') && c.includes(PATIENT.personRef))).toBe(true);

    expect(screen.getByTestId('quote-family').textContent).toBe('为 欧*乐（子女）结算办理人：欧*明（您）');
    expect(screen.getByTestId('quote-fund').textContent).toBe('¥6.00');
    expect(screen.getByTestId('quote-mutual-aid').textContent).toBe('¥4.00');
    expect(screen.getByTestId('quote-cash').textContent).toBe('¥0.00');
    expect(screen.queryByTestId('quote-account')).toBeNull(); // the child has no account of her own
    expect(screen.getByText('您的个人账户共济')).toBeTruthy();
    await waitFor(() => expect(voice.said.some((s) => s.startsWith('为 欧*乐（子女）结算。') && s.includes('您的个人账户共济 4.00 元'))).toBe(true));

    click('确认支付');
    const receipt = await screen.findByRole('article', { name: '挂号凭条' });
    expect(within(receipt).getByTestId('receipt-payer').textContent).toBe('欧*明（为其子女办理）');
    expect(within(receipt).getByTestId('receipt-mutual-aid').textContent).toBe('¥4.00');
    expect(within(receipt).getByText('家庭共济支付')).toBeTruthy();
    expect(within(receipt).getByTestId('receipt-cap').textContent).toBe('今日 ¥10.00 / ¥1000.00');

    // 完成: both the patient's and the payer's sessions are ended.
    click('完成');
    await waitFor(() => expect(api.calls).toContain(`endSession:${JSON.stringify({ personRef: PERSON.personRef })}`));
    expect(api.calls).toContain(`endSession:${JSON.stringify({ personRef: PATIENT.personRef })}`);
    expect(useKioskStore.getState().familyPayer).toBeNull();
  });

  it('says plainly that nobody is bound, and goes back to acting for oneself', async () => {
    const api = familyApi({ listFamily: async () => ok({ members: [] }) });
    renderApp(api);
    await toFamilyList();
    expect((await screen.findByTestId('family-lead')).textContent).toBe('您还没有绑定可以代办的家人。需要绑定的，请到医保经办机构或医保电子凭证中办理');
    click('返回，为自己办理');
    await screen.findByRole('heading', { name: '请确认是您本人' });
    expect(useKioskStore.getState().person?.personRef).toBe(PERSON.personRef);
    expect(screen.queryByTestId('family-banner')).toBeNull();
  });

  it('a family that cannot be looked up (e.g. identified by card) is said in the engine’s words, with the way back', async () => {
    const why = '暂时查不到您绑定的家人，请用刷脸或医保码识别后再试，或到人工窗口办理';
    const api = familyApi({ listFamily: async () => fail('FAMILY_NOT_AVAILABLE', why, { next: 'call-staff' }) });
    renderApp(api);
    await toFamilyList();
    expect((await screen.findByRole('alert')).textContent).toBe(`没有查到您绑定的家人：${why}`);
    expect(screen.queryAllByTestId('family-member')).toEqual([]);
    expect(screen.getByRole('button', { name: '返回，为自己办理' })).toBeTruthy();
  });

  it('换一位家人 ends the patient’s session and lists the family again', async () => {
    const api = familyApi();
    renderApp(api);
    await toFamilyList();
    fireEvent.click((await screen.findAllByTestId('family-member'))[0]!);
    await screen.findByRole('heading', { name: '请确认为这位家人办理' });
    click('换一位家人');
    await screen.findByRole('heading', { name: '请选择为哪位家人办理' });
    await waitFor(() => expect(api.calls).toContain(`endSession:${JSON.stringify({ personRef: PATIENT.personRef })}`));
    expect(api.calls.filter((c) => c.startsWith('listFamily:'))).toHaveLength(2);
    expect(screen.queryByTestId('family-banner')).toBeNull();
  });

  it('the payer turns 共济 off: the platform quotes again and the new split replaces the shown one', async () => {
    const requoted: unknown[] = [];
    const cash: QuoteView = { ...FAMILY_QUOTE, quoteId: '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f', mutualAidFen: 0, cashFen: 400, useMutualAid: false };
    const api = familyApi({
      requoteSettlement: async (request) => {
        requoted.push(request);
        return ok(cash);
      },
    });
    renderApp(api);
    await toFamilyList();
    fireEvent.click((await screen.findAllByTestId('family-member'))[0]!);
    fireEvent.click(await screen.findByRole('button', { name: '是，为这位家人办理' }));
    fireEvent.click(await screen.findByRole('button', { name: /内科/ }));
    fireEvent.click((await screen.findAllByRole('button', { name: /李医生/ }))[0]!);
    await screen.findByRole('heading', { name: '请核对费用' });
    expect(screen.getByRole('button', { name: '用我的账户共济' }).getAttribute('aria-pressed')).toBe('true');
    click('不用我的账户');
    await waitFor(() => expect(screen.getByTestId('quote-cash').textContent).toBe('¥4.00'));
    expect(screen.getByTestId('quote-mutual-aid').textContent).toBe('¥0.00');
    expect(requoted).toEqual([{ quoteId: FAMILY_QUOTE.quoteId, useAccount: true, useMutualAid: false }]);
  });
});

describe('both persons on paper and in the staff views', () => {
  it('the printed slip names the relative, what their account paid, and the cap with how it was passed', () => {
    const receipt: SettlementReceipt = { ...FAMILY_RECEIPT, passwordFree: { perTransactionFen: 3000, perDayFen: 100_000, usedTodayFen: 1850, secondFactor: 'staff-pin' } };
    const { container } = render(<SlipView receipt={receipt} registration={null} nextStep="" paper="58mm" />);
    const fields = Array.from(container.querySelectorAll('.slip__field')).map((f) => `${f.querySelector('dt')?.textContent}=${f.querySelector('dd')?.textContent}`);
    expect(fields).toEqual(
      expect.arrayContaining(['患者=欧*乐', '家属代办=欧*明（为其子女办理）', '家庭共济支付=¥4.00', '免密支付=今日 ¥18.50 / ¥1000.00', '超限额确认=工作人员密码']),
    );
  });

  it("today's lookup shows who acted beside the patient", () => {
    useKioskStore.setState(useKioskStore.getInitialState(), true);
    render(
      <ul>
        <TodayRow
          row={{
            msgid: FAMILY_RECEIPT.msgid,
            kind: 'settlement',
            state: 'settled',
            at: FAMILY_RECEIPT.time,
            maskedName: '欧*乐',
            totalFen: 1000,
            cashFen: 0,
            setlId: FAMILY_RECEIPT.setlId,
            cancelledBy: null,
            cancels: null,
            cashTaken: null,
            slip: { receipt: FAMILY_RECEIPT, registration: null },
          }}
          canCancel
          busy={false}
          onReprint={() => undefined}
          onCancel={() => undefined}
        />
      </ul>,
    );
    expect(screen.getByTestId('today-payer').textContent).toBe('家属代办 欧*明（为其子女办理）');
  });
});
