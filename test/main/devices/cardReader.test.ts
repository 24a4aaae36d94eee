import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dispatch } from '../../../electron/core/dispatch';
import { simulatedCardReader } from '../../../electron/core/devices/simulatedCardReader';
import type { KioskCore } from '../../../electron/core/startCore';
import { startKiosk } from '../../../electron/launcher/kiosk';
import { checkTerminalConfig } from '../../../shared/config/terminalConfig';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';

/**
 * The social-security card through the counter's reader (issue 13 item 7): main reads number and
 * card_sn from the device and sends 1101 type 03 to the real (embedded) sandbox, which refuses
 * a card_sn that is not the card's. The reader is the simulated one: a real implementation of
 * the device interface whose "card in the slot" is a file.
 */
const person = DEMO_PERSONS[0]!;
const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-card-'));
const cardFile = path.join(dir, 'card.json');
const insert = (card: unknown) => writeFileSync(cardFile, typeof card === 'string' ? card : JSON.stringify(card));
const removeCard = () => rmSync(cardFile, { force: true });

function configFile(name: string, extra: Record<string, unknown>): string {
  const file = path.join(dir, `${name}.json`);
  // The e-voucher channel is not the sandbox's: its face service (and its models) stay off.
  writeFileSync(file, JSON.stringify({ evoucher: { url: 'http://127.0.0.1:9' }, ...extra }));
  return file;
}

async function startCore(config: string): Promise<KioskCore> {
  // As the launcher starts it: the embedded sandbox for the configuration's `embedded` URLs.
  return startKiosk({
    configFile: config,
    configRequired: true,
    platformUrlOverride: undefined,
    healthPort: null,
    dataDir: mkdtempSync(path.join(dir, 'data-')),
    shell: 'browser-bridge',
    version: 'test',
    raiseStaffCall: () => undefined,
    log: () => undefined,
  });
}

describe('the simulated reader', () => {
  const reader = simulatedCardReader(cardFile);
  afterEach(removeCard);

  it('reads the card in its slot, and says when there is none or it cannot be read', async () => {
    expect(await reader.read()).toEqual({ status: 'no-card' });
    insert({ cardNo: ' a42120001 ', cardSn: '421200d156000005a0001' });
    expect(await reader.read()).toEqual({ status: 'read', card: { cardNo: 'A42120001', cardSn: '421200D156000005A0001' } });
    insert('not json');
    expect(await reader.read()).toMatchObject({ status: 'unreadable' });
    insert({ cardNo: 'A42120001' });
    expect(await reader.read()).toMatchObject({ status: 'unreadable' });
    insert({ cardNo: 'A4212<0001', cardSn: 'X' });
    expect(await reader.read()).toMatchObject({ status: 'unreadable' });
  });

  it('is configured by kind, and a simulated reader must name its card file', () => {
    expect(checkTerminalConfig({})).toMatchObject({ ok: true, config: { cardReader: { kind: 'none' } } });
    const simulated = checkTerminalConfig({ cardReader: { kind: 'simulated', cardFile } });
    expect(simulated).toMatchObject({ ok: true, config: { cardReader: { kind: 'simulated', cardFile } } });
    expect(checkTerminalConfig({ cardReader: { kind: 'simulated' } })).toMatchObject({ ok: false, problems: [expect.stringContaining('cardReader')] });
    expect(checkTerminalConfig({ cardReader: { kind: 'pcsc' } })).toMatchObject({ ok: false, problems: [expect.stringContaining('cardReader')] });
  });
});

describe('identification by the card in the reader, through the kiosk API', () => {
  let core: KioskCore;
  const call = (method: string, payload: unknown) => dispatch(core.handlers, method, payload, { warn: () => undefined }) as Promise<any>;
  beforeAll(async () => {
    core = await startCore(configFile('with-reader', { cardReader: { kind: 'simulated', cardFile } }));
  }, 60_000);
  afterAll(() => core?.close());
  afterEach(removeCard);

  it('tells the page a reader is there', async () => {
    expect(await call('getAppInfo', {})).toMatchObject({ ok: true, value: { cardReader: true } });
  });

  it('identifies the holder from the number and card_sn the reader gives, masked', async () => {
    insert({ cardNo: person.cardNo, cardSn: person.cardSn });
    const answer = await call('identifyByCardReader', {});
    expect(answer).toMatchObject({ ok: true, value: { status: 'identified', person: { maskedName: '欧*明', maskedCertno: '4212**********0017' } } });
    expect(JSON.stringify(answer)).not.toContain(person.certno);
  });

  it('a card whose chip code is not the card number\'s is refused by the platform, not taken', async () => {
    insert({ cardNo: person.cardNo, cardSn: DEMO_PERSONS[1]!.cardSn });
    expect(await call('identifyByCardReader', {})).toMatchObject({ ok: false, error: { code: 'PERSON_NOT_FOUND', next: 'other-id' } });
  });

  it('says there is no card, or that it cannot be read, without calling the platform', async () => {
    expect(await call('identifyByCardReader', {})).toEqual({ ok: true, value: { status: 'no-card' } });
    insert('{"cardNo":');
    expect(await call('identifyByCardReader', {})).toEqual({ ok: true, value: { status: 'unreadable' } });
  });

  it('takes nothing from the page: the request is empty', async () => {
    insert({ cardNo: person.cardNo, cardSn: person.cardSn });
    expect(await call('identifyByCardReader', { cardNo: person.cardNo, cardSn: 'typed' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('a counter without a reader', () => {
  let core: KioskCore;
  const call = (method: string, payload: unknown) => dispatch(core.handlers, method, payload, { warn: () => undefined }) as Promise<any>;
  beforeAll(async () => {
    core = await startCore(configFile('no-reader', {}));
  }, 60_000);
  afterAll(() => core?.close());

  it('says so to the page, whose card screen then has staff type the printed number (type 02)', async () => {
    expect(await call('getAppInfo', {})).toMatchObject({ ok: true, value: { cardReader: false } });
    expect(await call('identifyByCardReader', {})).toEqual({ ok: true, value: { status: 'no-reader' } });
    // The 社会保障号码 printed on the card is the resident ID number: staff type it, vouching with their PIN.
    const byPrinted = await call('identifyByIdNumber', { certno: person.certno, operatorId: 'OP001', pin: '246810' });
    expect(byPrinted).toMatchObject({ ok: true, value: { maskedName: '欧*明' } });
  });
});
