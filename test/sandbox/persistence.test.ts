import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TestPlatformClient } from './support/client';
import { EMPLOYEE, outpatientSettlement } from './support/flows';
import { expectRefusalOf } from './support/refusals';
import { HOSPITAL, startTestSandbox } from './support/sandbox';

test('state survives a restart on the same data folder: sign-in, settlements, balances, msgids and nonces', async () => {
  const first = await startTestSandbox();
  await first.hospital.signIn();
  const r = await outpatientSettlement(first.hospital, EMPLOYEE, [{ code: '210102015000000', cnt: '1' }]);
  const balance = (await first.admin(`/persons?psn_no=${EMPLOYEE.psnNo}`)).body;
  const replayHeaders = first.hospital.headers();
  await first.hospital.post(JSON.stringify(first.hospital.envelope('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: EMPLOYEE.certno } })), replayHeaders);
  await first.stop({ keepData: true });
  expect(existsSync(join(first.dataDir, 'sandbox.db'))).toBe(true);

  const second = await startTestSandbox({ dataDir: first.dataDir });
  try {
    const client = new TestPlatformClient(second.sandbox.url, { paasId: second.sandbox.paasId, secret: second.sandbox.secret }, HOSPITAL);
    client.signNo = first.hospital.signNo;
    const query = { data: { psn_no: EMPLOYEE.psnNo, setl_id: r.settled.setlinfo.setl_id } };
    const { output } = await client.ok('5203', query);
    expect(output.setlinfo).toMatchObject({ medfee_sumamt: r.settled.setlinfo.medfee_sumamt, medins_setl_id: r.msgid, vali_flag: '1' });
    expect((await second.admin(`/persons?psn_no=${EMPLOYEE.psnNo}`)).body).toEqual(balance);
    expectRefusalOf(await client.refused('5203', query, { msgid: r.msgid }), 'msgid');
    expect((await second.admin(`/messages?msgid=${r.msgid}`)).body.message).toMatchObject({ infno: '2207', infcode: 0 });
    const replay = await client.post(JSON.stringify(client.envelope('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: EMPLOYEE.certno } })), replayHeaders);
    expect(replay.body.infcode).toBe(-1);
    expectRefusalOf(replay.body.err_msg, 'header x-tif-nonce');

    const next = await outpatientSettlement(client, EMPLOYEE, [{ code: '250101001000000', cnt: '1' }]);
    expect(next.settled.setlinfo.setl_id).not.toBe(r.settled.setlinfo.setl_id);
    expect(next.mdtrtId).not.toBe(r.mdtrtId);
  } finally {
    await second.stop();
  }
});
