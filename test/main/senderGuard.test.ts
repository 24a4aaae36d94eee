import { isAppUrl, isTrustedSender } from '../../electron/main/security/senderGuard';

describe('sender check', () => {
  it('accepts only app://kiosk frames', () => {
    expect(isAppUrl('app://kiosk/index.html')).toBe(true);
    expect(isAppUrl('app://kiosk/')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('http://kiosk/index.html')).toBe(false);
    expect(isAppUrl('https://example.com/app://kiosk/')).toBe(false);
    expect(isAppUrl('file:///opt/facesettle/index.html')).toBe(false);
    expect(isAppUrl('app://kiosk.evil.com/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });

  it('does not rely on origin, which is the string "null" for app://', () => {
    // Why the check compares protocol and host: two different non-special URLs share this origin.
    expect(new URL('app://kiosk/index.html').origin).toBe('null');
    expect(new URL('evil://x/').origin).toBe('null');
    expect(isAppUrl('evil://x/')).toBe(false);
  });

  it('refuses missing and destroyed frames', () => {
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'app://kiosk/index.html', isDestroyed: () => true } })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'app://kiosk/index.html', isDestroyed: () => false } })).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'https://attacker.example/', isDestroyed: () => false } })).toBe(false);
  });
});
