import { createDecipheriv } from 'node:crypto';
import { charLength, fenOf, isCompactDateTime, typeProblem, type AmountSetting } from './checkValues';
import { ENVELOPE, MEDINS_SETL_ID_CITE, MONEY_IDENTITIES, MSGID, TRANSACTIONS } from './nhsaFields';
import type { CheckResult, Condition, FieldRule, Finding, NodeRule } from './nhsaTypes';

/**
 * Checks one request envelope, as it went on the wire, against the spec's table (nhsaFields.ts),
 * and a settlement answer against the money identities. Independent of the kiosk's code: a
 * sealed input (oauth-sm, §1.3 pattern 3) is opened with Node's own OpenSSL SM4.
 */
export interface CheckOptions {
  /** The region's amount setting: money must then be sent as that JSON type. */
  amounts?: AmountSetting;
  /** The SM4 key of a sealed input/output (§1.3: the client id's bytes). */
  sm4Key?: Buffer;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const present = (v: unknown) => v !== undefined && v !== null;
const empty = (v: unknown) => !present(v) || (typeof v === 'string' && v.trim() === '');

/** SM4-ECB, PKCS#7 (§1.3 pattern 3), with OpenSSL. */
export function openSealed(base64: string, key: Buffer): unknown {
  const decipher = createDecipheriv('sm4-ecb', key, null);
  return JSON.parse(Buffer.concat([decipher.update(Buffer.from(base64, 'base64')), decipher.final()]).toString('utf8'));
}

/** Does the payload name this member anywhere, with a value? */
function hasMember(value: unknown, name: string): boolean {
  if (Array.isArray(value)) return value.some((v) => hasMember(v, name));
  if (!isObject(value)) return false;
  return Object.entries(value).some(([k, v]) => (k === name && !empty(v)) || hasMember(v, name));
}

interface Scope {
  infno: string;
  input: unknown;
  node: Json;
}

function holds(condition: Condition, scope: Scope): boolean {
  switch (condition.kind) {
    case 'input-has':
      return hasMember(scope.input, condition.field);
    case 'infno-not':
      return !condition.infnos.includes(scope.infno);
    case 'sibling-equals':
      return scope.node[condition.field] === condition.value;
  }
}

class Findings {
  readonly errors: Finding[] = [];
  readonly warnings: Finding[] = [];
  error(path: string, rule: Finding['rule'], message: string, cite: string) {
    this.errors.push({ path, rule, message, cite });
  }
  warn(path: string, message: string, cite: string) {
    this.warnings.push({ path, rule: 'unknown-field', message, cite });
  }
}

function checkField(out: Findings, path: string, value: unknown, rule: FieldRule, scope: Scope, amounts: AmountSetting): void {
  const required = rule.req === 'Y' || (rule.req === 'C' && rule.when !== undefined && holds(rule.when, scope));
  if (required && !present(value)) return out.error(path, 'missing', 'required member not sent', rule.cite);
  if (required && empty(value)) return out.error(path, 'empty', 'required member sent empty', rule.cite);
  if (rule.req === 'C' && rule.emptyOtherwise && !required && !empty(value)) return out.error(path, 'value', `must be empty here, is ${JSON.stringify(value)}`, rule.cite);
  if (empty(value)) return;
  if (typeof value === 'object') return out.error(path, 'shape', 'a field must be a string or a number, not a node', rule.cite);
  const problem = typeProblem(value, rule.type, amounts);
  if (problem) return out.error(path, problem.rule, problem.message, rule.cite);
  if (rule.values && !rule.values.includes(String(value))) out.error(path, 'value', `${JSON.stringify(value)} is not one of ${rule.values.join(', ')}`, rule.cite);
}

function checkMembers(out: Findings, path: string, obj: Json, node: NodeRule, scope: Omit<Scope, 'node'>, amounts: AmountSetting): void {
  for (const [name, rule] of Object.entries(node.fields)) checkField(out, `${path}.${name}`, obj[name], rule, { ...scope, node: obj }, amounts);
  for (const [name, value] of Object.entries(obj)) {
    if (node.fields[name]) continue;
    if (value !== null && typeof value === 'object') out.error(`${path}.${name}`, 'unknown-node', 'a node the spec does not list here', node.cite);
    else if (node.prefixes?.some((p) => name.startsWith(p))) {
      if (!empty(value) && typeof value !== 'string') out.error(`${path}.${name}`, 'type', 'char must be a JSON string', node.cite);
    } else out.warn(`${path}.${name}`, 'a member the spec does not list in this node', node.cite);
  }
}

function checkMsgid(out: Findings, envelope: Json): void {
  const msgid = envelope.msgid;
  if (typeof msgid !== 'string' || msgid === '') return; // reported as missing/type by the envelope rule
  const m = MSGID.pattern.exec(msgid);
  if (!m) return out.error('msgid', 'msgid', `${JSON.stringify(msgid)} is not 12 characters + 14 digits + 4 digits`, MSGID.cite);
  if (m[1] !== envelope.fixmedins_code) out.error('msgid', 'msgid', `starts with ${m[1]}, not the envelope's fixmedins_code ${String(envelope.fixmedins_code)}`, MSGID.cite);
  if (!isCompactDateTime(m[2]!)) out.error('msgid', 'msgid', `${m[2]} is not a real yyyyMMddHHmmss`, MSGID.cite);
}

/** The input in clear: an object, or a sealed (SM4) string opened with the key. */
function openInput(out: Findings, envelope: Json, options: CheckOptions): unknown {
  const input = envelope.input;
  if (envelope.enc_type !== 'SM4') return input;
  const cite = '§1.3 pattern 3 (input = Base64(SM4-ECB), cainfo = SM2 signature, signtype SM2)';
  if (envelope.signtype !== 'SM2') out.error('signtype', 'seal', `a sealed input is signed SM2, not ${JSON.stringify(envelope.signtype)}`, cite);
  if (empty(envelope.cainfo)) out.error('cainfo', 'seal', 'a sealed input carries its SM2 signature', cite);
  if (typeof input !== 'string') return out.error('input', 'seal', 'enc_type SM4 but input is not a string', cite);
  if (!options.sm4Key) return out.error('input', 'seal', 'sealed input and no SM4 key to open it', cite);
  try {
    return openSealed(input, options.sm4Key);
  } catch (error) {
    return out.error('input', 'seal', `does not open: ${error instanceof Error ? error.message : String(error)}`, cite);
  }
}

/** One request envelope against the table. */
export function checkRequest(envelope: unknown, options: CheckOptions = {}): CheckResult {
  const out = new Findings();
  const result = (infno = '', msgid = ''): CheckResult => ({ infno, msgid, errors: out.errors, warnings: out.warnings });
  if (!isObject(envelope)) {
    out.error('', 'shape', 'the envelope must be a JSON object', '§1');
    return result();
  }
  const infno = typeof envelope.infno === 'string' ? envelope.infno : String(envelope.infno ?? '');
  const input = openInput(out, envelope, options);
  const { input: _sealed, ...plain } = envelope;
  const scope = { infno, input };
  for (const [name, rule] of Object.entries(ENVELOPE)) {
    if (name === 'input') continue;
    checkField(out, name, plain[name], rule, { ...scope, node: plain }, options.amounts);
  }
  for (const name of Object.keys(plain)) if (!ENVELOPE[name]) out.error(name, 'unknown-node', 'not a member of the request envelope', '§1.1');
  checkMsgid(out, envelope);

  if (!present(envelope.input)) out.error('input', 'missing', 'required member not sent', ENVELOPE.input!.cite);
  const text = typeof envelope.input === 'string' ? envelope.input : JSON.stringify(envelope.input ?? null);
  if (charLength(text) > 40000) out.error('input', 'length', `${charLength(text)} characters, at most 40000`, ENVELOPE.input!.cite);
  const transaction = TRANSACTIONS[infno];
  if (!transaction) out.error('infno', 'unknown-node', `transaction ${infno} is not in the table`, '§2');
  if (!transaction || !present(input)) return result(infno, String(envelope.msgid ?? ''));
  if (!isObject(input)) {
    out.error('input', 'shape', 'input must be an object of nodes', ENVELOPE.input!.cite);
    return result(infno, String(envelope.msgid));
  }

  for (const [name, node] of Object.entries(transaction.nodes)) {
    const value = input[name];
    const path = `input.${name}`;
    if (!present(value)) out.error(path, 'missing', `node ${name} not sent`, node.cite);
    else if (node.shape === 'object' && !isObject(value)) out.error(path, 'shape', 'must be an object', node.cite);
    else if (node.shape === 'list' && !(Array.isArray(value) && value.every(isObject))) out.error(path, 'shape', 'must be a list of objects', node.cite);
    else if (node.shape === 'object') checkMembers(out, path, value as Json, node, scope, options.amounts);
    else (value as Json[]).forEach((item, i) => checkMembers(out, `${path}[${i}]`, item, node, scope, options.amounts));
  }
  for (const name of Object.keys(input)) {
    if (!transaction.nodes[name]) out.error(`input.${name}`, 'unknown-node', `not a node of ${infno}`, transaction.cite);
  }
  return result(infno, String(envelope.msgid));
}

/**
 * A successful settlement answer (`settlementAnswer` transactions): every setlinfo keeps the
 * money identities to the fen, and a settlement's medins_setl_id is the request's msgid.
 * Refusals carry no setlinfo and are not checked here.
 */
export function checkAnswer(envelope: Json, answer: Json | undefined, options: CheckOptions = {}): CheckResult {
  const out = new Findings();
  const infno = String(envelope.infno);
  const msgid = String(envelope.msgid);
  const kind = TRANSACTIONS[infno]?.settlementAnswer;
  const done = () => ({ infno, msgid, errors: out.errors, warnings: out.warnings });
  if (!kind || !answer || String(answer.infcode) !== '0') return done();
  let output = answer.output;
  if (typeof output === 'string' && options.sm4Key) output = openSealed(output, options.sm4Key);
  const setlinfo = isObject(output) ? output.setlinfo : undefined;
  const rows = Array.isArray(setlinfo) ? setlinfo : [setlinfo];
  if (kind !== 'query' && !isObject(setlinfo)) out.error('output.setlinfo', 'shape', 'a settlement answer carries setlinfo', '§2.9');
  rows.filter(isObject).forEach((row, i) => {
    const path = Array.isArray(setlinfo) ? `output.setlinfo[${i}]` : 'output.setlinfo';
    for (const identity of MONEY_IDENTITIES) {
      // The first reading is DESIGN.md's and must be answered in full; a later one's extras count 0 when absent.
      const absent = [identity.left, ...identity.readings[0]!].filter((name) => !present(row[name]));
      if (absent.length > 0) {
        out.error(path, 'identity', `${absent.join(', ')} not answered`, identity.cite);
        continue;
      }
      const fen = (name: string) => (present(row[name]) ? fenOf(row[name]) : 0n);
      const left = fen(identity.left);
      const sums = identity.readings.map((names) => names.map(fen));
      if (left === null || sums.some((s) => s.includes(null))) {
        out.error(path, 'identity', `amounts of ${identity.left} = ${identity.readings[0]!.join(' + ')} are not decimals of at most 2 places`, identity.cite);
        continue;
      }
      if (!sums.some((s) => (s as bigint[]).reduce((a, b) => a + b, 0n) === left)) {
        const shown = identity.readings.map((names) => names.map((n) => `${n} ${String(row[n] ?? 0)}`).join(' + ')).join(' | ');
        out.error(path, 'identity', `${identity.left} ${String(row[identity.left])} ≠ ${shown}`, identity.cite);
      }
    }
    if (kind === 'settled' && row.medins_setl_id !== msgid) out.error(`${path}.medins_setl_id`, 'identity', `${String(row.medins_setl_id)}, not the request's msgid ${msgid}`, MEDINS_SETL_ID_CITE);
  });
  return done();
}

/** §4: a msgid is never reused; every request in `envelopes` must carry its own. */
export function reusedMsgids(envelopes: readonly Json[]): string[] {
  const seen = new Set<string>();
  const reused = new Set<string>();
  for (const e of envelopes) {
    const id = String(e.msgid);
    if (seen.has(id)) reused.add(id);
    seen.add(id);
  }
  return [...reused];
}
