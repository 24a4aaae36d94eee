import type { Fen } from '../../../shared/money';
import { wireAmount } from '../nhsa/amounts';
import { SettlementFailure } from '../errors';
import type { JournalEntry } from '../journal';
import { dayCsv } from '../reconcile/dayCsv';
import { detailRound, type ClearingPair } from '../reconcile/detailRound';
import { orphanBook } from '../reconcile/orphanBook';
import { foundOrphan, interpret, ownMsgid, pendingView, problemView, type Interpretation } from '../reconcile/orphans';
import { platformDate } from '../time';
import { useCase, type UseCaseContext } from './context';
import { exportDayCsvInput, reconcileDayInput } from '../../../shared/ipc/settlementRequests';
import type {
  DayCsvExport,
  ReconcileGroup,
  ReconcileProblem,
  ReconcileReport,
  TerminalVerdict,
  TotalsVerdict,
} from '../../../shared/types/settlement';
export type { ReconcileGroup, ReconcileReport, TerminalVerdict, TotalsVerdict };

const TOTALS: Record<string, TotalsVerdict> = {
  '0': 'balanced',
  '1': 'platform-has-more',
  '2': 'kiosk-has-more',
  '3': 'amounts-differ',
};

const SETTLING = new Set(['2207', '2102', '2304', '2208', '2103', '2305']);
/**
 * Groups this terminal settled in on the days before are checked too, with zero rows, so a day
 * whose rows the journal lost (a restored database) still meets its orphans in 3201/3202.
 */
const LOOKBACK_DAYS = 7;

interface Group {
  insutype: string;
  clrType: string;
  clrOptins: string;
  rows: JournalEntry[];
}

interface PairCheck {
  pair: ClearingPair;
  found?: Interpretation;
  problem?: string;
}

const groupKey = (r: { insutype: string | null; clrType: string | null; clrOptins: string | null }) =>
  [r.insutype ?? '', r.clrType ?? '', r.clrOptins ?? ''].join('|');
const pairKey = (r: { clrType: string | null; clrOptins: string | null }) => [r.clrType ?? '', r.clrOptins ?? ''].join('|');

/** This terminal's done settlements and cancels whose platform settlement time falls on `day`. */
const settledOn = (ctx: UseCaseContext, day: string) => ctx.journal.settledOn(day).filter((row) => SETTLING.has(row.infno));

function daysBefore(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - n)).toISOString().slice(0, 10);
}

function groupsOf(own: JournalEntry[], earlier: JournalEntry[]): Group[] {
  const groups = new Map<string, Group>();
  for (const row of [...own, ...earlier]) {
    const key = groupKey(row);
    if (!groups.has(key)) groups.set(key, { insutype: row.insutype ?? '', clrType: row.clrType ?? '', clrOptins: row.clrOptins ?? '', rows: [] });
  }
  for (const row of own) groups.get(groupKey(row))!.rows.push(row);
  return [...groups.values()];
}

const sum = (rows: JournalEntry[], pick: (r: JournalEntry) => Fen | undefined) => rows.reduce((s, r) => s + (pick(r) ?? 0), 0);

/** 3201: the institution's records of the group against this terminal's totals. */
async function checkTotals(ctx: UseCaseContext, day: string, g: Group): Promise<{ totals: TotalsVerdict; platformSays: string }> {
  const answer = await ctx.gateway.call('3201', {
    data: {
      insutype: g.insutype,
      clr_type: g.clrType,
      setl_optins: g.clrOptins,
      stmt_begndate: day,
      stmt_enddate: day,
      medfee_sumamt: wireAmount(sum(g.rows, (r) => r.amounts?.medfeeSumamt), ctx.config.region.amounts),
      fund_pay_sumamt: wireAmount(sum(g.rows, (r) => r.amounts?.fundPaySumamt), ctx.config.region.amounts),
      acct_pay: wireAmount(sum(g.rows, (r) => r.amounts?.acctPay), ctx.config.region.amounts),
      fixmedins_setl_cnt: String(g.rows.length),
    },
  });
  const info = (answer.output.stmtinfo ?? {}) as { stmt_rslt?: unknown; stmt_rslt_dscr?: unknown };
  return { totals: TOTALS[String(info.stmt_rslt)] ?? 'unexpected', platformSays: String(info.stmt_rslt_dscr ?? '') };
}

/** Why a per-settlement check could not be done, in words for staff. */
function whyUnchecked(error: unknown): string {
  if (error instanceof SettlementFailure) {
    return error.code === 'PLATFORM_UNREACHABLE' ? '明细对账未完成：暂时连不上医保平台' : `明细对账未完成：医保平台未受理（${error.detail ?? error.code}）`;
  }
  return `明细对账未完成：医保平台的结果文件无法读取（${error instanceof Error ? error.message : String(error)}）`;
}

/**
 * Day-end reconciliation of THIS terminal. Per insurance type × clearing type × clearing agency,
 * 3201 with this terminal's totals (settlements and cancels, cancels negative); 3201 counts the
 * whole institution, so with other terminals or a staffed counter it does not balance. Then, per
 * clearing type × agency, the per-settlement check (9101 → 3202 → 9102) tells this terminal's
 * settlements from the others', names what differs, and finds orphans: platform settlements
 * carrying this terminal's msgid that its journal does not hold as done, kept for staff to reverse.
 */
export const reconcileDay = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, reconcileDayInput, raw, async (input): Promise<ReconcileReport> => {
    const day = input.day ?? platformDate(ctx.clock());
    const own = settledOn(ctx, day);
    const earlier = Array.from({ length: LOOKBACK_DAYS }, (_, i) => settledOn(ctx, daysBefore(day, i + 1))).flat();
    const groups = groupsOf(own, earlier);
    const totals: Array<{ totals: TotalsVerdict; platformSays: string }> = [];
    for (const g of groups) totals.push(await checkTotals(ctx, day, g));

    const pairs = new Map<string, PairCheck>();
    groups.forEach((g, i) => {
      if (totals[i]!.totals !== 'balanced') pairs.set(pairKey(g), { pair: { clrType: g.clrType, clrOptins: g.clrOptins } });
    });
    const uploaded = new Map(own.map((row) => [row.setlId ?? '', row]));
    const lookups = { isOwn: ownMsgid(ctx.config), uploaded: (id: string) => uploaded.get(id), journal: (m: string) => ctx.journal.get(m) };
    for (const [key, check] of pairs) {
      try {
        const lines = await detailRound(ctx.gateway, ctx.config, day, check.pair, own.filter((row) => pairKey(row) === key));
        check.found = interpret(lines, lookups);
      } catch (error) {
        if (!(error instanceof SettlementFailure) && !(error instanceof RangeError)) throw error;
        ctx.log(`reconcile: detail ${key} ${error.message}`);
        check.problem = whyUnchecked(error);
      }
    }

    // 2601's envelope needs the person's division: any journal row of the same person knows it.
    const known = new Map([...earlier, ...own, ...ctx.journal.unknown()].map((row) => [row.psnNo, row]));
    const at = ctx.clock();
    const found = [...pairs.values()].flatMap((check) =>
      (check.found?.orphans ?? []).map((orphan) =>
        foundOrphan(orphan, check.pair, ctx.config, (p) => known.get(p)?.insuplcAdmdvs, (p) => known.get(p)?.maskedName || undefined, at),
      ),
    );
    orphanBook.replace(ctx, found);
    const problems = [...pairs.values()].flatMap((check) => check.found?.problems ?? []);

    const views: ReconcileGroup[] = groups.map((g, i) => {
      const { totals: verdict3201, platformSays } = totals[i]!;
      const check = pairs.get(pairKey(g));
      let verdict: TerminalVerdict = 'balanced';
      if (check?.problem) verdict = 'unchecked';
      else if (check?.found) {
        const mine = check.found.problems.some((p) => !p.row || groupKey(p.row) === groupKey(g));
        if (mine || check.found.orphans.length > 0) verdict = 'problems';
      }
      return {
        insutype: g.insutype,
        clrType: g.clrType,
        clrOptins: g.clrOptins,
        count: g.rows.length,
        medfeeFen: sum(g.rows, (r) => r.amounts?.medfeeSumamt),
        fundFen: sum(g.rows, (r) => r.amounts?.fundPaySumamt),
        accountFen: sum(g.rows, (r) => r.amounts?.acctPay),
        verdict,
        totals: verdict3201,
        platformSays,
        detailChecked: check?.found !== undefined,
        detailProblem: check?.problem ?? null,
      };
    });
    // A group of the days before with nothing of ours today says nothing worth reading.
    const shown = views.filter((g) => g.count > 0 || g.verdict !== 'balanced');
    const report: Omit<ReconcileReport, 'explanation'> = {
      day,
      groups: shown,
      balanced: shown.every((g) => g.verdict === 'balanced') && problems.length === 0 && found.length === 0,
      otherTerminals: [...pairs.values()].reduce((n, check) => n + (check.found?.others ?? 0), 0),
      problems: problems.map(problemView),
      orphans: found.map((o) => o.view),
      pending: [...pairs.values()].flatMap((check) => (check.found?.pending ?? []).map(pendingView)),
      unresolved: ctx.journal.unknown().filter((r) => platformDate(new Date(r.createdAt)) === day).length,
    };
    return { ...report, explanation: explain(report, own.length) };
  });

const PROBLEM_WORDS: Record<ReconcileProblem['kind'], string> = {
  'only-on-terminal': '本终端有、医保中心没有有效记录',
  'amounts-differ': '金额与医保中心不一致',
  'platform-differs': '医保中心对本终端报文号记录的是另一笔结算',
};

function explain(r: Omit<ReconcileReport, 'explanation'>, count: number): string {
  const parts: string[] = [];
  if (r.groups.length === 0) parts.push('今日本终端没有结算记录。');
  else if (r.balanced) parts.push(`本终端今日 ${count} 笔结算（含撤销）与医保中心的记录一致，对平。`);
  else {
    parts.push(`本终端今日 ${count} 笔结算（含撤销），对账未平：`);
    const kinds = Object.entries(PROBLEM_WORDS)
      .map(([kind, words]) => [r.problems.filter((p) => p.kind === kind).length, words] as const)
      .filter(([n]) => n > 0);
    for (const [n, words] of kinds) parts.push(`${n} 笔${words}；`);
    if (r.orphans.length > 0) parts.push(`${r.orphans.length} 笔医保中心有、本终端流水中没有的结算（带本终端报文号），请核实后冲正；`);
    const unchecked = r.groups.filter((g) => g.verdict === 'unchecked').length;
    if (unchecked > 0) parts.push(`${unchecked} 组未能完成明细对账，请稍后重试；`);
  }
  if (r.otherTerminals > 0) parts.push(`其他终端/窗口的结算 ${r.otherTerminals} 笔，不属于本终端，未计入。`);
  if (r.pending.length > 0) parts.push(`${r.pending.length} 笔带本终端报文号的结算仍在确认中。`);
  if (r.unresolved > 0) parts.push(`${r.unresolved} 笔结算结果仍在确认中，对账结果为暂定。`);
  return parts.join('');
}

/** This terminal's done settlements and cancels of a day as CSV, for the finance office. */
export const exportDayCsv = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, exportDayCsvInput, raw, async (input): Promise<DayCsvExport> => {
    const day = input.day ?? platformDate(ctx.clock());
    const { csv, count, medfeeFen } = dayCsv(settledOn(ctx, day));
    return { day, filename: `对账-${ctx.config.terminal.id}-${day}.csv`, csv, count, medfeeFen };
  });
