import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ok } from '../../shared/result';
import type { CatalogueProduct } from '../../shared/types/settlement';
import { createBurstDetector, SCANNER_TIMING } from '../../renderer/device/scanner';
import { useKioskStore } from '../../renderer/store';
import { seededRandom, testSeed } from '../support/seed';
import { key, scan, tap, typeKeys } from './browserInput';
import { PERSON, fakeApi, renderApp } from './support';

const DRUGS: CatalogueProduct[] = [
  { medListCodg: 'A', medinsListCodg: 'YP0001', barcode: '6901234560017', name: '奥美拉唑肠溶胶囊', unit: '盒', priceFen: 1850 },
  { medListCodg: 'B', medinsListCodg: 'YP0003', barcode: '6901234560031', name: '二甲双胍缓释片', unit: '盒', priceFen: 1290 },
  { medListCodg: 'C', medinsListCodg: 'YP0007', barcode: '69012345', name: '维生素C泡腾片', unit: '支', priceFen: 1500 },
];

/** A pharmacy whose catalogue answers by barcode, recording each lookup. */
function pharmacy() {
  const api = fakeApi(
    {
      lookupCatalogue: async (request) => {
        api.calls.push(`lookupCatalogue:${JSON.stringify(request)}`);
        return ok(DRUGS.filter((d) => 'barcode' in request && d.barcode === request.barcode));
      },
    },
    'pharmacy',
  );
  renderApp(api, { operatorId: 'OP001' });
  return api;
}

const cartCounts = () => Object.fromEntries(useKioskStore.getState().cart.map((line) => [line.product.medinsListCodg, line.cnt]));
const lookups = (calls: string[]) => calls.filter((c) => c.startsWith('lookupCatalogue:')).length;

describe('the burst detector', () => {
  it('takes characters under the gap, ending in a prompt Enter, as a scan; anything slower is a person', () => {
    const { maxGapMs, enterGapMs, minLength } = SCANNER_TIMING;
    const detector = createBurstDetector();
    const feed = (text: string, gap: number, enterAfter = gap) => {
      let t = 10_000;
      for (const c of text) {
        detector.char(c, t);
        t += gap;
      }
      return detector.enter(t - gap + enterAfter);
    };
    expect(feed('6901234560017', 4)).toBe('6901234560017');
    expect(feed('6901234560017', maxGapMs - 1)).toBe('6901234560017');
    expect(feed('6901234560017', maxGapMs)).toBeNull();
    expect(feed('6901234560017', 120)).toBeNull();
    expect(feed('x'.repeat(minLength - 1), 4)).toBeNull();
    expect(feed('6901234560017', 4, enterGapMs + 1)).toBeNull();
    // A pause mid-way starts a new burst: what came before it is not part of the code.
    detector.char('1', 0);
    detector.char('2', 500);
    for (const [i, c] of [...'34567890'].entries()) detector.char(c, 501 + i * 4);
    expect(detector.enter(540)).toBe('234567890');
  });
});

describe('the keyboard-wedge scanner on the pharmacy cart', () => {
  it('a cart built by scans with taps on + and − in between holds exactly what was scanned and tapped', async () => {
    const seed = testSeed('scanner cart');
    const random = seededRandom(seed);
    const api = pharmacy();
    await screen.findByRole('heading', { name: '药品清单' });
    // The staff member's touch on the screen first: the search field no longer has focus.
    tap(screen.getByRole('heading', { name: '药品清单' }));
    expect(document.activeElement).toBe(document.body);

    const expected: Record<string, number> = {};
    let scans = 0;
    let at = 1_000;
    for (let step = 0; step < 14; step++) {
      const lines = Object.keys(expected);
      if (lines.length === 0 || random() < 0.5) {
        const drug = DRUGS[Math.floor(random() * DRUGS.length)]!;
        at = scan(drug.barcode!, at) + 800;
        scans++;
        expected[drug.medinsListCodg] = (expected[drug.medinsListCodg] ?? 0) + 1;
      } else {
        const code = lines[Math.floor(random() * lines.length)]!;
        const name = DRUGS.find((d) => d.medinsListCodg === code)!.name;
        const more = random() < 0.5;
        const button = screen.getByRole('button', { name: `${more ? '加一' : '减一'} ${name}` });
        tap(button);
        // Nothing keeps the tapped button's focus for the next scan's Enter to press.
        expect(document.activeElement).not.toBe(button);
        expected[code]! += more ? 1 : -1;
        if (expected[code] === 0) delete expected[code];
      }
      await waitFor(() => expect(cartCounts()).toEqual(expected));
    }
    expect(lookups(api.calls)).toBe(scans);
  });

  it('a scan while the prescription field has focus is the prescription number, not a drug', async () => {
    const api = pharmacy();
    await screen.findByRole('heading', { name: '药品清单' });
    const rx = screen.getByLabelText('处方号（处方药扫描或录入，非处方药不填）');
    tap(rx);
    scan('RX-20261129-0042', 5_000);
    expect((rx as HTMLInputElement).value).toBe('RX-20261129-0042');
    expect(useKioskStore.getState().rxno).toBe('RX-20261129-0042');
    expect(lookups(api.calls)).toBe(0);
  });

  it('typing slowly in the search field is typing: the field gets the characters and its own Enter searches', async () => {
    const api = pharmacy();
    const search = (await screen.findByLabelText('扫描条码或输入药名')) as HTMLInputElement;
    expect(document.activeElement).toBe(search);
    let at = 2_000;
    for (const c of '69012345') {
      key(c, at);
      at += 150;
    }
    expect(search.value).toBe('69012345');
    expect(lookups(api.calls)).toBe(0);
    key('Enter', at);
    await waitFor(() => expect(cartCounts()).toEqual({ YP0007: 1 }));
    expect(api.calls).toEqual(expect.arrayContaining([`lookupCatalogue:${JSON.stringify({ barcode: '69012345' })}`]));
    expect(lookups(api.calls)).toBe(1);
  });
});

describe('the e-voucher QR code from the scanner', () => {
  const PAYLOAD = '421200qr0123456789abcdef0123456789abcd';
  const qrCall = `identifyByQr:${JSON.stringify({ payload: PAYLOAD })}`;

  it('is read on the QR screen after the patient touched the screen and the field lost focus', async () => {
    const api = fakeApi();
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: '不刷脸，用其他方式' }));
    fireEvent.click(screen.getByRole('button', { name: '医保电子凭证二维码' }));
    const field = screen.getByLabelText('扫码结果') as HTMLInputElement;
    tap(screen.getByText('请把手机上的医保电子凭证二维码对准扫码器', { selector: 'p' }));
    expect(document.activeElement).not.toBe(field);
    scan(PAYLOAD, 3_000);
    expect(await screen.findByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    expect(api.calls.filter((c) => c === qrCall)).toHaveLength(1);
    expect(screen.getByText(PERSON.maskedName)).toBeTruthy();
  });

  it('is read straight from the home screen and the other-ways screen, no choice made first', async () => {
    const api = fakeApi();
    renderApp(api);
    await screen.findByRole('button', { name: '开始刷脸' });
    scan(PAYLOAD, 1_000);
    expect(await screen.findByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    // "Not me" leads to the other ways: the patient holds the phone to the scanner again.
    tap(screen.getByRole('button', { name: '不是我' }));
    expect(await screen.findByRole('heading', { name: '请选择一种方式' })).toBeTruthy();
    scan(PAYLOAD, 9_000);
    expect(await screen.findByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    expect(api.calls.filter((c) => c === qrCall)).toHaveLength(2);
  });

  it('keys typed at a person’s pace on the home screen are not a scan, and their Enter presses nothing', async () => {
    const api = fakeApi();
    renderApp(api);
    const start = await screen.findByRole('button', { name: '不刷脸，用其他方式' });
    typeKeys('4212001234567890', 1_000, 140);
    expect(api.calls.some((c) => c.startsWith('identifyByQr'))).toBe(false);
    // A burst's Enter on a focused button (a keyboard user's Tab put it there) does not press it.
    start.focus();
    scan(PAYLOAD, 20_000);
    expect(await screen.findByRole('heading', { name: '请确认是您本人' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '请选择一种方式' })).toBeNull();
  });
});
