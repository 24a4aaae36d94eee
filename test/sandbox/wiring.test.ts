import { EMPLOYEE, RESIDENT, outpatientSettlement } from './support/flows';
import { expectRefusalOf } from './support/refusals';
import { startTestSandbox } from './support/sandbox';

test('one log line per request: infno, msgid, infcode and time, nothing that names the person', async () => {
  const lines: string[] = [];
  const t = await startTestSandbox({ log: (line) => lines.push(line) });
  try {
    await t.hospital.signIn();
    const { msgid } = await t.hospital.ok('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: EMPLOYEE.certno } });
    await t.hospital.refused('1101', { data: { mdtrt_cert_type: '03', mdtrt_cert_no: EMPLOYEE.cardNo, card_sn: 'WRONG' } });
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(new RegExp(`^POST /fsi/api/rsfComIfsService/callService 200 infno=1101 msgid=${msgid} infcode=0 \\d+\\.\\dms$`));
    expect(lines[2]).toMatch(/ infno=1101 msgid=\w{30} infcode=-1 /);
    for (const secret of [EMPLOYEE.certno, EMPLOYEE.name, EMPLOYEE.cardNo, EMPLOYEE.psnNo]) expect(lines.join('\n')).not.toContain(secret);
  } finally {
    await t.stop();
  }
});

test('e-voucher tokens are refused, naming the certificate, when no face service runs', async () => {
  const t = await startTestSandbox();
  try {
    await t.hospital.signIn();
    const err = await t.hospital.refused('1101', { data: { mdtrt_cert_type: '01', mdtrt_cert_no: '421200ec000000000000000000000000000001' } });
    expectRefusalOf(err, 'input.data.mdtrt_cert_no');
  } finally {
    await t.stop();
  }
});

test('the hospital system joins the same server', async () => {
  const t = await startTestSandbox({ parts: { face: false } });
  try {
    const health = (await (await fetch(`${t.sandbox.url}/health`)).json()) as { parts: unknown };
    expect(health.parts).toEqual({ platform: true, face: false, his: true });
    expect((await fetch(`${t.sandbox.url}/his/departments`)).status).toBe(200);
  } finally {
    await t.stop();
  }
});

test('the injected clock drives the TIF window, settlement times and the policy year, in China time', async () => {
  // 16:30 UTC on New Year's Eve is already 00:30 on 1 January in Xianning.
  const clock = () => new Date('2025-12-31T16:30:00Z');
  const t = await startTestSandbox({ clock });
  try {
    await t.hospital.signIn();
    const r = await outpatientSettlement(t.hospital, RESIDENT, [{ code: '001102000010000', cnt: '1' }]);
    expect(r.settled.setlinfo.setl_time).toBe('2026-01-01 00:30:00');
    expect((await t.admin(`/persons?psn_no=${RESIDENT.psnNo}`)).body.annual).toEqual([{ year: 2026, setting: 'outpatient', deductible_used: 0, fund_paid: 5 }]);
    const realTime = t.hospital.headers(undefined, String(Math.floor(Date.now() / 1000)));
    const answer = await t.hospital.post(JSON.stringify(t.hospital.envelope('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: EMPLOYEE.certno } })), realTime);
    expect(answer.body.infcode).toBe(-1);
    expectRefusalOf(answer.body.err_msg, 'header x-tif-timestamp');
  } finally {
    await t.stop();
  }
});
