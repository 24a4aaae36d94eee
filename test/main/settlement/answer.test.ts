import { NhsaCallError, parseAnswer } from '../../../electron/settlement/nhsa/client';
import { identityViolations, parseSetlinfo } from '../../../electron/settlement/nhsa/setlinfo';

const kindOf = (status: number, raw: unknown, infno = '2207') => {
  try {
    parseAnswer(status, raw, infno);
    return 'ok';
  } catch (e) {
    return e instanceof NhsaCallError ? `${e.kind}:${e.code}` : 'other';
  }
};

describe('answer parsing', () => {
  it('accepts infcode as number or string', () => {
    expect(parseAnswer(200, '{"infcode":0,"output":{"a":1}}').output).toEqual({ a: 1 });
    expect(parseAnswer(200, '{"infcode":"0","output":{"a":1}}').output).toEqual({ a: 1 });
    expect(kindOf(200, '{"infcode":"-1","err_msg":"人员信息不存在"}', '1101')).toBe('rejected:PERSON_NOT_FOUND');
    expect(kindOf(200, '{"infcode":-1,"err_msg":"whatever"}')).toBe('rejected:PLATFORM_REJECTED');
  });

  it('treats anything that is not an envelope as an unknown outcome, never as success', () => {
    expect(kindOf(502, '<html>bad gateway</html>')).toBe('unknown:OUTCOME_UNKNOWN');
    expect(kindOf(200, '{"infcode":""}')).toBe('unknown:OUTCOME_UNKNOWN');
    expect(kindOf(200, '{"output":{}}')).toBe('unknown:OUTCOME_UNKNOWN');
    expect(kindOf(200, '{"infcode":0,')).toBe('unknown:OUTCOME_UNKNOWN');
    expect(kindOf(200, 'null')).toBe('unknown:OUTCOME_UNKNOWN');
  });

  it('reads a refusal by the refused transaction, never by its wording', () => {
    // The same words mean nothing: what the patient is told follows the transaction.
    const words = ['账户余额不足', '该费用已结算', 'sign_no: no sign-in with this sign_no', '人员信息不存在', '原交易不存在'];
    for (const errMsg of words) {
      const raw = JSON.stringify({ infcode: -1, err_msg: errMsg });
      expect(kindOf(200, raw, '2207')).toBe('rejected:PLATFORM_REJECTED');
      expect(kindOf(200, raw, '9001')).toBe('rejected:SIGN_IN_FAILED');
      expect(kindOf(200, raw, '1101')).toBe('rejected:PERSON_NOT_FOUND');
      expect(kindOf(200, raw, '2208')).toBe('rejected:CANCEL_REFUSED');
    }
  });
});

describe('settlement money', () => {
  const sample = {
    setl_id: 'S1', mdtrt_id: 'M1', psn_no: 'P1', medfee_sumamt: 4.52, fulamt_ownpay_amt: 0, overlmt_selfpay: 0,
    preselfpay_amt: 0, inscp_scp_amt: '4.52', fund_pay_sumamt: 3.16, psn_part_amt: 1.36, hosp_part_amt: 0,
    acct_pay: 1.36, psn_cash_pay: 0, balc: 3518.64,
  };

  it('converts yuan with two decimals to integer fen and keeps the identities', () => {
    const s = parseSetlinfo(sample);
    expect(s).toMatchObject({ medfeeSumamt: 452, fundPaySumamt: 316, acctPay: 136, balc: 351_864, setlId: 'S1' });
    expect(identityViolations(s)).toEqual([]);
  });

  it('reports an answer whose parts do not add up to the fen', () => {
    expect(identityViolations(parseSetlinfo({ ...sample, psn_cash_pay: 0.01 }))).toEqual([
      'psn_part_amt != acct_pay + acct_mulaid_pay + psn_cash_pay',
    ]);
  });

  it('refuses a malformed amount rather than guessing', () => {
    expect(() => parseSetlinfo({ ...sample, acct_pay: 'abc' })).toThrow(RangeError);
  });
});
