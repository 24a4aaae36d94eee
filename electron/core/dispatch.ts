import { contract, type KioskHandlers } from '../../shared/ipc/contract';
import { isKioskMethod } from '../../shared/ipc/methods';
import { fail, KioskError, ok, type Result } from '../../shared/result';

export interface DispatchLog {
  warn(message: string): void;
}

/**
 * What the page may show for the boundary's own refusals: staff's and patients' Chinese, as the
 * handlers' refusals are (test/main/handlerMessages.test.ts). The method, field and rule go to
 * the log, where IT reads them; on a zh-CN screen they would be Latin words nobody can act on.
 */
export const DISPATCH_MESSAGES = {
  unknownMethod: '终端不认识这项操作，请联系信息科。',
  invalid: '提交的内容不符合要求，没有办理。请重试；仍不行请联系信息科。',
  internal: '终端内部出错，没有办成。请重试；仍不行请联系信息科。',
} as const;

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
  if (!isKioskMethod(method)) {
    log.warn(`unknown method ${String(method).slice(0, 40)}`);
    return fail('UNKNOWN_METHOD', DISPATCH_MESSAGES.unknownMethod);
  }
  const parsed = contract[method].request.safeParse(payload ?? {});
  if (!parsed.success) {
    const where = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`)
      .join('; ');
    log.warn(`${method}: ${where}`);
    return fail('VALIDATION_FAILED', DISPATCH_MESSAGES.invalid);
  }
  try {
    const handler = handlers[method] as (request: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof KioskError) return fail(error.code, error.message, error.extra);
    // The detail goes to the log for staff; the screen gets a stable code only.
    log.warn(`${method} failed: ${error instanceof Error ? error.message : String(error)}`);
    return fail('INTERNAL', DISPATCH_MESSAGES.internal);
  }
}
