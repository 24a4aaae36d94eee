import { createHash } from 'node:crypto';
import { SANDBOX_DEFAULTS } from '../../../shared/config/terminalConfig';
import { buildEnvelope } from '../../../electron/settlement/nhsa/envelope';
import { tifSignature, tifSigner } from '../../../electron/settlement/nhsa/signing';

describe('TIF signing', () => {
  it('is lowercase hex sha256 of timestamp + secret + nonce + timestamp', () => {
    const expected = createHash('sha256').update('1700000000s3cretabc1700000000').digest('hex');
    expect(tifSignature('1700000000', 's3cret', 'abc')).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sends the paas id, a timestamp in seconds and a fresh nonce per call', () => {
    const signer = tifSigner({ paasId: 'pid', secret: 'k' }, () => new Date(1_700_000_000_999));
    const a = signer.headers();
    const b = signer.headers();
    expect(a['x-tif-paasid']).toBe('pid');
    expect(a['x-tif-timestamp']).toBe('1700000000');
    expect(a['x-tif-nonce']).not.toBe(b['x-tif-nonce']);
    expect(a['x-tif-signature']).toBe(tifSignature('1700000000', 'k', a['x-tif-nonce']!));
  });
});

describe('envelope', () => {
  it('comes from the terminal configuration, as a self-service terminal', () => {
    const env = buildEnvelope(SANDBOX_DEFAULTS, {
      infno: '1101',
      msgid: 'H42120200001202603011003040000',
      input: { data: {} },
      at: new Date('2026-03-01T02:03:04Z'),
    });
    expect(env).toMatchObject({
      infno: '1101',
      mdtrtarea_admvs: '421200',
      insuplc_admdvs: '',
      recer_sys_code: 'YBXT',
      infver: 'V1.0',
      opter_type: '2',
      opter: 'KIOSK-01',
      dev_no: 'KIOSK-01',
      opter_name: '自助终端01',
      inf_time: '2026-03-01 10:03:04',
      fixmedins_code: 'H42120200001',
      fixmedins_name: '咸宁市演示医院',
      sign_no: '',
    });
  });
});
