import { contract, type KioskHandlers } from '../../shared/ipc/contract';
import { isKioskMethod } from '../../shared/ipc/methods';
import { fail, KioskError, ok, type Result } from '../../shared/result';

export interface DispatchLog {
  warn(message: string): void;
}

/**
 * The one path every renderer call takes, in Electron and in the browser bridge alike:
 * validate the payload, run the handler, and answer with a Result. Nothing thrown escapes,
 * so a bad payload or a bug becomes an error code on the screen, never a crashed process.
 */
export async function dispatch(
  handlers: KioskHandlers,
  method: unknown,
  payload: unknown,
  log: DispatchLog = console,
): Promise<Result<unknown>> {
  if (!isKioskMethod(method)) return fail('UNKNOWN_METHOD', `unknown method ${String(method).slice(0, 40)}`);
  const parsed = contract[method].request.safeParse(payload ?? {});
  if (!parsed.success) {
    const where = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`)
      .join('; ');
    return fail('VALIDATION_FAILED', `${method}: ${where}`);
  }
  try {
    const handler = handlers[method] as (request: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof KioskError) return fail(error.code, error.message, error.extra);
    // The detail goes to the log for staff; the screen gets a stable code only.
    log.warn(`${method} failed: ${error instanceof Error ? error.message : String(error)}`);
    return fail('INTERNAL', 'internal error');
  }
}
