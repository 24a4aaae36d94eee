import { cstCompact } from '../../sandbox/platform/wire';
import { EMPLOYEE, RESIDENT, feeLines, register, settleInput, visitInfo } from './support/flows';
import { expectRefusalOf } from './support/refusals';
import { HOSPITAL, PHARMACY, startTestSandbox, type TestSandbox } from './support/sandbox';

/** msgid = fixmedins_code (12) + yyyyMMddHHmmss in China time (14) + 4 digits (spec §1.1). */
const NOW = new Date('2026-11-28T01:30:15Z'); // 09:30:15 in Xianning
const at = (offsetSeconds: number) => new Date(NOW.getTime() + offsetSeconds * 1000);

let t: TestSandbox;
beforeAll(async () => {
  // A fixed clock: the msgid's time is held to the platform's clock, not the machine's.
  t = await startTestSandbox({ clock: () => NOW });
  await t.hospital.signIn();
  await t.pharmacy.signIn();
});
afterAll(() => t.stop());

const queryPerson = { data: { mdtrt_cert_type: '02', mdtrt_cert_no: EMPLOYEE.certno } };
const message = async (msgid: string) => (await t.admin(`/messages?msgid=${msgid}`)).body.message;

async function expectRefusedUnprocessed(msgid: string, client = t.hospital) {
  expectRefusalOf(await client.refused('1101', queryPerson, { msgid }), 'msgid');
  // Refused before the transaction: the platform keeps no record, as if it never came.
  expect(await message(msgid)).toBeNull();
}

test('a msgid of the sender, the platform time and 4 digits is accepted', async () => {
  const msgid = `${HOSPITAL.code}${cstCompact(NOW)}0042`;
  expect(msgid).toBe('H42120200001202611280930150042');
  await t.hospital.ok('1101', queryPerson, { msgid });
  expect(await message(msgid)).toMatchObject({ infno: '1101', infcode: 0 });
});

test.each([
  ['another institution’s code', `${PHARMACY.code}${cstCompact(NOW)}0001`],
  ['a code that is not the sender’s (one digit off)', `H42120200002${cstCompact(NOW)}0001`],
  ['letters in the time', `${HOSPITAL.code}2026112809301A0001`],
  ['letters in the sequence', `${HOSPITAL.code}${cstCompact(NOW)}00A1`],
  ['30 February', `${HOSPITAL.code}202602300930150001`],
  ['hour 24', `${HOSPITAL.code}202611282400000001`],
  ['minute 60', `${HOSPITAL.code}202611280960000001`],
  ['the time in UTC instead of China time', `${HOSPITAL.code}202611280130150001`],
  ['a time 301 s before the platform clock', `${HOSPITAL.code}${cstCompact(at(-301))}0001`],
  ['a time 301 s after the platform clock', `${HOSPITAL.code}${cstCompact(at(301))}0001`],
])('%s is refused, naming msgid, and not processed', async (_case, msgid) => {
  expect(msgid).toHaveLength(30);
  await expectRefusedUnprocessed(msgid);
});

test('a time within the window on either side is accepted', async () => {
  for (const offset of [-300, 300]) {
    const msgid = `${HOSPITAL.code}${cstCompact(at(offset))}0007`;
    await t.hospital.ok('1101', queryPerson, { msgid });
  }
});

test("a pharmacy's msgid must carry the pharmacy's code, not the hospital's", async () => {
  await expectRefusedUnprocessed(`${HOSPITAL.code}${cstCompact(NOW)}0003`, t.pharmacy);
  await t.pharmacy.ok('1101', queryPerson, { msgid: `${PHARMACY.code}${cstCompact(NOW)}0003` });
});

test('a settlement under a bad msgid is refused before it runs: nothing settled, the msgid not spent', async () => {
  const mdtrtId = await register(t.hospital, RESIDENT);
  await visitInfo(t.hospital, RESIDENT, mdtrtId);
  await t.hospital.ok('2204', { feedetail: feeLines(mdtrtId, RESIDENT, [{ code: '250101001000000', cnt: '1' }]) });
  const pre = await t.hospital.ok('2206', settleInput(RESIDENT, mdtrtId, { medfee_sumamt: 20 }));
  const input = settleInput(RESIDENT, mdtrtId, pre.output.setlinfo);

  const stale = `${HOSPITAL.code}${cstCompact(at(-3600))}0009`;
  expectRefusalOf(await t.hospital.refused('2207', input, { msgid: stale }), 'msgid');
  expect(await message(stale)).toBeNull();
  expect((await t.admin(`/settlements?mdtrt_id=${mdtrtId}`)).body.settlements).toEqual([]);
  expect((await t.admin(`/visits?mdtrt_id=${mdtrtId}`)).body).toMatchObject({ state: 'registered', open_fee_lines: 1 });

  const { msgid } = await t.hospital.ok('2207', input);
  expect((await t.admin(`/settlements?mdtrt_id=${mdtrtId}`)).body.settlements).toEqual([expect.objectContaining({ msgid, state: 'valid' })]);
});

test('a msgid already used is still refused, and the first record stands', async () => {
  const { msgid } = await t.hospital.ok('1101', queryPerson);
  expectRefusalOf(await t.hospital.refused('1101', queryPerson, { msgid }), 'msgid');
  expect(await message(msgid)).toMatchObject({ infno: '1101', infcode: 0, err_msg: null });
});
