export interface RecoveryPolicy {
  /** First reload waits this long; each further crash in the window doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Crashes older than this are forgotten. */
  windowMs: number;
  /** This many crashes within the window: relaunch the whole app instead of reloading. */
  relaunchAfter: number;
  /** A renderer unresponsive for this long is treated as crashed. */
  hangGraceMs: number;
}

export const DEFAULT_RECOVERY_POLICY: RecoveryPolicy = {
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  windowMs: 10 * 60_000,
  relaunchAfter: 5,
  hangGraceMs: 10_000,
};

export type RecoveryAction = { action: 'reload'; delayMs: number } | { action: 'relaunch' };

/** Pure: given the recent crash times (including this one), what to do now. */
export function decideRecovery(crashTimes: readonly number[], now: number, policy: RecoveryPolicy): RecoveryAction {
  const recent = crashTimes.filter((t) => now - t <= policy.windowMs).length;
  if (recent >= policy.relaunchAfter) return { action: 'relaunch' };
  const delayMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, recent - 1));
  return { action: 'reload', delayMs };
}

/** The parts of webContents and app the recovery drives; injected so it is tested without Electron. */
export interface RecoveryTarget {
  onRendererGone(listener: (reason: string) => void): void;
  onUnresponsive(listener: () => void): void;
  onResponsive(listener: () => void): void;
  reload(): void;
  relaunch(): void;
}

export interface RecoveryDeps {
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  log: (line: string) => void;
  policy?: RecoveryPolicy;
}

/**
 * A kiosk has no one to click "reload": a crashed or hung renderer is reloaded with back-off,
 * and repeated failures relaunch the app (the OS supervisor restarts it if that fails too).
 */
export function watchRenderer(target: RecoveryTarget, deps: RecoveryDeps): void {
  const policy = deps.policy ?? DEFAULT_RECOVERY_POLICY;
  let crashes: number[] = [];
  let pending: unknown = null;
  let hangTimer: unknown = null;

  const recover = (why: string) => {
    if (pending !== null) return; // one recovery at a time
    const now = deps.now();
    crashes = [...crashes.filter((t) => now - t <= policy.windowMs), now];
    const decision = decideRecovery(crashes, now, policy);
    deps.log(`renderer ${why}: ${decision.action}${decision.action === 'reload' ? ` in ${decision.delayMs} ms` : ''}`);
    if (decision.action === 'relaunch') {
      target.relaunch();
      return;
    }
    pending = deps.setTimer(() => {
      pending = null;
      target.reload();
    }, decision.delayMs);
  };

  target.onRendererGone((reason) => {
    if (reason === 'clean-exit') return;
    recover(`gone (${reason})`);
  });
  target.onUnresponsive(() => {
    if (hangTimer !== null) return;
    hangTimer = deps.setTimer(() => {
      hangTimer = null;
      recover('unresponsive');
    }, policy.hangGraceMs);
  });
  target.onResponsive(() => {
    if (hangTimer === null) return;
    deps.clearTimer(hangTimer);
    hangTimer = null;
  });
}
