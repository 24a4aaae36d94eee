import { randomBytes } from 'node:crypto';
import { LOG_LEVELS, rendererLogEntrySchema, type LogLevel } from '../../../shared/logging/rendererLog';
import type { LogSink } from './rotatingFile';
import { redact, redactText } from './redact';

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
 * Structured JSON-lines logging for main and renderer: every line goes through `redact`, so
 * callers cannot leak a name, ID number, token or image by passing the wrong field.
 */
export function createLogger(options: LoggerOptions): Logger {
  const clock = options.clock ?? (() => new Date());
  const min = LOG_LEVELS.indexOf(options.minLevel ?? 'info');
  const emit = (source: LogSource, level: LogLevel, msg: string, data: unknown, requestId: string | undefined) => {
    if (LOG_LEVELS.indexOf(level) < min) return;
    const entry: LogEntry = {
      time: clock().toISOString(),
      level,
      source,
      ...(requestId ? { requestId } : {}),
      msg: redactText(msg),
      ...(data !== undefined ? { data: redact(data) } : {}),
    };
    options.sink.write(JSON.stringify(entry));
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
        emit('renderer', entry.level, entry.msg, entry.data, entry.requestId ?? requestId);
        return true;
      },
    };
  };
  return make(undefined);
}
