import { fenToYuan, type Fen } from '../../../shared/money';
import type { JournalEntry } from '../journal';
import { platformDate } from '../time';
import { useCase, type UseCaseContext } from './context';
import { reconcileDayInput } from '../../../shared/ipc/settlementRequests';
import type { ReconcileVerdict, ReconcileGroup, ReconcileReport } from '../../../shared/types/settlement';
export type { ReconcileVerdict, ReconcileGroup, ReconcileReport };

const VERDICTS: Record<string, ReconcileVerdict> = {
  '0': 'balanced',
  '1': 'platform-has-more',
  '2': 'kiosk-has-more',
  '3': 'amounts-differ',
};

const SETTLING = new Set(['2207', '2102', '2304', '2208', '2103', '2305']);

/**
 * End-of-day check (3201) of the journal's totals against the platform's, one call per
 * insurance type × clearing type × clearing agency. Settlements and their cancels both count,
 * cancels with negative amounts, as the platform counts them.
 */
export const reconcileDay = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, reconcileDayInput, raw, async (input): Promise<ReconcileReport> => {
    const day = input.day ?? platformDate(ctx.clock());
    const groups = new Map<string, JournalEntry[]>();
    for (const row of ctx.journal.settledOn(day)) {
      if (!SETTLING.has(row.infno)) continue;
      const key = [row.insutype, row.clrType, row.clrOptins].join('|');
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    const results: ReconcileGroup[] = [];
    for (const [key, rows] of groups) {
      const [insutype = '', clrType = '', clrOptins = ''] = key.split('|');
      const sum = (pick: (r: JournalEntry) => Fen) => rows.reduce((s, r) => s + pick(r), 0);
      const medfeeFen = sum((r) => r.amounts?.medfeeSumamt ?? 0);
      const fundFen = sum((r) => r.amounts?.fundPaySumamt ?? 0);
      const accountFen = sum((r) => r.amounts?.acctPay ?? 0);
      const answer = await ctx.gateway.call('3201', {
        data: {
          insutype,
          clr_type: clrType,
          setl_optins: clrOptins,
          stmt_begndate: day,
          stmt_enddate: day,
          medfee_sumamt: fenToYuan(medfeeFen),
          fund_pay_sumamt: fenToYuan(fundFen),
          acct_pay: fenToYuan(accountFen),
          fixmedins_setl_cnt: String(rows.length),
        },
      });
      const info = (answer.output.stmtinfo ?? {}) as { stmt_rslt?: unknown; stmt_rslt_dscr?: unknown };
      results.push({
        insutype,
        clrType,
        clrOptins,
        count: rows.length,
        medfeeFen,
        fundFen,
        accountFen,
        verdict: VERDICTS[String(info.stmt_rslt)] ?? 'unexpected',
        platformSays: String(info.stmt_rslt_dscr ?? ''),
      });
    }
    const unresolved = ctx.journal.unknown().filter((r) => platformDate(new Date(r.createdAt)) === day).length;
    return { day, groups: results, unresolved, explanation: explain(results, unresolved) };
  });

function explain(groups: ReconcileGroup[], unresolved: number): string {
  const pending = unresolved > 0 ? ` ${unresolved} 笔结算结果仍在确认中，对账结果为暂定。` : '';
  if (groups.length === 0) return `今日本终端没有结算记录。${pending}`;
  const off = groups.filter((g) => g.verdict !== 'balanced');
  if (off.length === 0) return `全部 ${groups.length} 组与医保中心对平。${pending}`;
  const words: Record<ReconcileVerdict, string> = {
    balanced: '对平',
    'platform-has-more': '医保中心的结算笔数多于本终端：可能有本终端未记录的结算，请做明细对账(3202)',
    'kiosk-has-more': '本终端的结算笔数多于医保中心：可能有已冲正而本地未更新的记录，请做明细对账(3202)',
    'amounts-differ': '笔数一致但金额不一致，请做明细对账(3202)',
    unexpected: '医保中心返回了无法识别的结果',
  };
  return `${off.length} 组不平：${off.map((g) => `${g.insutype}/${g.clrType}: ${words[g.verdict]}`).join('；')}。${pending}`;
}
