import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';

/**
 * The integrity claim, checked independently of the engine: straight from the sandbox
 * platform's own database (read-only) and every terminal's journal database, with no engine
 * code in between. Returns the violations in words, empty when the claim holds:
 * - nothing stuck: every journal row final, none waiting for staff;
 * - nothing double: no msgid in two journals, every msgid in its own terminal's slot, no bill,
 *   stay or settlement settled (or cancelled) twice;
 * - nothing orphaned: the journals and the platform agree row by row, in both directions;
 * - money: every balance is the initial one minus the journals' account payments, its own and
 *   those it made for a relative (共济, acct_mulaid_pay);
 * - time: "never happened" concluded only once the gateway window had closed;
 * - the hospital system marks paid exactly what a valid settlement paid.
 */
const REVERSIBLE = ['2102', '2103', '2207', '2208', '2304', '2305', '2401'];
const SETTLING = ['2102', '2207', '2304'];
const FINAL = ['done', 'failed', 'reversed'];
const MSGID = /^([A-Za-z0-9]{12})\d{14}(\d{2})\d{2}$/;

/** The kinds a campaign reports; `internal` (an exception the engine did not expect) comes from the terminals, not from here. */
export const PROBLEM_KINDS = ['double', 'orphan', 'stuck', 'money', 'time', 'his', 'internal'] as const;

export interface TerminalJournal {
  path: string;
  terminalId: string;
  institution: string;
  slot: string;
}

export interface IntegrityInput {
  platformDb: string;
  journals: TerminalJournal[];
  initialBalanceFen: ReadonlyMap<string, number>;
  /** The gateway window the terminals ran with. */
  windowSeconds: number;
  skewSeconds: number;
}

interface JournalRow {
  terminal: TerminalJournal;
  msgid: string;
  infno: string;
  state: string;
  psn_no: string;
  /** The relative who acted and, with 共济, paid (issue 15); null otherwise. */
  payer_psn_no: string | null;
  setl_id: string | null;
  amounts: string | null;
  detail: string;
  resolved_by: string | null;
  needs_staff: number;
  created_at: string;
  updated_at: string;
}
interface MessageRow {
  msgid: string;
  infno: string;
  fixmedins_code: string;
  infcode: number;
  reversed_by: string | null;
}
interface SettlementRow {
  msgid: string;
  setl_id: string;
  state: string;
  psn_no: string;
  fixmedins_code: string;
  refd_setl_flag: number;
  original_setl_id: string | null;
  medfee_fen: number;
  acct_fen: number;
  cash_fen: number;
  fund_fen: number;
  mulaid_psn_no: string | null;
  mulaid_fen: number;
}
interface Amounts {
  medfeeSumamt: number;
  acctPay: number;
  acctMulaidPay?: number;
  psnCashPay: number;
  fundPaySumamt: number;
}
interface HisDebt {
  action?: string;
  billIds?: string[];
  stayNo?: string;
}

/** Every journal's rows, each with the terminal it belongs to. A terminal that never ran has no file. */
export function readJournals(journals: TerminalJournal[]): JournalRow[] {
  return journals
    .filter((terminal) => existsSync(terminal.path))
    .flatMap((terminal) => {
      const db = new DatabaseSync(terminal.path, { readOnly: true });
      try {
        const rows = db.prepare('SELECT msgid, infno, state, psn_no, payer_psn_no, setl_id, amounts, detail, resolved_by, needs_staff, created_at, updated_at FROM journal').all();
        return (rows as unknown as Omit<JournalRow, 'terminal'>[]).map((row) => ({ ...row, terminal }));
      } finally {
        db.close();
      }
    });
}

const where = (row: JournalRow) => `journal ${row.terminal.terminalId} ${row.infno} ${row.msgid}`;
const debtOf = (row: JournalRow) => ((JSON.parse(row.detail) as { hisDebt?: HisDebt }).hisDebt ?? {}) as HisDebt;

function stuck(rows: JournalRow[], deadlineMs: number): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    if (!FINAL.includes(row.state)) problems.push(`stuck: ${where(row)} is ${row.state}, not final`);
    if (row.needs_staff) problems.push(`stuck: ${where(row)} is waiting for staff`);
    const decidedAfter = Date.parse(row.updated_at) - Date.parse(row.created_at);
    if (row.state === 'failed' && row.resolved_by === 'time' && decidedAfter < deadlineMs) {
      problems.push(`time: ${where(row)} concluded never happened ${decidedAfter} ms after it was written, before the window closed (${deadlineMs} ms)`);
    }
  }
  return problems;
}

function ownership(rows: JournalRow[], journals: TerminalJournal[], settlements: SettlementRow[]): string[] {
  const problems: string[] = [];
  const holders = new Map<string, JournalRow[]>();
  for (const row of rows) holders.set(row.msgid, [...(holders.get(row.msgid) ?? []), row]);
  for (const [msgid, held] of holders) {
    if (held.length > 1) problems.push(`double: msgid ${msgid} is in ${held.length} journals: ${held.map((r) => r.terminal.terminalId).join(', ')}`);
  }
  for (const row of rows) {
    const [, code, slot] = MSGID.exec(row.msgid) ?? [];
    if (code !== row.terminal.institution || slot !== row.terminal.slot) {
      problems.push(`double: ${where(row)} is not a msgid of ${row.terminal.institution} slot ${row.terminal.slot}`);
    }
  }
  for (const s of settlements) {
    const slot = MSGID.exec(s.msgid)?.[2];
    const owners = journals.filter((j) => j.institution === s.fixmedins_code && j.slot === slot);
    if (owners.length !== 1) problems.push(`double: platform settlement ${s.setl_id} (msgid ${s.msgid}) belongs to ${owners.length} terminals`);
    else if (!holders.get(s.msgid)?.some((r) => r.terminal === owners[0])) {
      problems.push(`orphan: platform settlement ${s.setl_id} (msgid ${s.msgid}) is not in the journal of ${owners[0]!.terminalId}, whose slot it carries`);
    }
  }
  return problems;
}

function agreement(rows: JournalRow[], messages: Map<string, MessageRow>, settlements: Map<string, SettlementRow>): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    const message = messages.get(row.msgid);
    const happened = message?.infcode === 0;
    if (row.state === 'done') {
      if (!happened) problems.push(`orphan: ${where(row)} done but the platform did not do it`);
      else if (message.reversed_by) problems.push(`orphan: ${where(row)} done but reversed on the platform`);
      if (row.infno === '2401') continue;
      const settlement = settlements.get(row.msgid);
      const amounts = row.amounts ? (JSON.parse(row.amounts) as Amounts) : null;
      if (!settlement) problems.push(`orphan: ${where(row)} done but no platform settlement`);
      else if (settlement.setl_id !== row.setl_id) problems.push(`money: ${where(row)} setl_id ${row.setl_id} != platform ${settlement.setl_id}`);
      else if (
        !amounts ||
        amounts.medfeeSumamt !== settlement.medfee_fen ||
        amounts.acctPay !== settlement.acct_fen ||
        (amounts.acctMulaidPay ?? 0) !== settlement.mulaid_fen ||
        (settlement.mulaid_fen !== 0 && row.payer_psn_no !== settlement.mulaid_psn_no) ||
        amounts.psnCashPay !== settlement.cash_fen ||
        amounts.fundPaySumamt !== settlement.fund_fen
      ) {
        problems.push(`money: ${where(row)} amounts differ from the platform's`);
      }
    }
    if (row.state === 'reversed' && !message?.reversed_by) problems.push(`orphan: ${where(row)} reversed in the journal but not on the platform`);
    // Nothing but our own 2601 undoes a request, and a failed row is never reversed: failed means never done.
    if (row.state === 'failed' && happened) problems.push(`orphan: ${where(row)} failed in the journal but done on the platform`);
  }
  const byMsgid = new Map(rows.map((r) => [r.msgid, r]));
  for (const message of messages.values()) {
    if (message.infcode !== 0 || message.reversed_by) continue;
    const row = byMsgid.get(message.msgid);
    if (!row) problems.push(`orphan: platform did ${message.infno} ${message.msgid} with no journal entry`);
    else if (row.state !== 'done') problems.push(`orphan: platform did ${message.infno} ${message.msgid}, journal says ${row.state}`);
  }
  return problems;
}

function doubles(platform: DatabaseSync, rows: JournalRow[], settlements: Map<string, SettlementRow>): string[] {
  const problems: string[] = [];
  const paidBy = new Map<string, string>();
  for (const row of rows) {
    if (row.state !== 'done' || !SETTLING.includes(row.infno) || settlements.get(row.msgid)?.state !== 'valid') continue;
    const debt = debtOf(row);
    const keys = [...(debt.billIds ?? []).map((b) => `bill ${b}`), ...(debt.stayNo ? [`stay ${debt.stayNo}`] : [])];
    for (const key of keys) {
      const earlier = paidBy.get(key);
      if (earlier) problems.push(`double: ${key} settled twice: ${earlier} and ${row.setl_id}`);
      paidBy.set(key, row.setl_id!);
    }
  }
  const cancels = platform
    .prepare("SELECT original_setl_id AS original, count(*) AS n FROM platform_settlement WHERE refd_setl_flag = 1 AND state = 'valid' GROUP BY original_setl_id HAVING n > 1")
    .all() as { original: string; n: number }[];
  for (const c of cancels) problems.push(`double: settlement ${c.original} cancelled ${c.n} times`);
  const stays = platform
    .prepare(
      "SELECT ipt_otp_no AS stay, count(*) AS n FROM platform_visit WHERE kind = 'inpatient' AND state NOT IN ('cancelled', 'reversed') GROUP BY ipt_otp_no HAVING n > 1",
    )
    .all() as { stay: string; n: number }[];
  for (const s of stays) problems.push(`double: stay ${s.stay} admitted ${s.n} times on the platform`);
  problems.push(...hospitalSystem(platform, rows, paidBy));
  return problems;
}

/** The hospital system agrees: a bill or stay is paid exactly when a valid settlement paid it. */
function hospitalSystem(platform: DatabaseSync, rows: JournalRow[], paidBy: Map<string, string>): string[] {
  const problems: string[] = [];
  const bills = platform.prepare('SELECT bill_no, status, setl_id FROM his_bills').all() as unknown as { bill_no: string; status: string; setl_id: string | null }[];
  for (const bill of bills) {
    const settledWith = paidBy.get(`bill ${bill.bill_no}`);
    if (bill.status === 'paid' && bill.setl_id !== settledWith) problems.push(`his: HIS bill ${bill.bill_no} paid with ${bill.setl_id}, valid settlement ${settledWith ?? 'none'}`);
    if (bill.status !== 'paid' && settledWith) problems.push(`his: HIS bill ${bill.bill_no} is ${bill.status} but settled by ${settledWith}`);
  }
  // The hospital system has no way back for a stay: a cancelled discharge leaves it paid with the settlement it had.
  const discharged = new Set(rows.filter((r) => r.state === 'done' && r.infno === '2304').map((r) => r.setl_id));
  const stays = platform.prepare('SELECT stay_no, status, setl_id FROM his_stays').all() as unknown as { stay_no: string; status: string; setl_id: string | null }[];
  for (const stay of stays) {
    const settledWith = paidBy.get(`stay ${stay.stay_no}`);
    if (settledWith && (stay.status !== 'paid' || stay.setl_id !== settledWith)) problems.push(`his: HIS stay ${stay.stay_no} is ${stay.status} (${stay.setl_id}) but settled by ${settledWith}`);
    if (stay.status === 'paid' && !discharged.has(stay.setl_id)) problems.push(`his: HIS stay ${stay.stay_no} paid with ${stay.setl_id}, which no journal holds as done`);
  }
  return problems;
}

function balances(platform: DatabaseSync, rows: JournalRow[], initialBalanceFen: ReadonlyMap<string, number>, settlements: SettlementRow[]): string[] {
  const problems: string[] = [];
  for (const [psnNo, initial] of initialBalanceFen) {
    const { balance_fen: balance } = platform.prepare('SELECT balance_fen FROM platform_person WHERE psn_no = ?').get(psnNo) as { balance_fen: number };
    // What moved this person's account: their own payments, and 共济 they made for a relative.
    const journalAcct = rows
      .filter((r) => r.state === 'done' && r.amounts)
      .reduce((sum, r) => {
        const a = JSON.parse(r.amounts!) as Amounts;
        return sum + (r.psn_no === psnNo ? a.acctPay : 0) + (r.payer_psn_no === psnNo ? (a.acctMulaidPay ?? 0) : 0);
      }, 0);
    const platformAcct = settlements
      .filter((s) => s.state !== 'reversed')
      .reduce((sum, s) => sum + (s.psn_no === psnNo ? s.acct_fen : 0) + (s.mulaid_psn_no === psnNo ? s.mulaid_fen : 0), 0);
    if (balance !== initial - journalAcct) problems.push(`money: balance of ${psnNo}: platform ${balance}, journals imply ${initial - journalAcct}`);
    if (balance !== initial - platformAcct) problems.push(`money: balance of ${psnNo}: platform ${balance}, its own settlements imply ${initial - platformAcct}`);
  }
  return problems;
}

export function checkIntegrity(input: IntegrityInput): string[] {
  const platform = new DatabaseSync(input.platformDb, { readOnly: true });
  try {
    const rows = readJournals(input.journals);
    const reversible = platform
      .prepare(`SELECT msgid, infno, fixmedins_code, infcode, reversed_by FROM platform_message WHERE infno IN (${REVERSIBLE.map(() => '?').join(',')})`)
      .all(...REVERSIBLE) as unknown as MessageRow[];
    const messages = new Map(reversible.map((m) => [m.msgid, m]));
    const settlementList = platform.prepare('SELECT * FROM platform_settlement').all() as unknown as SettlementRow[];
    const settlements = new Map(settlementList.map((s) => [s.msgid, s]));
    return [
      ...stuck(rows, (input.windowSeconds + input.skewSeconds + 1) * 1000),
      ...ownership(rows, input.journals, settlementList),
      ...agreement(rows, messages, settlements),
      ...doubles(platform, rows, settlements),
      ...balances(platform, rows, input.initialBalanceFen, settlementList),
    ];
  } finally {
    platform.close();
  }
}
