import { insuredPerson, type TxContext, type TxDefinition } from '../context';
import { CAUSES } from '../causes';
import { refuse } from '../errors';
import type { FieldReader, Json } from '../fields';
import { setldetail, setlinfo } from '../ledger';
import type { PersonRow, SettlementRow } from '../store';

/** A period's bound: a datetime, or a date meaning its first (begntime) or last (endtime) second. */
function bound(reader: FieldReader, name: 'begntime' | 'endtime'): string {
  const value = reader.source[name];
  if (typeof value === 'string' && value.length === 10) return `${reader.date(name)} ${name === 'begntime' ? '00:00:00' : '23:59:59'}`;
  return reader.datetime(name);
}

/** `begntime`/`endtime` of 5201 and 5203: datetimes `yyyy-MM-dd HH:mm:ss` or dates `yyyy-MM-dd`. */
export function readPeriod(reader: FieldReader): { begin: string; end: string } {
  const begin = bound(reader, 'begntime');
  const end = bound(reader, 'endtime');
  if (end < begin) refuse(reader.field('endtime'), '不能早于begntime');
  return { begin, end };
}

const withFlags = (person: PersonRow, row: SettlementRow): Json => ({
  ...setlinfo(person, row), vali_flag: row.state === 'valid' ? '1' : '0', refd_setl_flag: String(row.refd_setl_flag),
});

/**
 * 5203 by person and period (no `setl_id`): `setlinfo` is a list of every settlement record of
 * the person at this institution settled in the period — settlements and cancellations, reversed
 * ones too — each with `medins_setl_id` (its request's msgid), `vali_flag` and `refd_setl_flag`;
 * no `setldetail`. `mdtrt_id`, when sent, narrows to that visit. An empty list is an answer.
 * Rare enough to scan the settlements rather than cost every settlement an index page.
 */
function settlementsInPeriod(ctx: TxContext, data: FieldReader, person: PersonRow, mdtrtId: string | undefined): Json {
  const { begin, end } = readPeriod(data);
  const rows = ctx.sql.all<SettlementRow>(
    `SELECT * FROM platform_settlement WHERE psn_no = ? AND fixmedins_code = ? AND setl_time BETWEEN ? AND ?
       AND (? IS NULL OR mdtrt_id = ?) ORDER BY setl_time, id`,
    person.psn_no, ctx.envelope.fixmedins_code, begin, end, mdtrtId ?? null, mdtrtId ?? null,
  );
  return { setlinfo: rows.map((row) => withFlags(person, row)) };
}

/** 5203: a stored settlement as the platform sees it now (`vali_flag` 0 once cancelled or reversed). */
const settlementQuery: TxDefinition = {
  handle(ctx) {
    const data = ctx.input.node('data');
    const person = insuredPerson(ctx, data, { allowUninsured: true });
    const setlId = data.str('setl_id', { max: 30, optional: true });
    const mdtrtId = data.str('mdtrt_id', { max: 30, optional: true });
    if (setlId === undefined) return settlementsInPeriod(ctx, data, person, mdtrtId);
    const row = ctx.sql.get<SettlementRow>('SELECT * FROM platform_settlement WHERE setl_id = ?', setlId);
    if (!row || row.psn_no !== person.psn_no || row.fixmedins_code !== ctx.envelope.fixmedins_code) {
      return refuse(data.field('setl_id'), CAUSES.settlementMissing('本机构该人员'));
    }
    if (mdtrtId !== undefined && mdtrtId !== row.mdtrt_id) refuse(data.field('mdtrt_id'), '不是该结算的就诊');
    return { setlinfo: withFlags(person, row), setldetail: setldetail(row) };
  },
};

interface Totals {
  medfee: number;
  fund: number;
  acct: number;
  cnt: number;
}

/**
 * 3201: the institution's totals for a period against the platform's own. The platform counts
 * every settlement record in the period that was not reversed (2601): settlements and their
 * cancellations alike, cancellations with negative amounts, so a cancelled settlement nets to 0
 * but counts twice. `refd_setl_flag` 0 or 1 narrows to settlements or cancellations.
 * stmt_rslt: 0 balanced; 1 the platform has more records; 2 the institution has more records;
 * 3 the same number of records but different amounts.
 */
const reconcile: TxDefinition = {
  handle(ctx) {
    const data = ctx.input.node('data');
    const insutype = data.str('insutype', { max: 6, oneOf: ['310', '390'] });
    const clrType = data.str('clr_type', { max: 6 });
    const setlOptins = data.str('setl_optins', { max: 6, min: 6 });
    const begin = data.date('stmt_begndate');
    const end = data.date('stmt_enddate');
    if (end < begin) refuse(data.field('stmt_enddate'), '不能早于stmt_begndate');
    const claimed: Totals = {
      medfee: data.money('medfee_sumamt'),
      fund: data.money('fund_pay_sumamt'),
      acct: data.money('acct_pay'),
      cnt: Number(data.str('fixmedins_setl_cnt', { max: 10, numeric: true, pattern: /^\d+$/, shape: '须为整数' })),
    };
    const refd = data.str('refd_setl_flag', { max: 3, optional: true, oneOf: ['0', '1'] });
    const platform = ctx.sql.get<Totals>(
      `SELECT coalesce(sum(medfee_fen), 0) AS medfee, coalesce(sum(fund_fen), 0) AS fund, coalesce(sum(acct_fen), 0) AS acct, count(*) AS cnt
       FROM platform_settlement WHERE fixmedins_code = ? AND insutype = ? AND clr_type = ? AND clr_optins = ?
         AND substr(setl_time, 1, 10) BETWEEN ? AND ? AND state != 'reversed' AND (? IS NULL OR refd_setl_flag = ?)`,
      ctx.envelope.fixmedins_code, insutype, clrType, setlOptins, begin, end, refd ?? null, refd === undefined ? null : Number(refd),
    )!;
    const [rslt, dscr] =
      platform.cnt > claimed.cnt ? ['1', `中心多：中心${platform.cnt}笔，医药机构${claimed.cnt}笔`]
      : platform.cnt < claimed.cnt ? ['2', `医药机构多：医药机构${claimed.cnt}笔，中心${platform.cnt}笔`]
      : platform.medfee !== claimed.medfee || platform.fund !== claimed.fund || platform.acct !== claimed.acct
        ? ['3', '数据不一致：笔数相同，金额不符']
        : ['0', '对平'];
    return { stmtinfo: { setl_optins: setlOptins, stmt_rslt: rslt, stmt_rslt_dscr: dscr } };
  },
};

export const queryTransactions: Record<string, TxDefinition> = { '5203': settlementQuery, '3201': reconcile };
