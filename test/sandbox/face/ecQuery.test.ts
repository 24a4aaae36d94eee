import { DatabaseSync } from 'node:sqlite';
import { createFaceService, EC_PATH, EcCode } from '../../../sandbox/face';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { demoPersonDirectory } from '../support/persons';
import { getJson, sendJson, serveRoutes } from '../support/serveRoutes';

// The QR path and the envelope need no face model: these run without loading Human.
const person = DEMO_PERSONS[2]!;
const clock = { now: new Date('2026-11-29T08:00:00Z') };
const service = createFaceService({
  db: new DatabaseSync(':memory:'),
  clock: () => clock.now,
  persons: demoPersonDirectory(),
  log: () => {},
  config: { qrTtlSeconds: 60, tokenTtlMinutes: 30 },
});
let http: Awaited<ReturnType<typeof serveRoutes>>;
beforeAll(async () => {
  http = await serveRoutes(service.routes);
});
afterAll(() => http.close());

const ec = async (body: unknown) => (await sendJson(`${http.url}${EC_PATH}`, 'POST', body)).body;
const query = (ecQrCode: string) => ec({ orgId: 'P42120200001', transType: 'ec.query', data: { ecQrCode, businessType: '02121', deviceType: 'SelfService' } });
const demoQr = async (psnNo: string) => getJson(`${http.url}/sandbox/demo/qr/${psnNo}`);

describe('ec.query with a demo e-voucher QR code', () => {
  it('shows a QR code and turns its payload into a token for that person, once', async () => {
    const shown = await demoQr(person.psnNo);
    expect(shown.status).toBe(200);
    const { payload, svg, expiresAt } = shown.body.data;
    expect(payload).toMatch(/^421200qr[0-9A-F]{30}$/);
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(expiresAt).toBe('2026-11-29T08:01:00.000Z');

    const answer = await query(payload);
    expect(answer).toMatchObject({ code: EcCode.OK, orgId: 'P42120200001' });
    const data = JSON.parse(answer.data);
    expect(data).toMatchObject({ idNo: person.certno, userName: person.name, insuOrg: '421200', ecQrCode: payload });
    expect(service.tokens.resolve(data.ecToken)).toEqual({ ok: true, psnNo: person.psnNo });

    expect((await query(payload)).code).toBe(EcCode.QR_UNKNOWN_OR_USED);
  });

  it('refuses an expired code and an invented one', async () => {
    const { payload } = (await demoQr(person.psnNo)).body.data;
    clock.now = new Date(clock.now.getTime() + 60_000);
    expect((await query(payload)).code).toBe(EcCode.QR_EXPIRED);
    expect((await query('421200qrDEADBEEF')).code).toBe(EcCode.QR_UNKNOWN_OR_USED);
  });

  it('does not show a code for an unknown person', async () => {
    expect(await demoQr('nobody')).toMatchObject({ status: 404, body: { code: EcCode.UNKNOWN_PERSON } });
  });
});

describe('ecToken lifetime', () => {
  it('resolves a token until its minutes are up, and never an unknown one', async () => {
    const { payload } = (await demoQr(person.psnNo)).body.data;
    const token = JSON.parse((await query(payload)).data).ecToken;
    clock.now = new Date(clock.now.getTime() + 29 * 60_000);
    expect(service.tokens.resolve(token)).toEqual({ ok: true, psnNo: person.psnNo });
    clock.now = new Date(clock.now.getTime() + 60_000);
    expect(service.tokens.resolve(token)).toEqual({ ok: false, reason: 'expired' });
    expect(service.tokens.resolve('421200ecNOPE')).toEqual({ ok: false, reason: 'unknown' });
  });
});

describe('the envelope', () => {
  it('names the field that is wrong', async () => {
    const missing = await ec({ transType: 'ec.query', data: {} });
    expect(missing.code).toBe(EcCode.INVALID_REQUEST);
    expect(missing.message).toMatch(/^orgId: /);
    const badData = await ec({ orgId: 'H1', transType: 'ec.query', data: { ecQrCode: 'x', businessType: '1' } });
    expect(badData).toMatchObject({ code: EcCode.INVALID_REQUEST, message: 'businessType: businessType is 5 digits' });
  });

  it('accepts data as a JSON string, as the vendor library sends it', async () => {
    const answer = await ec({ orgId: 'H1', transType: 'ec.query', data: JSON.stringify({ ecQrCode: 'nope', businessType: '01101' }) });
    expect(answer.code).toBe(EcCode.QR_UNKNOWN_OR_USED);
  });

  it('refuses an unknown transType with its own code', async () => {
    const answer = await ec({ orgId: 'H1', transType: 'cn.nhsa.settle.notify', data: {} });
    expect(answer).toEqual({ code: EcCode.UNKNOWN_TRANS_TYPE, message: 'transType: unknown "cn.nhsa.settle.notify"', data: '{}', orgId: 'H1', extra: null });
  });
});
