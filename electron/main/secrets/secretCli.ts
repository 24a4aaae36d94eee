import { metricsTokenProblem } from '../../core/metrics/prometheusConfig';
import { SECRET_KINDS, SecretStoreError, type SecretKind, type SecretStore } from './secretStore';

/**
 * `facesettle --set-platform-secret`: how IT stores the platform secret on a counter PC. It runs
 * inside the app because only the app, as the kiosk account, can encrypt with its safeStorage
 * key (and the runAsNode fuse is off, so there is no Node to script it with). The secret is
 * read from stdin, never from the command line, where `ps` and shell history would show it.
 */
export const SET_SECRET_FLAG = '--set-platform-secret';
export const CHECK_SECRET_FLAG = '--check-platform-secret';
/** The same for the value of the HIS's auth header (terminal configuration `his.authHeader`). */
export const SET_HIS_SECRET_FLAG = '--set-his-secret';
export const CHECK_HIS_SECRET_FLAG = '--check-his-secret';
/** The same for the staff-call webhook's signing secret (terminal configuration `staffCall.webhookUrl`). */
export const SET_STAFF_CALL_SECRET_FLAG = '--set-staff-call-secret';
export const CHECK_STAFF_CALL_SECRET_FLAG = '--check-staff-call-secret';
/** The same for the health server's bearer token (README "Monitoring"), kept for `terminal.id`. */
export const SET_METRICS_TOKEN_FLAG = '--set-metrics-token';
export const CHECK_METRICS_TOKEN_FLAG = '--check-metrics-token';

export type SecretCommand = 'set' | 'check';

export function secretCommand(argv: readonly string[]): SecretCommand | null {
  if ([SET_SECRET_FLAG, SET_HIS_SECRET_FLAG, SET_STAFF_CALL_SECRET_FLAG, SET_METRICS_TOKEN_FLAG].some((flag) => argv.includes(flag))) return 'set';
  if ([CHECK_SECRET_FLAG, CHECK_HIS_SECRET_FLAG, CHECK_STAFF_CALL_SECRET_FLAG, CHECK_METRICS_TOKEN_FLAG].some((flag) => argv.includes(flag))) return 'check';
  return null;
}

/** Which secret the command is about. */
export function secretKindOf(argv: readonly string[]): SecretKind {
  if (argv.includes(SET_STAFF_CALL_SECRET_FLAG) || argv.includes(CHECK_STAFF_CALL_SECRET_FLAG)) return 'staff-call';
  if (argv.includes(SET_METRICS_TOKEN_FLAG) || argv.includes(CHECK_METRICS_TOKEN_FLAG)) return 'metrics';
  return argv.includes(SET_HIS_SECRET_FLAG) || argv.includes(CHECK_HIS_SECRET_FLAG) ? 'his' : 'platform';
}

export interface SecretInput {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  removeAllListeners(): unknown;
  pause(): unknown;
}

/**
 * The secret from a terminal (typed without echo, ended by Enter) or from a pipe or file
 * (`facesettle --set-platform-secret < secret.txt`), without its trailing newline.
 */
export function readSecret(input: SecretInput, prompt: (text: string) => void, what = 'platform secret'): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (error?: Error) => {
      input.removeAllListeners();
      if (input.isTTY) input.setRawMode?.(false);
      input.pause();
      if (error) reject(error);
      else resolve(text.replace(/\r?\n$/, ''));
    };
    input.setEncoding('utf8');
    if (input.isTTY) {
      prompt(`${what} (not shown): `);
      input.setRawMode?.(true);
      input.on('data', (chunk) => {
        for (const char of chunk) {
          if (char === '\u0003') return done(new Error('cancelled'));
          if (char === '\r' || char === '\n') return done();
          if (char === '\u007f' || char === '\b') text = text.slice(0, -1);
          else text += char;
        }
      });
    } else {
      input.on('data', (chunk) => (text += chunk));
    }
    input.on('end', () => done());
  });
}

export interface SecretCommandDeps {
  store: SecretStore;
  /** The configuration's paasId (or, for the HIS key, its header name): the secret is stored for it and checked against it. */
  paasId: string;
  /** The platform secret unless given. */
  kind?: SecretKind;
  input: SecretInput;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs the command and returns the process exit status. */
export async function runSecretCommand(command: SecretCommand, deps: SecretCommandDeps): Promise<number> {
  const { what, idName } = SECRET_KINDS[deps.kind ?? 'platform'];
  try {
    if (command === 'check') {
      await deps.store.load(deps.paasId);
      deps.out(`the ${what} for ${idName} "${deps.paasId}" is set and readable (${deps.store.file})`);
      return 0;
    }
    const secret = (await readSecret(deps.input, (text) => deps.out(text), what)).trim();
    if (!secret) {
      deps.err('no secret given: nothing changed');
      return 2;
    }
    // Refused here, not only at the next start: a kiosk that will not start is found too late.
    const unfit = deps.kind === 'metrics' ? metricsTokenProblem(secret) : undefined;
    if (unfit) {
      deps.err(`${unfit}: nothing changed`);
      return 2;
    }
    await deps.store.save({ paasId: deps.paasId, secret });
    deps.out(`${what} for ${idName} "${deps.paasId}" saved, encrypted, to ${deps.store.file}`);
    return 0;
  } catch (error) {
    // Only our own messages are shown whole: they are written never to contain the secret.
    const known = error instanceof SecretStoreError || (error instanceof Error && error.message === 'cancelled');
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    deps.err(known ? (error as Error).message : `could not store the secret (${code ?? (error instanceof Error ? error.name : 'error')})`);
    return 1;
  }
}
