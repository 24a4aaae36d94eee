import { request } from 'node:http';
import { PLATFORM_PATH } from '../../sandbox/platform';
import { tifSignature } from '../../sandbox/platform/tif';
import { expectRefusalOf } from './support/refusals';
import { startTestSandbox, type TestSandbox } from './support/sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
  await t.hospital.signIn();
});
afterAll(() => t.stop());

const queryPerson = { data: { mdtrt_cert_type: '02', mdtrt_cert_no: '421202195803150017' } };

async function refusedWith(headers: Record<string, string | undefined>, body?: string) {
  const answer = await t.hospital.post(body ?? JSON.stringify(t.hospital.envelope('1101', queryPerson)), { ...t.hospital.headers(), ...headers });
  expect(answer.status).toBe(200);
  expect(answer.body.infcode).toBe(-1);
  expect(answer.body.output).toBeNull();
  return answer.body.err_msg;
}

describe('TIF gateway headers', () => {
  test('a correctly signed request is answered', async () => {
    const { output } = await t.hospital.ok('1101', queryPerson);
    expect(output.baseinfo.psn_no).toBe('42120000000000000001');
  });

  test.each(['x-tif-paasid', 'x-tif-timestamp', 'x-tif-nonce', 'x-tif-signature'])('missing %s is refused', async (name) => {
    expectRefusalOf(await refusedWith({ [name]: undefined }), `header ${name}`);
  });

  test('an unknown PaaS id is refused', async () => {
    expectRefusalOf(await refusedWith({ 'x-tif-paasid': 'someone-else' }), 'header x-tif-paasid');
  });

  test('a timestamp outside ±300 s is refused, inside is accepted', async () => {
    const now = Math.floor(Date.now() / 1000);
    const signed = (offset: number) => {
      const timestamp = String(now + offset);
      return { 'x-tif-timestamp': timestamp, 'x-tif-signature': tifSignature(timestamp, t.sandbox.secret, `n${offset}x${now}`), 'x-tif-nonce': `n${offset}x${now}` };
    };
    for (const offset of [-400, 400]) {
      const err = await refusedWith(signed(offset));
      expectRefusalOf(err, 'header x-tif-timestamp');
      // The window is the one number a hospital's IT must know to fix its clock.
      expect(err).toContain('300');
    }
    expectRefusalOf(await refusedWith({ 'x-tif-timestamp': 'yesterday' }), 'header x-tif-timestamp');
    const ok = await t.hospital.post(JSON.stringify(t.hospital.envelope('1101', queryPerson)), { ...t.hospital.headers(), ...signed(-250) });
    expect(ok.body.infcode).toBe(0);
  });

  test('a wrong signature is refused (it is SHA-256 of timestamp+secret+nonce+timestamp, not an HMAC)', async () => {
    const headers = t.hospital.headers();
    const wrongSecret = tifSignature(headers['x-tif-timestamp']!, 'not-the-secret', headers['x-tif-nonce']!);
    expectRefusalOf(await refusedWith({ ...headers, 'x-tif-signature': wrongSecret }), 'header x-tif-signature');
    expectRefusalOf(await refusedWith({ ...headers, 'x-tif-signature': headers['x-tif-signature']!.toUpperCase() }), 'header x-tif-signature');
  });

  test('a nonce longer than 64 characters is refused', async () => {
    const headers = t.hospital.headers('n'.repeat(65));
    expectRefusalOf(await refusedWith(headers), 'header x-tif-nonce');
  });

  test('a replayed nonce is refused, even for a different body', async () => {
    const headers = t.hospital.headers();
    const first = await t.hospital.post(JSON.stringify(t.hospital.envelope('1101', queryPerson)), headers);
    expect(first.body.infcode).toBe(0);
    expectRefusalOf(await refusedWith(headers), 'header x-tif-nonce');
  });
});

describe('body and content type', () => {
  test('a wrong content type is refused', async () => {
    expectRefusalOf(await refusedWith({ 'content-type': 'text/plain' }), 'header content-type');
    expectRefusalOf(await refusedWith({ 'content-type': undefined }), 'header content-type');
  });

  test('application/json with a charset is accepted', async () => {
    const answer = await t.hospital.post(JSON.stringify(t.hospital.envelope('1101', queryPerson)), {
      ...t.hospital.headers(), 'content-type': 'application/json; charset=utf-8',
    });
    expect(answer.body.infcode).toBe(0);
  });

  test('malformed JSON is refused as infcode -1', async () => {
    expectRefusalOf(await refusedWith({}, '{"infno": "1101",'), 'body');
  });

  test('a body that is not an object is refused', async () => {
    expectRefusalOf(await refusedWith({}, '[1,2,3]'), 'body');
    expectRefusalOf(await refusedWith({}, ''), 'body');
  });

  test('a body over 1 MiB is refused as infcode -1', async () => {
    const big = JSON.stringify({ ...t.hospital.envelope('1101', queryPerson), dev_safe_info: 'x'.repeat(1024 * 1024) });
    expectRefusalOf(await refusedWith({}, big), 'body');
  });

  test('an input over 40000 characters is refused', async () => {
    const envelope = t.hospital.envelope('1101', { data: { ...queryPerson.data, exp_content: 'x'.repeat(40_001) } });
    expectRefusalOf(await refusedWith({}, JSON.stringify(envelope)), 'input');
  });

  test('other paths and methods answer 404 in JSON, never 500', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${t.sandbox.url}${PLATFORM_PATH}`, { method: 'GET' }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toEqual({ error: `no route for GET ${PLATFORM_PATH}` });
  });

  test('the health endpoint answers', async () => {
    const response = await fetch(`${t.sandbox.url}/health`);
    expect(await response.json()).toMatchObject({ status: 'ok', parts: { platform: true, face: false, his: false } });
  });
});
