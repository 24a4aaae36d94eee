import { DatabaseSync } from 'node:sqlite';
import { hisErrorBody } from '../../../shared/his/schemas';
import { createHospitalSystem } from '../../../sandbox/his';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { demoPersonDirectory } from '../support/persons';
import { serveRoutes } from '../support/serveRoutes';

// A hospital that requires a header on its HIS port: the sandbox HIS configured to do the same.
const A = DEMO_PERSONS[0]!;
const his = createHospitalSystem(
  { db: new DatabaseSync(':memory:'), clock: () => new Date('2026-11-29T01:00:00Z'), persons: demoPersonDirectory(), log: () => {} },
  { auth: { header: 'Authorization', value: 'Bearer s3cret-his-token' } },
);
let url = '';
let close: () => Promise<void>;
beforeAll(async () => {
  ({ url, close } = await serveRoutes(his.routes));
});
afterAll(() => close());

const send = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as any };
};

it('refuses every port call without the header, or with another value, as 401 UNAUTHORIZED', async () => {
  for (const [method, path, body] of [
    ['GET', `/his/persons/${A.psnNo}/bills`],
    ['POST', '/his/bills/B1/pay', { setlId: 'S1' }],
    ['PUT', '/his/visits/V1/platform-visit', { mdtrtId: 'M1' }],
  ] as const) {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: 'Bearer s3cret-his-token-and-more' }] as Record<string, string>[]) {
      const refused = await send(method, path, headers, body);
      expect(refused.status).toBe(401);
      expect(hisErrorBody.parse(refused.body).error).toEqual({ code: 'UNAUTHORIZED', message: 'missing or wrong Authorization header' });
    }
  }
});

it('answers with the configured header', async () => {
  const answered = await send('GET', `/his/persons/${A.psnNo}/bills`, { Authorization: 'Bearer s3cret-his-token' });
  expect(answered.status).toBe(200);
  expect(answered.body.bills).toHaveLength(1);
});

it('leaves the demo\'s doctor desk (not part of the port) open on loopback', async () => {
  expect((await send('POST', '/his/orders', {}, { psnNo: A.psnNo, doctorCode: 'DR001', items: [{ code: 'YP0002', qty: 1 }] })).status).toBe(201);
});
