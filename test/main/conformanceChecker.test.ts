import { createCipheriv } from 'node:crypto';
import { checkAnswer, checkRequest, reusedMsgids } from '../conformance/checkMessage';

/**
 * The checker itself, on messages written by hand from the spec: a conforming 2201 passes, and
 * each way of breaking the table is found, named and cited. The suite that records the kiosk's
 * messages (conformance.test.ts) is only as good as this.
 */
const envelope = (input: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  infno: '2201',
  msgid: 'H42120200001202611300815000101',
  mdtrtarea_admvs: '421200',
  insuplc_admdvs: '421200',
  recer_sys_code: 'YBXT',
  dev_no: 'KIOSK-01',
  dev_safe_info: '',
  cainfo: '',
  signtype: '',
  infver: 'V1.0',
  opter_type: '2',
  opter: 'KIOSK-01',
  opter_name: '自助终端01',
  inf_time: '2026-11-30 08:15:00',
  fixmedins_code: 'H42120200001',
  fixmedins_name: '咸宁市演示医院',
  sign_no: 'H42120200001202611300800000001',
  input,
  ...extra,
});
const registration = {
  data: {
    psn_no: '42120000000000000001', insutype: '310', begntime: '2026-11-30 08:14:00', mdtrt_cert_type: '01',
    mdtrt_cert_no: '421200ec000000000000000000000000000001', ipt_otp_no: 'R2026113000001', atddr_no: 'DR001',
    dr_name: '李明', dept_code: 'D01', dept_name: '内科', caty: 'A03',
  },
};
const withData = (change: Record<string, unknown>) => ({ data: { ...registration.data, ...change } });
const found = (e: Record<string, unknown>, amounts?: 'number' | 'string') => checkRequest(e, { amounts }).errors.map((f) => `${f.path} ${f.rule}`);

describe('the conformance checker', () => {
  it('passes a 2201 written from the spec, with nothing unlisted', () => {
    expect(checkRequest(envelope(registration))).toMatchObject({ infno: '2201', errors: [], warnings: [] });
  });

  it('finds a missing required member, one sent empty, one too long, and a malformed msgid', () => {
    const { psn_no: _gone, ...noPsn } = registration.data;
    expect(found(envelope({ data: noPsn }))).toEqual(['input.data.psn_no missing']);
    expect(found(envelope(withData({ caty: ' ' })))).toEqual(['input.data.caty empty']);
    expect(found(envelope(withData({ dr_name: '李'.repeat(51) })))).toEqual(['input.data.dr_name length']);
    expect(found(envelope(registration, { msgid: 'H4212020000120261130081500010' }))).toEqual(['msgid msgid']);
    expect(found(envelope(registration, { msgid: 'P42120200001202611300815000101' }))).toEqual(['msgid msgid']);
    expect(found(envelope(registration, { msgid: 'H42120200001202613300815000101' }))).toEqual(['msgid msgid']);
  });

  it('finds bad dates, enumerations, the envelope conditions and the nesting', () => {
    expect(found(envelope(withData({ begntime: '2026-11-30' })))).toEqual(['input.data.begntime type']);
    expect(found(envelope(withData({ mdtrt_cert_type: '99' })))).toEqual(['input.data.mdtrt_cert_type value']);
    expect(found(envelope(registration, { insuplc_admdvs: '' }))).toEqual(['insuplc_admdvs empty']);
    expect(found(envelope(registration, { sign_no: '' }))).toEqual(['sign_no empty']);
    expect(found(envelope(registration, { inf_time: '2026-02-30 08:15:00' }))).toEqual(['inf_time type']);
    expect(found(envelope(registration, { opter_type: '9', surprise: 'x' }))).toEqual(['opter_type value', 'surprise unknown-node']);
    expect(found(envelope({ data: [registration.data] }))).toEqual(['input.data shape']);
    expect(found(envelope({ ...registration, agnterinfo: {} }))).toEqual(['input.agnterinfo unknown-node']);
    expect(found(envelope(withData({ extra: { a: 1 } })))).toEqual(['input.data.extra unknown-node']);
    expect(checkRequest(envelope(withData({ note: 'x' }))).warnings.map((w) => w.path)).toEqual(['input.data.note']);
  });

  it('holds money to 16,2 and to the region’s amount setting', () => {
    const fee = (amount: unknown) =>
      envelope({ data: { mdtrt_id: 'V1', chrg_bchno: '0000', psn_no: '42120000000000000001', medfee_sumamt: amount, acct_used_flag: '1' } }, { infno: '2206' });
    expect(found(fee(12.5), 'number')).toEqual([]);
    expect(found(fee('12.50'), 'string')).toEqual([]);
    expect(found(fee('12.50'), 'number')).toEqual(['input.data.medfee_sumamt type']);
    expect(found(fee(12.5), 'string')).toEqual(['input.data.medfee_sumamt type']);
    expect(found(fee(0.1 + 0.2))).toEqual(['input.data.medfee_sumamt type']);
    expect(found(fee('123456789012345.00'))).toEqual(['input.data.medfee_sumamt length']);
  });

  it('opens a sealed input with its SM4 key and requires its signature', () => {
    const key = Buffer.from('facesettle000001');
    const cipher = createCipheriv('sm4-ecb', key, null);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(withData({ psn_no: '' }))), cipher.final()]).toString('base64');
    const e = envelope({}, { input: sealed, enc_type: 'SM4', signtype: 'SM2', cainfo: 'c2lnbmF0dXJl' });
    expect(checkRequest(e, { sm4Key: key }).errors.map((f) => `${f.path} ${f.rule}`)).toEqual(['input.data.psn_no empty']);
    expect(checkRequest({ ...e, cainfo: '' }, { sm4Key: key }).errors.map((f) => f.path)).toEqual(['cainfo', 'input.data.psn_no']);
    expect(checkRequest(e).errors.map((f) => `${f.path} ${f.rule}`)).toEqual(['input seal']);
  });

  it('holds a settlement answer to the money identities and its msgid', () => {
    const setlinfo = {
      medfee_sumamt: 52, fulamt_ownpay_amt: 15, overlmt_selfpay: 0, preselfpay_amt: 0, inscp_scp_amt: 37,
      fund_pay_sumamt: 18.5, psn_part_amt: 33.5, hosp_part_amt: 0, acct_pay: 33.5, psn_cash_pay: 0, acct_mulaid_pay: 0,
      medins_setl_id: 'P42120200001202611300815000101',
    };
    const sale = envelope({}, { infno: '2102', msgid: setlinfo.medins_setl_id, fixmedins_code: 'P42120200001' });
    const answer = (change: Record<string, unknown>) => ({ infcode: 0, output: { setlinfo: { ...setlinfo, ...change } } });
    expect(checkAnswer(sale, answer({})).errors).toEqual([]);
    expect(checkAnswer(sale, answer({ psn_cash_pay: 0.01 })).errors.map((f) => f.message)).toEqual([expect.stringContaining('psn_part_amt 33.5 ≠')]);
    expect(checkAnswer(sale, answer({ inscp_scp_amt: 36.99 })).errors).toHaveLength(1);
    expect(checkAnswer(sale, answer({ medins_setl_id: 'another' })).errors.map((f) => f.path)).toEqual(['output.setlinfo.medins_setl_id']);
    expect(checkAnswer(sale, { infcode: -1, output: null }).errors).toEqual([]);
  });

  it('names a msgid sent twice', () => {
    expect(reusedMsgids([{ msgid: 'a' }, { msgid: 'b' }, { msgid: 'a' }])).toEqual(['a']);
  });
});
