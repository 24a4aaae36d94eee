import type { CounterMode, TerminalConfig } from '../../../shared/config/terminalConfig';
import type { ReconcileOrphan, ReconcilePending, ReconcileProblem } from '../../../shared/types/settlement';
import type { JournalEntry, PlatformView, ReversibleInfno } from '../journal';
import type { OrphanRecord } from '../journalStaff';
import { slotOf } from '../nhsa/msgid';
import { detailLine, type ClearingPair } from './detailRound';
import type { ResultLine } from './detailFile';

/**
 * What a 3202 result says about THIS terminal. A platform-only line (1) is another terminal's or
 * a staffed counter's settlement unless its msgid carries this institution and this terminal's
 * slot; then it is ours, and if the journal does not hold it as done it is an orphan (money moved
 * with no record here), or "确认中" when recovery is still working on it. Lines 2 and 3 are about
 * lines of our own file, so always ours.
 */

export type ProblemKind = ReconcileProblem['kind'];

export interface Interpretation {
  /** Our lines the platform agrees with (0). */
  matched: number;
  /** Platform-only lines of other terminals or counters. */
  others: number;
  problems: Array<{ kind: ProblemKind; line: ResultLine; row: JournalEntry | undefined }>;
  orphans: Array<{ line: ResultLine; row: JournalEntry | undefined }>;
  pending: Array<{ line: ResultLine; row: JournalEntry }>;
}

export interface Lookups {
  isOwn(msgid: string): boolean;
  /** This terminal's done row behind a line of the uploaded file. */
  uploaded(setlId: string): JournalEntry | undefined;
  /** The journal's row of a msgid, in any state. */
  journal(msgid: string): JournalEntry | undefined;
}

/** Whether a msgid is this terminal's: the same test as MsgIdGenerator.isOwn, from the configuration. */
export function ownMsgid(config: TerminalConfig): (msgid: string) => boolean {
  return (msgid) => msgid.startsWith(config.institution.code) && slotOf(msgid) === config.terminal.slot;
}

export function interpret(lines: readonly ResultLine[], look: Lookups): Interpretation {
  const result: Interpretation = { matched: 0, others: 0, problems: [], orphans: [], pending: [] };
  for (const line of lines) {
    if (line.stmtRslt === '0') result.matched += 1;
    else if (line.stmtRslt === '2') result.problems.push({ kind: 'only-on-terminal', line, row: look.uploaded(line.setlId) });
    else if (line.stmtRslt === '3') result.problems.push({ kind: 'amounts-differ', line, row: look.uploaded(line.setlId) });
    else if (!look.isOwn(line.msgid)) result.others += 1;
    else {
      const row = look.journal(line.msgid);
      if (row && (row.state === 'unknown' || row.state === 'pending')) result.pending.push({ line, row });
      // Done here but not the line of our file: the platform's record of our msgid is another settlement.
      else if (row?.state === 'done') result.problems.push({ kind: 'platform-differs', line, row });
      else result.orphans.push({ line, row });
    }
  }
  return result;
}

/** psn_no as staff may see it: its first and last four digits, e.g. 4212…0017. */
export function maskPsnNo(psnNo: string): string {
  return psnNo.length <= 8 ? '…' : `${psnNo.slice(0, 4)}…${psnNo.slice(-4)}`;
}

/** The request time a msgid carries, `yyyy-MM-dd HH:mm:ss` China time, or null for another shape. */
export function msgidTime(msgid: string): string | null {
  const m = /^.{12}(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\d{4}$/.exec(msgid);
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}` : null;
}

export function problemView(p: Interpretation['problems'][number]): ReconcileProblem {
  const own = p.row ? detailLine(p.row) : undefined;
  const msgid = p.row?.msgid ?? p.line.msgid;
  return {
    kind: p.kind,
    msgid,
    setlId: p.line.setlId,
    maskedPsnNo: maskPsnNo(p.line.psnNo || (p.row?.psnNo ?? '')),
    maskedName: p.row?.maskedName ?? '',
    time: p.row?.setlTime ?? msgidTime(msgid),
    refund: p.line.refund,
    terminal: own ? { medfeeFen: own.medfeeFen, fundFen: own.fundFen, accountFen: own.acctFen } : null,
    // A line only our file has carries our own amounts back, not the platform's.
    platform: p.kind === 'only-on-terminal' ? null : { medfeeFen: p.line.medfeeFen, fundFen: p.line.fundFen, accountFen: p.line.acctFen },
    platformSays: p.line.memo,
  };
}

export function pendingView({ line, row }: Interpretation['pending'][number]): ReconcilePending {
  return {
    msgid: line.msgid,
    setlId: line.setlId,
    maskedPsnNo: maskPsnNo(line.psnNo),
    maskedName: row.maskedName,
    time: msgidTime(line.msgid),
    medfeeFen: line.medfeeFen,
  };
}

/** The settling transaction of each counter mode, and its cancel: what an orphan was, when the journal does not say. */
const MODE_INFNOS: Record<CounterMode, [ReversibleInfno, ReversibleInfno]> = {
  registration: ['2207', '2208'],
  cashier: ['2207', '2208'],
  pharmacy: ['2102', '2103'],
  inpatient: ['2304', '2305'],
};

/** What staff see of an orphan, and what recovery needs to reverse it. */
export interface FoundOrphan {
  view: ReconcileOrphan;
  record: OrphanRecord;
  platformView: PlatformView;
}

/**
 * `division`: the person's insurance division from any journal row of the same psn_no (2601's
 * envelope must carry it), else the terminal's own area.
 */
export function foundOrphan(
  { line, row }: Interpretation['orphans'][number],
  pair: ClearingPair,
  config: TerminalConfig,
  division: (psnNo: string) => string | undefined,
  maskedName: (psnNo: string) => string | undefined,
  at: Date,
): FoundOrphan {
  const [settle, cancel] = MODE_INFNOS[config.terminal.mode];
  const yuan = (fen: number) => (fen / 100).toFixed(2);
  const record: OrphanRecord = {
    msgid: line.msgid,
    infno: row?.infno ?? (line.refund ? cancel : settle),
    psnNo: line.psnNo,
    insuplcAdmdvs: row?.insuplcAdmdvs ?? division(line.psnNo) ?? config.region.areaCode,
    setlId: line.setlId,
    mdtrtId: line.mdtrtId || null,
    // 3202 gives three of the amounts; the rest are not invented.
    amounts: null,
  };
  return {
    record,
    platformView: {
      at: at.toISOString(),
      found: 'valid',
      summary: `日终明细对账(3202)：医保平台有这笔结算且带本终端报文号，本终端流水无对应记录：结算号 ${line.setlId}，总额 ¥${yuan(line.medfeeFen)}，个人账户 ¥${yuan(line.acctFen)}`,
      record: { setlId: line.setlId, setlTime: null, mdtrtId: line.mdtrtId || null, amounts: null, clrType: pair.clrType, clrOptins: pair.clrOptins, insutype: null },
    },
    view: {
      msgid: line.msgid,
      setlId: line.setlId,
      maskedPsnNo: maskPsnNo(line.psnNo),
      maskedName: row?.maskedName || (maskedName(line.psnNo) ?? ''),
      time: msgidTime(line.msgid),
      refund: line.refund,
      medfeeFen: line.medfeeFen,
      fundFen: line.fundFen,
      accountFen: line.acctFen,
      journalState: row?.state === 'failed' || row?.state === 'reversed' ? row.state : 'none',
      platformSays: line.memo,
    },
  };
}
