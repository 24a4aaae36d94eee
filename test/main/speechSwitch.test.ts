import * as electron from 'electron';
import { bootstrap } from '../../electron/main/bootstrap';

/**
 * speechSynthesis has no voices in Chromium on Linux unless speech-dispatcher is asked for
 * (Electron issue #22844): the main process appends the switch there, before `ready`, where
 * switches still count; on Windows and macOS it has no business on the command line.
 */
const appendSwitch = (electron.app.commandLine as unknown as { appendSwitch: jest.Mock }).appendSwitch;
const whenReady = electron.app.whenReady as jest.Mock;

beforeEach(() => {
  jest.clearAllMocks();
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});

// Nothing is started for `embedded` here, so each start stops after the switches, before a core exists.
const start = (platform: NodeJS.Platform) => bootstrap(electron, { FACESETTLE_HEALTH_PORT: 'off' }, 'p', { platform });

it('asks Chromium for speech-dispatcher on Linux, before ready', async () => {
  const started = start('linux');
  expect(appendSwitch.mock.calls).toEqual([['enable-speech-dispatcher']]);
  expect(appendSwitch.mock.invocationCallOrder[0]).toBeLessThan(whenReady.mock.invocationCallOrder[0]!);
  await expect(started).rejects.toThrow(/embedded/);
});

it('adds no switch on Windows or macOS', async () => {
  for (const platform of ['win32', 'darwin'] as const) await expect(start(platform)).rejects.toThrow(/embedded/);
  expect(appendSwitch).not.toHaveBeenCalled();
});
