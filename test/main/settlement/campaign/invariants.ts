import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { billsOf } from '../../../../electron/settlement/his/debts';

/**
 * The integrity claim, checked against the sandbox platform's own database (read-only) and the
 * kiosk journals: every journal entry is final and agrees with the platform; nothing the
 * platform holds as done is missing from the journal; balances are exact; no bill was
 * settled twice. Returns the violations in words, empty when the claim holds.
 */
const REVERSIBLE = ['2102', '2103', '2207', '2208', '2304', '2305', '2401'];
const SETTLING = ['2102', '2207', '2304'];

interface JournalRow {
  msgid: string;
  infno: string;
  state: string;
  psn_no: string;
  setl_id: string | null;
  amounts: string | null;
  detail: string;
}
interface MessageRow {
  msgid: string;
  infno: string;
  infcode: number;
  reversed_by: string | null;
}
interface SettlementRow {
  msgid: string;
  setl_id: string;
  state: string;
  psn_no: string;
  medfee_fen: number;
  acct_fen: number;
  cash_fen: number;
  fund_fen: number;
}

export function checkIntegrity(sandboxDb: string, journals: string[], initialBalanceFen: ReadonlyMap<string, number>): string[] {
  const problems: string[] = [];
  const platform = new DatabaseSync(sandboxDb, { readOnly: true });
  try {
    const rows: JournalRow[] = journals
      .filter((path) => existsSync(path))
      .flatMap((path) => {
        const db = new DatabaseSync(path, { readOnly: true });
        try {
          return db.prepare('SELECT msgid, infno, state, psn_no, setl_id, amounts, detail FROM journal').all() as unknown as JournalRow[];
        } finally {
          db.close();
        }
      });
    const messages = new Map(
      (platform.prepare(`SELECT msgid, infno, infcode, reversed_by FROM platform_message WHERE infno IN (${REVERSIBLE.map(() => '?').join(',')})`).all(...REVERSIBLE) as unknown as MessageRow[]).map((m) => [m.msgid, m]),
    );
    const settlements = new Map((platform.prepare('SELECT * FROM platform_settlement').all() as unknown as SettlementRow[]).map((s) => [s.msgid, s]));
    const journalByMsgid = new Map(rows.map((r) => [r.msgid, r]));

    for (const row of rows) {
      const where = `journal ${row.infno} ${row.msgid}`;
      const message = messages.get(row.msgid);
      const settlement = settlements.get(row.msgid);
      if (!['done', 'failed', 'reversed'].includes(row.state)) problems.push(`${where} is ${row.state}, not final`);
      if (row.state === 'done') {
        if (!message || message.infcode !== 0) problems.push(`${where} done but the platform did not do it`);
        else if (message.reversed_by) problems.push(`${where} done but reversed on the platform`);
        if (row.infno !== '2401') {
          const amounts = row.amounts ? (JSON.parse(row.amounts) as { medfeeSumamt: number; acctPay: number; psnCashPay: number; fundPaySumamt: number }) : null;
          if (!settlement) problems.push(`${where} done but no platform settlement`);
          else if (settlement.setl_id !== row.setl_id) problems.push(`${where} setl_id ${row.setl_id} != platform ${settlement.setl_id}`);
          else if (
            !amounts ||
            amounts.medfeeSumamt !== settlement.medfee_fen ||
            amounts.acctPay !== settlement.acct_fen ||
            amounts.psnCashPay !== settlement.cash_fen ||
            amounts.fundPaySumamt !== settlement.fund_fen
          ) {
            problems.push(`${where} amounts differ from the platform's`);
          }
        }
      }
      if (row.state === 'reversed' && (!message || !message.reversed_by)) problems.push(`${where} reversed in the journal but not on the platform`);
      if (row.state === 'failed' && message && message.infcode === 0 && !message.reversed_by) problems.push(`${where} failed in the journal but done on the platform`);
    }

    for (const message of messages.values()) {
      if (message.infcode !== 0 || message.reversed_by) continue;
      const row = journalByMsgid.get(message.msgid);
      if (!row) problems.push(`platform did ${message.infno} ${message.msgid} with no journal entry`);
      else if (row.state !== 'done') problems.push(`platform did ${message.infno} ${message.msgid}, journal says ${row.state}`);
    }

    for (const [psnNo, initial] of initialBalanceFen) {
      const { balance_fen: balance } = platform.prepare('SELECT balance_fen FROM platform_person WHERE psn_no = ?').get(psnNo) as { balance_fen: number };
      const journalAcct = rows
        .filter((r) => r.psn_no === psnNo && r.state === 'done' && r.amounts)
        .reduce((sum, r) => sum + (JSON.parse(r.amounts!) as { acctPay: number }).acctPay, 0);
      const platformAcct = [...settlements.values()].filter((s) => s.psn_no === psnNo && s.state !== 'reversed').reduce((sum, s) => sum + s.acct_fen, 0);
      if (balance !== initial - journalAcct) problems.push(`balance of ${psnNo}: platform ${balance}, journal implies ${initial - journalAcct}`);
      if (balance !== initial - platformAcct) problems.push(`balance of ${psnNo}: platform ${balance}, its own settlements imply ${initial - platformAcct}`);
    }

    const billSettledBy = new Map<string, string>();
    for (const row of rows) {
      if (row.state !== 'done' || !SETTLING.includes(row.infno)) continue;
      if (settlements.get(row.msgid)?.state !== 'valid') continue; // cancelled since: the bill is open again
      for (const bill of billsOf(JSON.parse(row.detail) as Record<string, unknown>)) {
        const earlier = billSettledBy.get(bill);
        if (earlier) problems.push(`bill ${bill} settled twice: ${earlier} and ${row.msgid}`);
        billSettledBy.set(bill, row.setl_id!);
      }
    }

    // The hospital system agrees: a bill is paid exactly when a valid settlement paid it.
    const hisBills = platform.prepare('SELECT bill_no, status, setl_id FROM his_bills').all() as unknown as { bill_no: string; status: string; setl_id: string | null }[];
    for (const bill of hisBills) {
      const settledWith = billSettledBy.get(bill.bill_no);
      if (bill.status === 'paid' && bill.setl_id !== settledWith) problems.push(`HIS bill ${bill.bill_no} paid with ${bill.setl_id}, valid settlement ${settledWith ?? 'none'}`);
      if (bill.status !== 'paid' && settledWith) problems.push(`HIS bill ${bill.bill_no} is ${bill.status} but settled by ${settledWith}`);
    }
  } finally {
    platform.close();
  }
  return problems;
}
