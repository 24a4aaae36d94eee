import { useKioskStore } from '../../renderer/store';

describe('kiosk store', () => {
  beforeEach(() => useKioskStore.setState(useKioskStore.getInitialState(), true));

  it('resetSession forgets the patient, the face state and the screen, but not the terminal', () => {
    const s = useKioskStore.getState();
    s.setAppInfo({
      version: '1',
      mode: 'cashier',
      institutionCode: 'H42120200001',
      institutionName: 'x',
      terminalId: 'T',
      defaultLocale: 'en',
      idleTimeoutSeconds: 60,
      shell: 'electron',
    });
    s.goTo('face');
    s.setLocale('zh-CN');
    s.setPatient({ maskedName: '张*三', maskedId: '4201**********1234' });
    s.setCameraStatus('live');
    s.countFaceAttempt();
    s.setStaffCall({ ticket: 'S1', raisedAt: 'now' });
    s.openIdlePrompt();

    useKioskStore.getState().resetSession();
    const after = useKioskStore.getState();
    expect(after.screen).toBe('home');
    expect(after.patient).toBeNull();
    expect(after.faceAttempts).toBe(0);
    expect(after.cameraStatus).toBe('off');
    expect(after.staffCall).toBeNull();
    expect(after.idlePromptOpen).toBe(false);
    expect(after.locale).toBe('en'); // back to the terminal's default language
    expect(after.appInfo?.mode).toBe('cashier');
  });
});
