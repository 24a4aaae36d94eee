import { decidePermissionCheck, decidePermissionRequest, installPermissionHandlers } from '../../electron/main/security/permissions';

describe('permission decision', () => {
  it('grants the camera to the kiosk page', () => {
    expect(decidePermissionRequest('media', ['video'], 'app://kiosk/index.html')).toBe(true);
  });

  it('refuses the microphone, mixed requests and empty media types', () => {
    expect(decidePermissionRequest('media', ['audio'], 'app://kiosk/index.html')).toBe(false);
    expect(decidePermissionRequest('media', ['video', 'audio'], 'app://kiosk/index.html')).toBe(false);
    expect(decidePermissionRequest('media', [], 'app://kiosk/index.html')).toBe(false);
    expect(decidePermissionRequest('media', undefined, 'app://kiosk/index.html')).toBe(false);
  });

  it('refuses the camera to any other origin', () => {
    expect(decidePermissionRequest('media', ['video'], 'https://example.com/')).toBe(false);
    expect(decidePermissionRequest('media', ['video'], 'app://other/index.html')).toBe(false);
    expect(decidePermissionRequest('media', ['video'], undefined)).toBe(false);
  });

  it.each(['notifications', 'geolocation', 'clipboard-read', 'fullscreen', 'openExternal', 'hid', 'serial', 'midi'])(
    'refuses %s even to the kiosk page',
    (permission) => {
      expect(decidePermissionRequest(permission, ['video'], 'app://kiosk/index.html')).toBe(false);
      expect(decidePermissionCheck(permission, 'video', 'app://kiosk')).toBe(false);
    },
  );

  it('answers permission checks the same way', () => {
    expect(decidePermissionCheck('media', 'video', 'app://kiosk')).toBe(true);
    expect(decidePermissionCheck('media', 'audio', 'app://kiosk')).toBe(false);
    expect(decidePermissionCheck('media', 'video', 'https://example.com')).toBe(false);
  });

  it('installs request, check and device handlers that apply the decision', () => {
    const session = {
      setPermissionRequestHandler: jest.fn(),
      setPermissionCheckHandler: jest.fn(),
      setDevicePermissionHandler: jest.fn(),
    };
    installPermissionHandlers(session as never);
    const request = session.setPermissionRequestHandler.mock.calls[0][0];
    const answers: boolean[] = [];
    request(null, 'media', (granted: boolean) => answers.push(granted), { mediaTypes: ['video'], requestingUrl: 'app://kiosk/index.html' });
    request(null, 'media', (granted: boolean) => answers.push(granted), { mediaTypes: ['video'], requestingUrl: 'https://evil.example/' });
    request(null, 'geolocation', (granted: boolean) => answers.push(granted), { requestingUrl: 'app://kiosk/index.html' });
    expect(answers).toEqual([true, false, false]);
    const check = session.setPermissionCheckHandler.mock.calls[0][0];
    expect(check(null, 'media', 'app://kiosk', { mediaType: 'video', requestingUrl: 'app://kiosk/index.html' })).toBe(true);
    expect(check(null, 'media', 'app://kiosk', { mediaType: 'audio', requestingUrl: 'app://kiosk/index.html' })).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0][0];
    expect(device({ deviceType: 'usb' })).toBe(false);
  });
});
