/**
 * `npx tsx test/tools/benchLogRotation.ts`: the kiosk's RotatingFile against pino-roll, on what
 * a counter PC needs of its log files: the last lines before a crash on disk, a bounded total
 * over months of restarts, and enough speed. The figures are in build/INSTALL.md "Logs and data".
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RotatingFile } from '../../electron/core/logging/rotatingFile';

type Kind = 'rotatingFile' | 'pinoRollSync' | 'pinoRollAsync';
/** A kiosk writes a few lines per event, then its event loop turns: so do the loops here. */
const turn = () => new Promise((resolve) => setImmediate(resolve));
const LINE = JSON.stringify({ time: new Date().toISOString(), level: 'info', source: 'main', requestId: 'a1b2c3d4e5f6', msg: 'api', data: { method: 'confirmSettlement', ms: 33, outcome: 'ok' } });

async function open(kind: Kind, dir: string, maxBytes: number): Promise<{ write(line: string): void; close(): Promise<void> }> {
  if (kind === 'rotatingFile') {
    const file = new RotatingFile({ dir, maxBytes, maxFiles: 5 });
    return { write: (line) => file.write(line), close: async () => file.close() };
  }
  const roll = (await import('pino-roll')).default as (options: Record<string, unknown>) => Promise<NodeJS.WritableStream & { end(): void; flushSync?(): void }>;
  const stream = await roll({ file: path.join(dir, 'facesettle'), size: `${Math.round(maxBytes / 1024)}k`, frequency: 'daily', mkdir: true, limit: { count: 4, removeOtherLogFiles: true }, sync: kind === 'pinoRollSync', mode: 0o600 });
  return { write: (line) => void stream.write(`${line}\n`), close: () => new Promise((resolve) => (stream.on('close', () => resolve()), stream.end())) };
}

const onDisk = (dir: string) => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.log'));
  return { files: files.length, bytes: files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0), lines: files.reduce((sum, f) => sum + readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).length, 0) };
};

/** In a child: write `lines` lines, then die by SIGKILL without closing anything. */
async function child(kind: Kind, dir: string, lines: number): Promise<void> {
  const sink = await open(kind, dir, 1024 * 1024);
  for (let i = 0; i < lines; i++) {
    sink.write(LINE);
    if (i % 10 === 9) await turn();
  }
  process.kill(process.pid, 'SIGKILL');
}

async function main(): Promise<void> {
  const [, , mode, kind, dir, lines] = process.argv;
  if (mode === 'child') return child(kind as Kind, dir!, Number(lines));
  const kinds: Kind[] = ['rotatingFile', 'pinoRollSync', 'pinoRollAsync'];
  for (const k of kinds) {
    const dir = mkdtempSync(path.join(tmpdir(), `bench-${k}-`));
    const sink = await open(k, dir, 1024 * 1024);
    const n = 50_000;
    const started = performance.now();
    for (let i = 0; i < n; i++) {
      sink.write(LINE);
      if (i % 10 === 9) await turn();
    }
    await sink.close();
    const ms = performance.now() - started;
    console.log(`${k}: ${Math.round(n / (ms / 1000))} lines/s (${(ms / n * 1000).toFixed(1)} µs a line), ${JSON.stringify(onDisk(dir))}`);

    const crashDir = mkdtempSync(path.join(tmpdir(), `crash-${k}-`));
    try {
      execFileSync(process.execPath, [...process.execArgv, __filename, 'child', k, crashDir, '2000'], { stdio: 'ignore' });
    } catch {
      // SIGKILL is the point.
    }
    console.log(`${k}: killed right after writing 2000 lines, ${onDisk(crashDir).lines} on disk`);

    const restartDir = mkdtempSync(path.join(tmpdir(), `restart-${k}-`));
    for (let run = 0; run < 12; run++) {
      const s = await open(k, restartDir, 16 * 1024);
      for (let i = 0; i < 300; i++) {
        s.write(LINE);
        if (i % 10 === 9) await turn();
      }
      await s.close();
    }
    const kept = onDisk(restartDir);
    console.log(`${k}: 12 restarts writing 300 lines each (limit 5 files of 16 KiB): ${kept.files} files, ${kept.bytes} bytes`);
  }
}

void main();
