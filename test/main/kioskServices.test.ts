import { app, powerSaveBlocker } from 'electron';
import { DisplaySleepBlocker } from '../../electron/main/kiosk/displaySleep';
import { enforceSingleInstance } from '../../electron/main/kiosk/singleInstance';

describe('display sleep', () => {
  it('blocks display sleep once and releases it', () => {
    const blocker = new DisplaySleepBlocker(powerSaveBlocker);
    blocker.enable();
    blocker.enable();
    expect(powerSaveBlocker.start).toHaveBeenCalledTimes(1);
    expect(powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    expect(blocker.active).toBe(true);
    blocker.disable();
    expect(blocker.active).toBe(false);
    expect(powerSaveBlocker.stop).toHaveBeenCalledTimes(1);
  });
});

describe('single instance', () => {
  afterEach(() => jest.clearAllMocks());

  it('quits a second instance', () => {
    (app.requestSingleInstanceLock as jest.Mock).mockReturnValueOnce(false);
    expect(enforceSingleInstance(app, jest.fn())).toBe(false);
    expect(app.quit).toHaveBeenCalled();
  });

  it('focuses the running window when a second start happens', () => {
    const focus = jest.fn();
    expect(enforceSingleInstance(app, focus)).toBe(true);
    app.emit('second-instance');
    expect(focus).toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
  });
});
