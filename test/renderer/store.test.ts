import { useKioskStore } from '../../renderer/store';
import { PERSON, QUOTE, RECEIPT, appInfo } from './support';

describe('kiosk store', () => {
  beforeEach(() => useKioskStore.setState(useKioskStore.getInitialState(), true));

  it('resetSession forgets the patient, the face state and the screen, but not the terminal or its staff', () => {
    const s = useKioskStore.getState();
    s.setAppInfo({ ...appInfo('cashier'), defaultLocale: 'en' });
    s.updateSettings({ density: 'standard' });
    s.setOperatorFromMain({ id: 'OP001', name: '演示收费员', since: '2026-11-29T00:00:00.000Z' });
    s.goTo('quote');
    s.setLocale('zh-CN');
    s.setPerson(PERSON);
    s.setQuote(QUOTE);
    s.setReceipt(RECEIPT);
    s.addToCart({ medListCodg: 'X', medinsListCodg: 'YP0001', barcode: null, name: 'a', unit: '盒', priceFen: 100 });
    s.askSecondFactor('AUTH1');
    s.showProblem({ error: { code: 'INTERNAL', message: 'x' }, retryScreen: null });
    s.setCameraStatus('live');
    s.setFaceGuidance('face.guide.tooFar');
    s.setStaffCall({ ticket: 'S1', raisedAt: 'now' });
    s.openIdlePrompt();
    const generation = s.generation;

    useKioskStore.getState().resetSession();
    const after = useKioskStore.getState();
    expect(after.screen).toBe('home');
    expect(after.registration).toBeNull();
    expect([after.person, after.quote, after.receipt, after.authNo, after.problem, after.faceGuidance]).toEqual([null, null, null, null, null, null]);
    expect(after.cart).toEqual([]);
    expect(after.cameraStatus).toBe('off');
    expect(after.staffCall).toBeNull();
    expect(after.idlePromptOpen).toBe(false);
    expect(after.generation).toBe(generation + 1);
    expect(after.locale).toBe('en'); // back to the terminal's default language
    expect(after.appInfo?.mode).toBe('cashier');
    expect(after.settings).toEqual({ density: 'standard' });
    expect(after.operator?.id).toBe('OP001');
  });

  it('adds the same product twice as one line of two, and drops a line counted down to zero', () => {
    const s = useKioskStore.getState();
    const product = { medListCodg: 'X', medinsListCodg: 'YP0001', barcode: null, name: 'a', unit: '盒', priceFen: 100 };
    s.addToCart(product);
    s.addToCart(product);
    expect(useKioskStore.getState().cart).toEqual([{ product, cnt: 2 }]);
    s.changeCount('YP0001', -2);
    expect(useKioskStore.getState().cart).toEqual([]);
  });
});
