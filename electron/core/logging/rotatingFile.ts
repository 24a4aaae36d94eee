import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { platformDate } from '../../settlement/time';

export interface RotatingFileOptions {
  /** `app.getPath('logs')` in the app: ~/.config/FaceSettle/logs, %APPDATA%\FaceSettle\logs. */
  dir: string;
  /** Files are `<name>.log`, then `<name>.1.log` (newest old one) … */
  name?: string;
  /** A file is rotated before a line would take it past this size. */
  maxBytes?: number;
  /** Files kept, the current one included: months unattended stay within maxBytes × maxFiles. */
  maxFiles?: number;
  /** A new file starts with each day (China time), so a day's lines are found by file; default on. */
  daily?: boolean;
  clock?: () => Date;
}

export interface LogSink {
  write(line: string): void;
  close(): void;
}

/**
 * Append-only files rotated by size and by day. Writes are synchronous: a line is on disk before
 * the call returns, so the last lines before a crash survive, and the kiosk logs a few lines per
 * patient, not a stream. Files are readable by the kiosk account only. The total stays within
 * maxBytes × maxFiles across restarts, because the files are counted on disk, not per process.
 * (Why not pino-roll: build/INSTALL.md "Logs and data" has the measurements.)
 */
export class RotatingFile implements LogSink {
  readonly dir: string;
  private readonly name: string;
  private readonly maxBytes: number;
  private readonly maxFiles: number;
  private fd: number | null = null;
  private size = 0;
  /** The day the current file's lines belong to. */
  private day = '';
  private readonly daily: boolean;
  private readonly clock: () => Date;

  constructor(options: RotatingFileOptions) {
    this.dir = options.dir;
    this.name = options.name ?? 'facesettle';
    this.maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
    this.maxFiles = Math.max(1, options.maxFiles ?? 5);
    this.daily = options.daily ?? true;
    this.clock = options.clock ?? (() => new Date());
  }

  /** The current file, then older ones, as they exist on disk. */
  files(): string[] {
    const pattern = new RegExp(`^${this.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\.(\\d+))?\\.log$`);
    return readdirSync(this.dir)
      .map((file) => ({ file, match: pattern.exec(file) }))
      .filter((entry) => entry.match !== null)
      .sort((a, b) => Number(a.match![1] ?? 0) - Number(b.match![1] ?? 0))
      .map((entry) => path.join(this.dir, entry.file));
  }

  write(line: string): void {
    const bytes = Buffer.from(line.endsWith('\n') ? line : `${line}\n`, 'utf8');
    if (this.fd === null) this.open();
    const today = platformDate(this.clock());
    if (this.size > 0 && (this.size + bytes.length > this.maxBytes || (this.daily && today !== this.day))) {
      this.rotate();
    }
    this.day = today;
    writeSync(this.fd!, bytes);
    this.size += bytes.length;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private fileAt(index: number): string {
    return path.join(this.dir, index === 0 ? `${this.name}.log` : `${this.name}.${index}.log`);
  }

  private open(): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.fd = openSync(this.fileAt(0), 'a', 0o600);
    const stat = fstatSync(this.fd);
    this.size = stat.size;
    // A file left by an earlier run belongs to the day it was last written.
    this.day = platformDate(stat.size > 0 ? stat.mtime : this.clock());
  }

  private rotate(): void {
    this.close();
    rmSync(this.fileAt(this.maxFiles - 1), { force: true });
    for (let index = this.maxFiles - 2; index >= 0; index--) {
      try {
        renameSync(this.fileAt(index), this.fileAt(index + 1));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    this.open();
  }
}
