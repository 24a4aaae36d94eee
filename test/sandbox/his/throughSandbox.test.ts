import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

// The hospital system wired into the real sandbox, its persons from the platform's directory.
const A = DEMO_PERSONS[0]!;
let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ parts: { face: false, his: true } });
});
afterAll(() => t.stop());

const his = async (path: string, body?: unknown) => {
  const response = await fetch(`${t.sandbox.url}${path}`, body === undefined ? undefined : {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
};

it('serves a demo person\'s pending bill and takes it off the list once paid', async () => {
  expect(t.sandbox.parts.his).toBe(true);
  const pending = await his(`/his/persons/${A.psnNo}/bills`);
  expect(pending.status).toBe(200);
  expect(pending.body.bills).toHaveLength(1);
  const paid = await his(`/his/bills/${pending.body.bills[0].billNo}/pay`, { setlId: 'SETL-IT-1' });
  expect(paid.body.status).toBe('paid');
  expect((await his(`/his/persons/${A.psnNo}/bills`)).body.bills).toEqual([]);
});

it('refuses malformed JSON before it reaches the hospital system', async () => {
  const response = await fetch(`${t.sandbox.url}/his/bills/X/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
  expect(response.status).toBe(400);
});
