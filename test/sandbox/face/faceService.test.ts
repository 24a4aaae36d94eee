import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createFaceService, EC_PATH, EcCode, type FaceServiceConfig } from '../../../sandbox/face';
import { decodeJpeg } from '../../../sandbox/face/image';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { rgbToJpeg, sideBySide } from '../support/faceImages';
import { describeWithFaces, FACE_FIXTURES_DIR, readFixture } from '../support/fixtures';
import { demoPersonDirectory } from '../support/persons';
import { getJson, sendJson, serveRoutes } from '../support/serveRoutes';
import { parseY4m } from '../support/y4m';

jest.setTimeout(180_000);

const [A, B, C] = DEMO_PERSONS as [typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0]];
const ORG = 'H42120200001';
const b64 = (bytes: Buffer) => bytes.toString('base64');

/** A face service on its own in-memory database and HTTP port, with a clock the test moves. */
async function startService(config: Partial<FaceServiceConfig> = {}) {
  const clock = { now: new Date('2026-11-29T08:00:00Z') };
  const logs: string[] = [];
  const db = new DatabaseSync(':memory:');
  const service = createFaceService({
    db,
    clock: () => clock.now,
    persons: demoPersonDirectory(),
    log: (line) => logs.push(line),
    config: { fixturesDir: FACE_FIXTURES_DIR, ...config },
  });
  await service.warmUp();
  const http = await serveRoutes(service.routes);
  let seq = 0;
  const call = async (transType: string, data: object) =>
    (await sendJson(`${http.url}${EC_PATH}`, 'POST', { orgId: ORG, transType, data })).body as {
      code: number;
      message: string;
      data: string;
    };
  /** As the kiosk sends it after a passed gesture (`motion`); `none`, or nothing, asks for the digits. */
  const auth = (faceImage: string, knowledge: { liveness?: 'motion' | 'none'; knowledgeCheck?: 'amount' } = { liveness: 'motion' }) =>
    call('cn.nhsa.ec.auth', { outBizNo: `BIZ${++seq}`, businessType: '01301', faceImage, ...knowledge });
  const check = (authNo: string, idNoLast4?: string) => call('cn.nhsa.auth.check', { authNo, businessType: '01301', idNoLast4 });
  /** ec.auth then auth.check: the identity the kiosk would get, or the first refusal. */
  const identify = async (jpeg: Buffer) => {
    const first = await auth(b64(jpeg));
    if (first.code !== EcCode.OK) return { code: first.code, data: JSON.parse(first.data) };
    const second = await check(JSON.parse(first.data).authNo);
    return { code: second.code, data: JSON.parse(second.data) };
  };
  return { service, http, db, clock, logs, call, auth, check, identify };
}

type Running = Awaited<ReturnType<typeof startService>>;

describeWithFaces('e-voucher face service on the fixtures (demo persons A and B enrolled)', () => {
  let s: Running;
  beforeAll(async () => {
    s = await startService();
  });
  afterAll(() => s.http.close());

  it('identifies person A from A\'s second photo and issues a token the platform resolves', async () => {
    const result = await s.identify(readFixture('person_a_obama_2.jpg'));
    expect(result.code).toBe(EcCode.OK);
    expect(result.data).toMatchObject({ idNo: A.certno, idType: '01', userName: A.name, insuOrg: '421200' });
    expect(result.data.ecToken).toMatch(/^421200ec[0-9A-F]{30}$/);
    expect(s.service.tokens.resolve(result.data.ecToken)).toEqual({ ok: true, psnNo: A.psnNo });
  });

  it('identifies person A from frames of the camera clip', async () => {
    const { frames } = parseY4m(readFixture('camera_person_a_640x480_10fps_2s.y4m'));
    expect(frames).toHaveLength(20);
    for (const index of [0, 19]) {
      const result = await s.identify(rgbToJpeg(frames[index]!));
      expect(result.code).toBe(EcCode.OK);
      expect(result.data.idNo).toBe(A.certno);
    }
  });

  it('does not take person B for person A', async () => {
    const result = await s.identify(readFixture('person_b_biden_1.jpg'));
    expect(result.code).toBe(EcCode.OK);
    expect(result.data.idNo).toBe(B.certno);
  });

  it('answers the no-face code for a landscape', async () => {
    expect((await s.auth(b64(readFixture('noface_landscape.jpg')))).code).toBe(EcCode.NO_FACE);
  });

  it('answers the several-faces code when two people are in the frame', async () => {
    const two = sideBySide(decodeJpeg(readFixture('person_a_obama_2.jpg')), decodeJpeg(readFixture('person_b_biden_1.jpg')), 480);
    expect((await s.auth(b64(rgbToJpeg(two)))).code).toBe(EcCode.SEVERAL_FACES);
  });

  it('answers the bad-image code for bytes that are not a JPEG or not base64', async () => {
    expect((await s.auth(b64(Buffer.from('this is not a photo, just some text')))).code).toBe(EcCode.BAD_IMAGE);
    expect((await s.auth('%%%% not base64 at all %%%%')).code).toBe(EcCode.BAD_IMAGE);
  });

  it('applies EXIF orientation: an enrolled upright photo matches its sideways-stored copy', async () => {
    const enrol = await sendJson(`${s.http.url}/sandbox/face/enrol`, 'POST', {
      psnNo: C.psnNo,
      faceImage: b64(readFixture('spoof_print_f1_upright.jpg')),
    });
    expect(enrol).toEqual({ status: 200, body: { code: 0, message: 'ok', data: { psnNo: C.psnNo, templates: 1 } } });
    const result = await s.identify(readFixture('spoof_print_f1_exif_orientation6.jpg'));
    expect(result.code).toBe(EcCode.OK);
    expect(result.data.idNo).toBe(C.certno);
  });

  it('refuses an authNo used twice, of another orgId, or a repeated outBizNo', async () => {
    const first = await s.call('cn.nhsa.ec.auth', { outBizNo: 'REPEAT-1', businessType: '01301', faceImage: b64(readFixture('person_b_biden_1.jpg')), liveness: 'motion' });
    expect(first.code).toBe(EcCode.OK);
    const { authNo } = JSON.parse(first.data);
    const foreign = await sendJson(`${s.http.url}${EC_PATH}`, 'POST', { orgId: 'OTHER', transType: 'cn.nhsa.auth.check', data: { authNo, businessType: '01301' } });
    expect(foreign.body.code).toBe(EcCode.AUTH_UNKNOWN_OR_USED);
    expect((await s.check(authNo)).code).toBe(EcCode.OK);
    expect((await s.check(authNo)).code).toBe(EcCode.AUTH_UNKNOWN_OR_USED);
    const again = await s.call('cn.nhsa.ec.auth', { outBizNo: 'REPEAT-1', businessType: '01301', faceImage: b64(readFixture('person_b_biden_1.jpg')), liveness: 'motion' });
    expect(again.code).toBe(EcCode.DUPLICATE_OUT_BIZ_NO);
  });

  it('takes an outBizNo once when two calls race with it', async () => {
    const data = { outBizNo: 'RACE-1', businessType: '01301', faceImage: b64(readFixture('person_b_biden_1.jpg')), liveness: 'motion' };
    const codes = (await Promise.all([s.call('cn.nhsa.ec.auth', data), s.call('cn.nhsa.ec.auth', data)])).map((a) => a.code);
    expect(codes.sort()).toEqual([EcCode.OK, EcCode.DUPLICATE_OUT_BIZ_NO]);
  });

  it('lets an authNo expire', async () => {
    const first = await s.auth(b64(readFixture('person_b_biden_1.jpg')));
    s.clock.now = new Date(s.clock.now.getTime() + 301_000);
    expect((await s.check(JSON.parse(first.data).authNo)).code).toBe(EcCode.AUTH_EXPIRED);
  });

  it('enrols only known persons with exactly one face, from loopback only', async () => {
    const url = `${s.http.url}/sandbox/face/enrol`;
    const noFace = await sendJson(url, 'POST', { psnNo: DEMO_PERSONS[3]!.psnNo, faceImage: b64(readFixture('noface_landscape.jpg')) });
    expect(noFace).toMatchObject({ status: 422, body: { code: EcCode.NO_FACE } });
    const unknown = await sendJson(url, 'POST', { psnNo: '99999', faceImage: b64(readFixture('person_a_obama_2.jpg')) });
    expect(unknown).toMatchObject({ status: 404, body: { code: EcCode.UNKNOWN_PERSON } });
    expect(s.service.routes.filter((r) => r.path.startsWith('/sandbox/')).every((r) => r.loopbackOnly)).toBe(true);
    const list = await getJson(`${s.http.url}/sandbox/face/enrolled`);
    expect(list.body.data.persons.map((p: { psnNo: string }) => p.psnNo).sort()).toEqual([A.psnNo, B.psnNo, C.psnNo]);
    expect(list.body.data.persons.find((p: { psnNo: string }) => p.psnNo === A.psnNo).name).toBe('欧*明');
  });

  it('keeps no request photo or descriptor and logs no name or ID number', () => {
    const rows = s.db.prepare('SELECT psn_no, source FROM face_templates ORDER BY id').all();
    expect(rows).toEqual([
      { psn_no: A.psnNo, source: 'seed' },
      { psn_no: B.psnNo, source: 'seed' },
      { psn_no: C.psnNo, source: 'enrol' },
    ]);
    const text = s.logs.join('\n');
    for (const p of DEMO_PERSONS) {
      expect(text).not.toContain(p.certno);
      expect(text).not.toContain(p.name);
      expect(text).not.toContain(p.psnNo);
    }
  });

  it('seeds idempotently: a second start on the same database enrols nobody twice', async () => {
    const again = createFaceService({ db: s.db, clock: () => s.clock.now, persons: demoPersonDirectory(), log: () => {}, config: { fixturesDir: FACE_FIXTURES_DIR } });
    await again.warmUp();
    expect(s.db.prepare("SELECT COUNT(*) AS n FROM face_templates WHERE source = 'seed'").get()).toEqual({ n: 2 });
  });
});

describeWithFaces('second factor and an impostor (only person A enrolled)', () => {
  let s: Running;
  beforeAll(async () => {
    const onlyA = mkdtempSync(join(tmpdir(), 'face-only-a-'));
    copyFileSync(join(FACE_FIXTURES_DIR, A.faceFixture!), join(onlyA, A.faceFixture!));
    s = await startService({ fixturesDir: onlyA });
  });
  afterAll(() => s.http.close());

  it('never takes B for A: no match, or a second factor B cannot give', async () => {
    const first = await s.auth(b64(readFixture('person_b_biden_1.jpg')));
    expect([EcCode.NO_MATCH, EcCode.SECOND_FACTOR_REQUIRED]).toContain(first.code);
    if (first.code === EcCode.SECOND_FACTOR_REQUIRED) {
      const answer = await s.check(JSON.parse(first.data).authNo, B.certno.slice(-4));
      expect(answer.code).toBe(EcCode.SECOND_FACTOR_WRONG);
    }
  });
});

describeWithFaces('second factor when the match is not clear (clear threshold raised to 0.99)', () => {
  let s: Running;
  beforeAll(async () => {
    s = await startService({ clearMatchSimilarity: 0.99 });
  });
  afterAll(() => s.http.close());

  it('asks for the ID number\'s last 4, refuses wrong ones, then answers the identity', async () => {
    const first = await s.auth(b64(readFixture('person_a_obama_2.jpg')));
    expect(first.code).toBe(EcCode.SECOND_FACTOR_REQUIRED);
    const { authNo, secondFactor, attemptsLeft } = JSON.parse(first.data);
    expect({ secondFactor, attemptsLeft }).toEqual({ secondFactor: 'idNoLast4', attemptsLeft: 3 });
    expect((await s.check(authNo)).code).toBe(EcCode.SECOND_FACTOR_REQUIRED);
    const wrong = await s.check(authNo, '9999');
    expect(wrong.code).toBe(EcCode.SECOND_FACTOR_WRONG);
    expect(JSON.parse(wrong.data).attemptsLeft).toBe(2);
    const right = await s.check(authNo, A.certno.slice(-4));
    expect(right.code).toBe(EcCode.OK);
    expect(JSON.parse(right.data).idNo).toBe(A.certno);
  });

  it('burns the authentication after three wrong answers', async () => {
    const { authNo } = JSON.parse((await s.auth(b64(readFixture('person_a_obama_2.jpg')))).data);
    expect((await s.check(authNo, '0000')).code).toBe(EcCode.SECOND_FACTOR_WRONG);
    expect((await s.check(authNo, '1111')).code).toBe(EcCode.SECOND_FACTOR_WRONG);
    expect((await s.check(authNo, '2222')).code).toBe(EcCode.SECOND_FACTOR_LOCKED);
    expect((await s.check(authNo, A.certno.slice(-4))).code).toBe(EcCode.SECOND_FACTOR_LOCKED);
  });
});

describeWithFaces('the knowledge check: a clear match without a gesture, or above the cap, needs the last four ID digits', () => {
  let s: Running;
  beforeAll(async () => {
    s = await startService();
  });
  afterAll(() => s.http.close());

  it.each([
    ['liveness none', { liveness: 'none' as const }, 'no-motion'],
    ['liveness not said', {}, 'no-motion'],
    ['a gesture, but above the cap', { liveness: 'motion' as const, knowledgeCheck: 'amount' as const }, 'amount'],
  ])('%s: a clear match of A is asked for the digits (why %s), and only A\'s digits answer', async (_name, knowledge, why) => {
    const first = await s.auth(b64(readFixture('person_a_obama_2.jpg')), knowledge);
    expect(first.code).toBe(EcCode.SECOND_FACTOR_REQUIRED);
    const data = JSON.parse(first.data);
    expect(data).toMatchObject({ secondFactor: 'idNoLast4', why, attemptsLeft: 3 });
    // Without the digits there is no identity, and another person's digits do not give one.
    expect((await s.check(data.authNo)).code).toBe(EcCode.SECOND_FACTOR_REQUIRED);
    expect((await s.check(data.authNo, B.certno.slice(-4))).code).toBe(EcCode.SECOND_FACTOR_WRONG);
    const right = await s.check(data.authNo, A.certno.slice(-4));
    expect(right.code).toBe(EcCode.OK);
    expect(JSON.parse(right.data).idNo).toBe(A.certno);
  });

  it('a gesture under the cap: the clear match is answered without digits', async () => {
    const result = await s.identify(readFixture('person_a_obama_2.jpg'));
    expect(result.code).toBe(EcCode.OK);
  });

  it('a face that matches nobody stays not found, gesture or not', async () => {
    expect((await s.auth(b64(readFixture('spoof_print_f1_upright.jpg')), { liveness: 'none' })).code).toBe(EcCode.NO_MATCH);
  });

  it('three wrong digits after a clear match burn the authentication (the kiosk says the digits did not match)', async () => {
    const { authNo } = JSON.parse((await s.auth(b64(readFixture('person_a_obama_2.jpg')), { liveness: 'none' })).data);
    expect((await s.check(authNo, '0000')).code).toBe(EcCode.SECOND_FACTOR_WRONG);
    expect((await s.check(authNo, '1111')).code).toBe(EcCode.SECOND_FACTOR_WRONG);
    expect((await s.check(authNo, '2222')).code).toBe(EcCode.SECOND_FACTOR_LOCKED);
  });
});
