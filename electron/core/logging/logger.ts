import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { LOG_LEVELS, rendererLogEntrySchema, type LogLevel } from '../../../shared/logging/rendererLog';
import type { LogSink } from './rotatingFile';
import { redactFreeFields, redactFreeText, redactText, redactValues } from './redact';
import { censorPath, pathCovered, REDACT_PATHS } from './redactPaths';

export type LogSource = 'main' | 'renderer' | 'bridge';

/** One JSON line. `data` is nested so no field can overwrite the envelope. */
export interface LogEntry {
  time: string;
  level: LogLevel;
  source: LogSource;
  requestId?: string;
  msg: string;
  data?: unknown;
}

export interface Logger {
  /** Set on loggers made by `forRequest`: every line they write carries it. */
  readonly requestId: string | undefined;
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
  /** A logger for one request (an IPC call, a patient's visit): a new id unless one is given. */
  forRequest(requestId?: string): Logger;
  /**
   * A line the renderer sent through IPC, validated here because the page is not trusted to
   * send well-formed entries; false (and a warning of our own) when it is rejected.
   */
  fromRenderer(input: unknown): boolean;
}

export interface LoggerOptions {
  sink: Pick<LogSink, 'write'>;
  source?: LogSource;
  /** Lines below this level are dropped (debug is for a technician's session). */
  minLevel?: LogLevel;
  clock?: () => Date;
}

export const newRequestId = (): string => randomBytes(6).toString('hex');

/**
 * Structured JSON-lines logging for main and renderer on pino: named fields (names, ID numbers,
 * tokens, images, descriptors) are masked by pino's redaction paths, values of any name by
 * shape (`redactValues`), messages by `redactText`, and the page's free text also by
 * `redactFreeText`; so callers cannot leak a name, ID number, token or image by passing the
 * wrong field. Lines go to the sink synchronously: the last ones before a crash are on disk.
 */
export function createLogger(options: LoggerOptions): Logger {
  const clock = options.clock ?? (() => new Date());
  const min = LOG_LEVELS.indexOf(options.minLevel ?? 'info');
  const destination = { write: (chunk: string) => options.sink.write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) };
  const base = pino(
    {
      // Levels are filtered below (pino's own levels are the same names); pino writes what it is given.
      level: 'trace',
      base: undefined,
      messageKey: 'msg',
      timestamp: () => `,"time":"${clock().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }), log: (object) => redactValues(object, pathCovered) as Record<string, unknown> },
      redact: { paths: REDACT_PATHS, censor: censorPath },
    },
    destination,
  );
  const emit = (source: LogSource, level: LogLevel, msg: string, data: unknown, requestId: string | undefined) => {
    if (LOG_LEVELS.indexOf(level) < min) return;
    base[level]({ source, ...(requestId ? { requestId } : {}), ...(data !== undefined ? { data } : {}) }, redactText(msg));
  };

  const make = (requestId: string | undefined): Logger => {
    const at = (level: LogLevel) => (msg: string, data?: Record<string, unknown>) =>
      emit(options.source ?? 'main', level, msg, data, requestId);
    return {
      requestId,
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
      forRequest: (id) => make(id ?? newRequestId()),
      fromRenderer(input) {
        const parsed = rendererLogEntrySchema.safeParse(input);
        if (!parsed.success) {
          emit(options.source ?? 'main', 'warn', 'renderer log entry rejected', { issues: parsed.error.issues.length }, requestId);
          return false;
        }
        const entry = parsed.data;
        emit('renderer', entry.level, redactFreeText(entry.msg), entry.data === undefined ? undefined : redactFreeFields(entry.data), entry.requestId ?? requestId);
        return true;
      },
    };
  };
  return make(undefined);
}
