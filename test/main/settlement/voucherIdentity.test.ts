import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { startSandbox, type RunningSandbox } from '../../../sandbox';
import { createFaceService, type FaceService } from '../../../sandbox/face';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import type { CoreDeps } from '../../../electron/core/handlers/deps';
import { identifyHandlers } from '../../../electron/core/handlers/identify';
import { evoucherChannel } from '../../../electron/face/evoucherChannel';
import { createSettlementEngine, type SettlementEngine } from '../../../electron/settlement/engine';
import { settlementApi } from '../../../electron/settlement/usecases';
import { identifyByIdNumber, identifyByVoucher } from '../../../electron/settlement/usecases/identify';
import { engineOptions, hospitalConfig, TEST_WINDOW_SECONDS } from './engineOptions';
import { onlyInput } from './messageSupport';
import { demoPersonDirectory } from '../../sandbox/support/persons';
import { serveRoutes } from '../../sandbox/support/serveRoutes';
import { wireRecorder } from './wireRecorder';

/**
 * 1101 after an e-voucher identification carries what the e-voucher channel said about the
 * holder (ec.query here: the QR path needs no face model) and nothing the kiosk does not have.
 * The platform checks a certno it is given against the token's holder.
 */
const person = DEMO_PERSONS[0]!;

describe('1101 from the e-voucher channel', () => {
  let dir: string;
  let face: FaceService;
  let faceHttp: Awaited<ReturnType<typeof serveRoutes>>;
  let sandbox: RunningSandbox;
  let engine: SettlementEngine;
  const wire = wireRecorder();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'voucher-'));
    face = createFaceService({ db: new DatabaseSync(':memory:'), clock: () => new Date(), persons: demoPersonDirectory(), log: () => {} });
    faceHttp = await serveRoutes(face.routes);
    sandbox = await startSandbox({
      port: 0,
      dataDir: join(dir, 'sandbox'),
      log: () => {},
      parts: { face: false, his: true },
      tifWindowSeconds: TEST_WINDOW_SECONDS,
      tokens: face.tokens,
    });
    engine = createSettlementEngine(engineOptions({ url: sandbox.url, paasId: sandbox.paasId, secret: sandbox.secret }, dir, hospitalConfig, { http: wire.http }));
  });
  afterAll(async () => {
    await engine?.close();
    await sandbox?.close();
    await faceHttp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const channel = () => evoucherChannel({ baseUrl: faceHttp.url, orgId: hospitalConfig.institution.code, operatorId: 'KIOSK-01', operatorName: '自助终端01' });
  const handlers = () =>
    identifyHandlers({ config: hospitalConfig, face: channel(), settlement: settlementApi(engine.ctx) } as Pick<CoreDeps, 'config' | 'face' | 'settlement'> as CoreDeps);
  const shownQr = async () => ((await (await fetch(`${faceHttp.url}/sandbox/demo/qr/${person.psnNo}`)).json()) as { data: { payload: string } }).data.payload;

  it('sends the holder the channel named with the token, which the platform checks', async () => {
    const mark = wire.sent.length;
    const answer = await handlers().identifyByQr({ payload: await shownQr() });
    expect(answer).toMatchObject({ status: 'identified', person: { maskedName: '欧*明' } });
    expect(onlyInput(wire.since(mark), '1101').data).toEqual({
      mdtrt_cert_type: '01',
      mdtrt_cert_no: expect.stringMatching(/^421200ec/),
      card_sn: '',
      begntime: '',
      psn_cert_type: '01',
      certno: person.certno,
      psn_name: person.name,
    });
    // The identity stays in main: the page gets the masked person only.
    expect(JSON.stringify(answer)).not.toContain(person.certno);
  });

  it('sends no holder fields when the kiosk has only the token, and a typed ID number as 01', async () => {
    const decoded = await channel().decodeQr(await shownQr(), '01301');
    if (decoded.status !== 'identified') throw new Error(decoded.status);
    expect(decoded.holder).toEqual({ idType: '01', idNo: person.certno, userName: person.name });
    let mark = wire.sent.length;
    expect((await identifyByVoucher(engine.ctx, { ecToken: decoded.ecToken })).ok).toBe(true);
    const data = onlyInput(wire.since(mark), '1101').data;
    for (const field of ['psn_cert_type', 'certno', 'psn_name']) expect(data).not.toHaveProperty(field);

    mark = wire.sent.length;
    expect((await identifyByIdNumber(engine.ctx, { certno: person.certno })).ok).toBe(true);
    expect(onlyInput(wire.since(mark), '1101').data).toMatchObject({ mdtrt_cert_type: '02', psn_cert_type: '01', certno: person.certno });
  });

  it('a certificate number that is not the holder’s is refused by the platform', async () => {
    const decoded = await channel().decodeQr(await shownQr(), '01301');
    if (decoded.status !== 'identified') throw new Error(decoded.status);
    const other = DEMO_PERSONS[2]!;
    const mark = wire.sent.length;
    // Any 1101 refusal under a token asks the patient to identify again.
    expect(await identifyByVoucher(engine.ctx, { ecToken: decoded.ecToken, certType: '01', certno: other.certno })).toMatchObject({
      ok: false,
      error: { code: 'VOUCHER_EXPIRED' },
    });
    expect(wire.since(mark).map((s) => s.answer?.infcode)).toContain(-1);
    // The same token with its holder's own number is accepted: the refusal was the number's.
    expect((await identifyByVoucher(engine.ctx, { ecToken: decoded.ecToken, certType: '01', certno: person.certno })).ok).toBe(true);
  });
});
