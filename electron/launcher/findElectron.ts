import { spawnSync } from 'node:child_process';

export type ElectronLookup = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Asks the electron package for its binary in a child process: from Electron 42 on, the
 * package downloads the binary the first time it is required, and a failed download throws.
 * Isolating it keeps that failure (no network, blocked host) a plain answer.
 */
export function findElectronBinary(projectRoot: string, nodePath = process.execPath, timeoutMs = 180_000): ElectronLookup {
  const child = spawnSync(nodePath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  if (child.status === 0 && child.stdout.trim()) return { ok: true, path: child.stdout.trim() };
  const lines = `${child.stderr ?? ''}`.split('\n').map((l) => l.trim()).filter(Boolean);
  const reason = child.error?.message ?? lines.find((l) => /Error/.test(l)) ?? lines.at(-1) ?? `exit ${child.status}`;
  return { ok: false, reason: reason.slice(0, 160) };
}
