import { decideRecovery, DEFAULT_RECOVERY_POLICY, watchRenderer } from '../../electron/main/kiosk/crashRecovery';

const policy = { ...DEFAULT_RECOVERY_POLICY, baseDelayMs: 100, maxDelayMs: 1000, relaunchAfter: 4, windowMs: 60_000, hangGraceMs: 5000 };

describe('crash recovery policy', () => {
  it('reloads with doubling back-off, capped', () => {
    expect(decideRecovery([0], 0, policy)).toEqual({ action: 'reload', delayMs: 100 });
    expect(decideRecovery([0, 1], 1, policy)).toEqual({ action: 'reload', delayMs: 200 });
    expect(decideRecovery([0, 1, 2], 2, policy)).toEqual({ action: 'reload', delayMs: 400 });
    expect(decideRecovery([0, 1, 2], 2, { ...policy, maxDelayMs: 300 })).toEqual({ action: 'reload', delayMs: 300 });
  });

  it('relaunches after repeated failures in the window, and forgets old ones', () => {
    expect(decideRecovery([0, 1, 2, 3], 3, policy)).toEqual({ action: 'relaunch' });
    expect(decideRecovery([0, 1, 2, 70_000], 70_000, policy)).toEqual({ action: 'reload', delayMs: 100 });
  });
});

describe('renderer watcher', () => {
  function harness() {
    let now = 0;
    const timers: Array<{ fn: () => void; at: number; id: number }> = [];
    let nextId = 1;
    const listeners: Record<string, (arg?: string) => void> = {};
    const target = {
      onRendererGone: (l: (reason: string) => void) => (listeners.gone = l as never),
      onUnresponsive: (l: () => void) => (listeners.unresponsive = l),
      onResponsive: (l: () => void) => (listeners.responsive = l),
      reload: jest.fn(),
      relaunch: jest.fn(),
    };
    const deps = {
      now: () => now,
      setTimer: (fn: () => void, ms: number) => {
        const id = nextId++;
        timers.push({ fn, at: now + ms, id });
        return id;
      },
      clearTimer: (id: unknown) => {
        const i = timers.findIndex((t) => t.id === id);
        if (i >= 0) timers.splice(i, 1);
      },
      log: jest.fn(),
      policy,
    };
    watchRenderer(target, deps);
    const advance = (ms: number) => {
      now += ms;
      for (const t of [...timers].sort((a, b) => a.at - b.at)) {
        if (t.at <= now) {
          timers.splice(timers.indexOf(t), 1);
          t.fn();
        }
      }
    };
    return { target, listeners, advance };
  }

  it('reloads a crashed renderer after the back-off delay', () => {
    const { target, listeners, advance } = harness();
    listeners.gone!('crashed');
    advance(50);
    expect(target.reload).not.toHaveBeenCalled();
    advance(60);
    expect(target.reload).toHaveBeenCalledTimes(1);
  });

  it('ignores a clean exit', () => {
    const { target, listeners, advance } = harness();
    listeners.gone!('clean-exit');
    advance(10_000);
    expect(target.reload).not.toHaveBeenCalled();
  });

  it('relaunches the app after repeated crashes', () => {
    const { target, listeners, advance } = harness();
    for (let i = 0; i < 3; i += 1) {
      listeners.gone!('oom');
      advance(2000);
    }
    expect(target.reload).toHaveBeenCalledTimes(3);
    listeners.gone!('crashed');
    expect(target.relaunch).toHaveBeenCalledTimes(1);
  });

  it('reloads a renderer that stays hung, but not one that recovers', () => {
    const { target, listeners, advance } = harness();
    listeners.unresponsive!();
    advance(3000);
    listeners.responsive!();
    advance(10_000);
    expect(target.reload).not.toHaveBeenCalled();
    listeners.unresponsive!();
    advance(5000);
    advance(200);
    expect(target.reload).toHaveBeenCalledTimes(1);
  });
});
