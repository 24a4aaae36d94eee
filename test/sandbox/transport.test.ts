import { request } from 'node:http';
import { PLATFORM_PATH } from '../../sandbox/platform';
import { tifSignature } from '../../sandbox/platform/tif';
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

  test.each([
    ['x-tif-paasid', 'header x-tif-paasid: required'],
    ['x-tif-timestamp', 'header x-tif-timestamp: required'],
    ['x-tif-nonce', 'header x-tif-nonce: required'],
    ['x-tif-signature', 'header x-tif-signature: required'],
  ])('missing %s is refused', async (name, message) => {
    expect(await refusedWith({ [name]: undefined })).toBe(message);
  });

  test('an unknown PaaS id is refused', async () => {
    expect(await refusedWith({ 'x-tif-paasid': 'someone-else' })).toBe('header x-tif-paasid: unknown PaaS id');
  });

  test('a timestamp outside ±300 s is refused, inside is accepted', async () => {
    const now = Math.floor(Date.now() / 1000);
    const signed = (offset: number) => {
      const timestamp = String(now + offset);
      return { 'x-tif-timestamp': timestamp, 'x-tif-signature': tifSignature(timestamp, t.sandbox.secret, `n${offset}x${now}`), 'x-tif-nonce': `n${offset}x${now}` };
    };
    expect(await refusedWith(signed(-400))).toBe("header x-tif-timestamp: must be within 300 s of the platform's clock");
    expect(await refusedWith(signed(400))).toBe("header x-tif-timestamp: must be within 300 s of the platform's clock");
    expect(await refusedWith({ 'x-tif-timestamp': 'yesterday' })).toBe('header x-tif-timestamp: must be Unix time in seconds');
    const ok = await t.hospital.post(JSON.stringify(t.hospital.envelope('1101', queryPerson)), { ...t.hospital.headers(), ...signed(-250) });
    expect(ok.body.infcode).toBe(0);
  });

  test('a wrong signature is refused (it is SHA-256 of timestamp+secret+nonce+timestamp, not an HMAC)', async () => {
    const headers = t.hospital.headers();
    const wrongSecret = tifSignature(headers['x-tif-timestamp']!, 'not-the-secret', headers['x-tif-nonce']!);
    expect(await refusedWith({ ...headers, 'x-tif-signature': wrongSecret })).toBe(
      'header x-tif-signature: does not match SHA-256(timestamp + secret + nonce + timestamp)',
    );
    expect(await refusedWith({ ...headers, 'x-tif-signature': headers['x-tif-signature']!.toUpperCase() })).toMatch(/^header x-tif-signature/);
  });

  test('a nonce longer than 64 characters is refused', async () => {
    const headers = t.hospital.headers('n'.repeat(65));
    expect(await refusedWith(headers)).toBe('header x-tif-nonce: must be at most 64 characters');
  });

  test('a replayed nonce is refused, even for a different body', async () => {
    const headers = t.hospital.headers();
    const first = await t.hospital.post(JSON.stringify(t.hospital.envelope('1101', queryPerson)), headers);
    expect(first.body.infcode).toBe(0);
    expect(await refusedWith(headers)).toBe('header x-tif-nonce: already used (replayed request)');
  });
});

describe('body and content type', () => {
  test('a wrong content type is refused', async () => {
    expect(await refusedWith({ 'content-type': 'text/plain' })).toBe('header content-type: must be application/json');
    expect(await refusedWith({ 'content-type': undefined })).toBe('header content-type: must be application/json');
  });

  test('application/json with a charset is accepted', async () => {
    const answer = await t.hospital.post(JSON.stringify(t.hospital.envelope('1101', queryPerson)), {
      ...t.hospital.headers(), 'content-type': 'application/json; charset=utf-8',
    });
    expect(answer.body.infcode).toBe(0);
  });

  test('malformed JSON is refused as infcode -1', async () => {
    expect(await refusedWith({}, '{"infno": "1101",')).toBe('body: malformed JSON');
  });

  test('a body that is not an object is refused', async () => {
    expect(await refusedWith({}, '[1,2,3]')).toBe('body: must be a JSON object (the request envelope)');
    expect(await refusedWith({}, '')).toBe('body: must be a JSON object (the request envelope)');
  });

  test('a body over 1 MiB is refused as infcode -1', async () => {
    const big = JSON.stringify({ ...t.hospital.envelope('1101', queryPerson), dev_safe_info: 'x'.repeat(1024 * 1024) });
    expect(await refusedWith({}, big)).toBe('body: must be at most 1 MiB');
  });

  test('an input over 40000 characters is refused', async () => {
    const envelope = t.hospital.envelope('1101', { data: { ...queryPerson.data, exp_content: 'x'.repeat(40_001) } });
    expect(await refusedWith({}, JSON.stringify(envelope))).toBe('input: must be at most 40000 characters');
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
