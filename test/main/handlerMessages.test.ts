import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { dispatch } from '../../electron/core/dispatch';
import { pendingHandlers } from '../../electron/core/pendingHandlers';
import type { KioskCore } from '../../electron/core/startCore';
import { startKiosk } from '../../electron/launcher/kiosk';
import { DEMO_PERSONS } from '../../sandbox/seed/demoPersons';
import { stubHandlers } from './support/stubHandlers';

/**
 * The page shows a failure's message as main words it in places (admin errors, locked PINs, the
 * staff desk), so what main's handlers refuse with is staff's and patients' Chinese: no Latin
 * word, codes and digits aside (issue 13: "No Latin words on zh-CN screens").
 */
const LATIN_WORD = /[A-Za-z]{2,}/;
const HANDLERS = path.resolve(__dirname, '../../electron/core/handlers');
/** Main's refusals outside handlers/ that reach the page: the dispatcher's own, and the answer of a kiosk that did not start. */
const BOUNDARY = ['dispatch.ts', 'pendingHandlers.ts'].map((file) => path.resolve(__dirname, '../../electron/core', file));
const CHINESE = /[\u4e00-\u9fff]/;

interface Written {
  where: string;
  text: string;
}

/** The text pieces of every message given to `new KioskError(code, message, …)` or `fail(code, message, …)`. */
function writtenMessages(file: string): Written[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Written[] = [];
  const pieces = (node: ts.Node, where: string) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push({ where, text: node.text });
    else if (ts.isTemplateExpression(node)) {
      found.push({ where, text: node.head.text });
      for (const span of node.templateSpans) found.push({ where, text: span.literal.text });
    }
    // A message built from a condition or a helper's call: look into both arms, but not into a helper's arguments.
    if (ts.isConditionalExpression(node)) [node.whenTrue, node.whenFalse].forEach((arm) => pieces(arm, where));
    if (ts.isParenthesizedExpression(node) || ts.isBinaryExpression(node)) node.forEachChild((child) => pieces(child, where));
  };
  const visit = (node: ts.Node) => {
    const callee = ts.isNewExpression(node) || ts.isCallExpression(node) ? node.expression.getText(source) : undefined;
    if ((callee === 'KioskError' && ts.isNewExpression(node)) || (callee === 'fail' && ts.isCallExpression(node))) {
      const message = node.arguments?.[1];
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      if (message) pieces(message, `${path.basename(file)}:${line + 1}`);
    }
    node.forEachChild(visit);
  };
  visit(source);
  return found;
}

describe('the messages main’s handlers refuse with', () => {
  it('are written in Chinese in every handler file', () => {
    const files = readdirSync(HANDLERS).filter((f) => f.endsWith('.ts')).map((f) => path.join(HANDLERS, f));
    const written = files.flatMap(writtenMessages);
    // The scan found the handlers' refusals (admin's alone has five), so a parse that finds nothing cannot pass.
    expect(written.filter((w) => w.where.startsWith('admin.ts')).length).toBeGreaterThanOrEqual(5);
    const latin = written.filter((w) => LATIN_WORD.test(w.text)).map((w) => `${w.where}: ${w.text}`);
    expect(latin).toEqual([]);
  });
});

describe('the boundary’s own refusals, outside handlers/', () => {
  it('write no Latin word into a refusal', () => {
    const latin = BOUNDARY.flatMap(writtenMessages).filter((w) => LATIN_WORD.test(w.text)).map((w) => `${w.where}: ${w.text}`);
    expect(latin).toEqual([]);
  });

  it('reach the page in Chinese, and leave the method, field, rule and cause to the log', async () => {
    const logged: string[] = [];
    const log = { warn: (line: string) => logged.push(line) };
    const handlers = stubHandlers({
      getHealth: async () => {
        throw new Error('socket hang up');
      },
    });
    const pending = pendingHandlers();
    pending.failed(new Error('terminal configuration /etc/facesettle/terminal.json is not valid:\n  - terminal.mode'));
    const answers = {
      unknownMethod: await dispatch(handlers, 'deleteEverything', {}, log),
      invalid: await dispatch(handlers, 'callStaff', { reason: 'free money', screen: 'home' }, log),
      internal: await dispatch(handlers, 'getHealth', {}, log),
      notStarted: await dispatch(pending.handlers, 'getAppInfo', {}, log),
    };
    expect(Object.values(answers).map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['UNKNOWN_METHOD', 'VALIDATION_FAILED', 'INTERNAL', 'NOT_AVAILABLE']);
    const messages = Object.entries(answers).map(([name, a]) => [name, a.ok ? '' : a.error.message] as const);
    expect(messages.filter(([, m]) => LATIN_WORD.test(m) || !CHINESE.test(m))).toEqual([]);
    // The kiosk that did not start sends staff for help; the configuration's problem is not on the page.
    expect(answers.notStarted).toMatchObject({ ok: false, error: { next: 'call-staff' } });
    expect(logged).toEqual([
      expect.stringContaining('deleteEverything'),
      expect.stringMatching(/^callStaff: reason: /),
      expect.stringContaining('socket hang up'),
    ]);
  });
});

describe('refusals as the page receives them, over the real core', () => {
  let core: KioskCore;
  const call = (method: string, payload: unknown) =>
    dispatch(core.handlers, method, payload, { warn: () => undefined }) as Promise<{ ok: boolean; error?: { code: string; message: string } }>;
  beforeAll(async () => {
    core = await startKiosk({
      configFile: undefined,
      configRequired: false,
      platformUrlOverride: undefined,
      healthPort: 0,
      dataDir: mkdtempSync(path.join(tmpdir(), 'facesettle-messages-')),
      shell: 'browser-bridge',
      version: 'test',
      raiseStaffCall: () => undefined,
      log: () => undefined,
    });
  }, 120_000);
  afterAll(() => core?.close());

  it('says each refusal in Chinese: admin PIN, expired admin session, operator sign-in, staff desk, a typed ID number', async () => {
    const refused: Record<string, { code: string; message: string }> = {};
    const expectRefused = async (name: string, method: string, payload: unknown) => {
      const answer = await call(method, payload);
      expect(answer.ok).toBe(false);
      refused[name] = answer.error!;
    };
    await expectRefused('wrong admin PIN', 'adminUnlock', { pin: '000000' });
    const unlocked = (await call('adminUnlock', { pin: '135790' })) as unknown as { ok: true; value: { adminToken: string } };
    expect(unlocked.ok).toBe(true);
    const { adminToken } = unlocked.value;
    await expectRefused('expired admin session', 'getDiagnostics', { adminToken: 'not-a-real-token' });
    await expectRefused('operator sign-in', 'signInOperator', { adminToken, operatorId: 'OP001', pin: '000000' });
    await expectRefused('lookup, nobody signed in', 'findTodaySettlements', { pin: '246810' });
    expect(await call('signInOperator', { adminToken, operatorId: 'OP001', pin: '246810' })).toMatchObject({ ok: true });
    await expectRefused('lookup, wrong PIN', 'findTodaySettlements', { pin: '000000' });
    await expectRefused('typed ID number, wrong PIN', 'identifyByIdNumber', { certno: DEMO_PERSONS[0]!.certno, operatorId: 'OP001', pin: '0000' });

    expect(Object.values(refused).map((e) => e.code)).toEqual(Array(6).fill('NOT_AUTHORISED'));
    const latin = Object.entries(refused).filter(([, e]) => LATIN_WORD.test(e.message) || e.message.trim() === '');
    expect(latin).toEqual([]);
    // The sign-in refusal says what did not happen, not only that something was wrong.
    expect(refused['operator sign-in']!.message).toContain('未签到');
    expect(refused['lookup, nobody signed in']!.message).not.toBe(refused['lookup, wrong PIN']!.message);
  }, 60_000);
});
