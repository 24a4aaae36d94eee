import { startSandbox, type RunningSandbox } from '../../../sandbox';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import { EMBEDDED_PLATFORM } from '../../../shared/config/terminalConfig';
import { connectHis } from '../../../electron/core/hisConnection';
import { HisUnavailable, type HisBridge } from '../../../electron/settlement/his/bridge';
import { createHttpHis } from '../../../electron/settlement/his/httpHis';
import { identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { listPendingBills } from '../../../electron/settlement/usecases/outpatient';
import { startHarness } from './harness';
import { startTamperingProxy, type Tamper } from './tamperingProxy';

// The kiosk's one HIS client against the sandbox HIS, which here requires a key like a
// hospital's HIS may; and behind a proxy that spoils its answers like a broken one would.
const A = DEMO_PERSONS[0]!;
const KEY = { header: 'X-HIS-Key', value: 'his-key-7f3a' };
let sandbox: RunningSandbox;
let proxy: Awaited<ReturnType<typeof startTamperingProxy>>;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, log: () => {}, parts: { face: false, his: true }, hisAuth: KEY });
  proxy = await startTamperingProxy(sandbox.url);
});
afterEach(() => proxy.tamper(undefined));
afterAll(async () => {
  await proxy.close();
  await sandbox.close();
});

async function refusal(work: Promise<unknown>): Promise<HisUnavailable> {
  const error = await work.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof HisUnavailable)) throw new Error(`expected HisUnavailable, got ${String(error)}`);
  return error;
}

describe('the auth header', () => {
  it('is sent when configured, and a HIS that requires it refuses the kiosk without it', async () => {
    const without = await refusal(createHttpHis({ baseUrl: sandbox.url }).pendingBills(A.psnNo));
    expect(without).toMatchObject({ status: 401, refused: false });
    expect(without.message).toBe('GET /his/persons/{psnNo}/bills: HTTP 401 UNAUTHORIZED: missing or wrong X-HIS-Key header');
    const wrong = await refusal(createHttpHis({ baseUrl: sandbox.url, auth: { ...KEY, value: 'guess' } }).pendingBills(A.psnNo));
    expect(wrong.status).toBe(401);
    expect(await createHttpHis({ baseUrl: sandbox.url, auth: KEY }).pendingBills(A.psnNo)).toHaveLength(1);
  });

  it('takes its value from the secret store when his.authHeader is configured, and will not start without one', async () => {
    const asked: string[] = [];
    const loadSecret = async (header: string) => {
      asked.push(header);
      return header === KEY.header ? KEY.value : undefined;
    };
    const options = { urlOverride: undefined, resolve: (url: string) => url, loadSecret };
    const his = await connectHis({ url: sandbox.url, authHeader: KEY.header }, options);
    expect(await his.pendingBills(A.psnNo)).toHaveLength(1);
    expect(asked).toEqual(['X-HIS-Key']);
    await expect(connectHis({ url: sandbox.url, authHeader: 'Authorization' }, options)).rejects.toThrow(
      'no value stored for the Authorization header (build/INSTALL.md: facesettle --set-his-secret)',
    );
    // The embedded sandbox's HIS asks for nothing, so nothing is looked up.
    await connectHis({ url: EMBEDDED_PLATFORM, authHeader: KEY.header }, { ...options, resolve: () => sandbox.url });
    expect(asked).toEqual(['X-HIS-Key', 'Authorization']);
  });
});

describe('answers are validated against the port', () => {
  const client = (): HisBridge => createHttpHis({ baseUrl: proxy.url, auth: KEY });
  const spoilBills = (spoil: (bill: any) => void): Tamper => (path, body) => {
    if (path.endsWith('/bills')) spoil(body.bills[0]);
  };

  it('maps a valid answer, with the new fields, and ignores fields the port does not name', async () => {
    proxy.tamper(spoilBills((bill) => Object.assign(bill, { vendorNote: '加急' })));
    const [bill] = await client().pendingBills(A.psnNo);
    expect(bill).toMatchObject({ begntime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/), mdtrtId: null });
    expect(bill!.diagnoses.map((d) => [d.code, d.main])).toEqual([['K29.700', true], ['E78.500', false]]);
    expect(bill!.lines[0]).toMatchObject({ rxno: expect.stringMatching(/^RX/), rxCirculation: false, orderedBy: { doctorCode: 'DR001', doctorName: '李明' } });
    expect(bill).not.toHaveProperty('vendorNote');
  });

  it.each([
    ['an amount that is not unit price × quantity', (b: any) => ((b.lines[1].amountFen += 1), (b.totalFen += 1)), 'bills[0].lines[1].amountFen: must be unitPriceFen × qty'],
    ['a line without its prescription number', (b: any) => delete b.lines[0].rxno, 'bills[0].lines[0].rxno: Invalid input: expected string, received undefined'],
    ['a visit start in another format', (b: any) => (b.begntime = '2026/11/29 09:00'), 'bills[0].begntime: must be yyyy-MM-dd HH:mm:ss'],
    ['a total that is not the sum of the lines', (b: any) => (b.totalFen = 1), 'bills[0].totalFen: must be the sum of the lines (8180)'],
    ['two main diagnoses', (b: any) => (b.diagnoses[1].main = true), 'bills[0].diagnoses: exactly one diagnosis must be main'],
    ["another person's bill", (b: any) => (b.psnNo = DEMO_PERSONS[1]!.psnNo), "bills[0].psnNo: another person's bill"],
  ])('refuses %s, naming the field (and never the person)', async (_, spoil, field) => {
    proxy.tamper(spoilBills(spoil));
    const error = await refusal(client().pendingBills(A.psnNo));
    expect(error.message).toBe(`GET /his/persons/{psnNo}/bills: invalid answer (HIS port pendingBills): ${field}`);
    expect(error).toMatchObject({ status: undefined, refused: false });
    expect(error.message).not.toContain(A.psnNo);
  });

  it('refuses a stay without its real admission time', async () => {
    proxy.tamper((path, body) => {
      if (path.startsWith('/his/stays/')) delete body.admittedAt;
    });
    const stayNo = (await createHttpHis({ baseUrl: sandbox.url, auth: KEY }).staysOf(A.psnNo))[0]!.stayNo;
    expect((await refusal(client().stay(stayNo))).message).toBe(
      'GET /his/stays/{stayNo}: invalid answer (HIS port stay): admittedAt: Invalid input: expected string, received undefined',
    );
  });

  it('reaches the patient as "hospital system unavailable", with the field in the log', async () => {
    const h = await startHarness();
    const spoiled = await startTamperingProxy(h.sandbox.url);
    try {
      spoiled.tamper(spoilBills((b) => (b.lines[0].unitPriceFen = -5)));
      const log: string[] = [];
      const engine = h.engine({ his: createHttpHis({ baseUrl: spoiled.url }), log: (line) => log.push(line) });
      const id = await identifyByIdNumber(engine.ctx, { certno: A.certno });
      if (!id.ok) throw new Error(id.error.code);
      expect(await listPendingBills(engine.ctx, { personRef: id.value.personRef })).toMatchObject({ ok: false, error: { code: 'HIS_UNAVAILABLE' } });
      expect(log).toContain(
        'his: GET /his/persons/{psnNo}/bills: invalid answer (HIS port pendingBills): bills[0].lines[0].unitPriceFen: Too small: expected number to be >=0; bills[0].lines[0].amountFen: must be unitPriceFen × qty',
      );
    } finally {
      await spoiled.close();
      await h.close();
    }
  });
});
