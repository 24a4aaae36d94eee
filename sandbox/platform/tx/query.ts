import { insuredPerson, type TxDefinition } from '../context';
import { refuse } from '../errors';
import { setldetail, setlinfo } from '../ledger';
import type { SettlementRow } from '../store';

/** 5203: a stored settlement as the platform sees it now (`vali_flag` 0 once cancelled or reversed). */
const settlementQuery: TxDefinition = {
  handle(ctx) {
    const data = ctx.input.node('data');
    const person = insuredPerson(ctx, data, { allowUninsured: true });
    const setlId = data.str('setl_id', { max: 30 });
    const mdtrtId = data.str('mdtrt_id', { max: 30, optional: true });
    const row = ctx.sql.get<SettlementRow>('SELECT * FROM platform_settlement WHERE setl_id = ?', setlId);
    if (!row || row.psn_no !== person.psn_no || row.fixmedins_code !== ctx.envelope.fixmedins_code) {
      return refuse(data.field('setl_id'), 'no settlement with this setl_id for this person at this institution');
    }
    if (mdtrtId !== undefined && mdtrtId !== row.mdtrt_id) refuse(data.field('mdtrt_id'), 'is not the visit of this settlement');
    return {
      setlinfo: { ...setlinfo(person, row), vali_flag: row.state === 'valid' ? '1' : '0', refd_setl_flag: String(row.refd_setl_flag) },
      setldetail: setldetail(row),
    };
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
    if (end < begin) refuse(data.field('stmt_enddate'), 'must not be before stmt_begndate');
    const claimed: Totals = {
      medfee: data.money('medfee_sumamt'),
      fund: data.money('fund_pay_sumamt'),
      acct: data.money('acct_pay'),
      cnt: Number(data.str('fixmedins_setl_cnt', { max: 10, numeric: true, pattern: /^\d+$/, shape: 'must be a whole number' })),
    };
    const refd = data.str('refd_setl_flag', { max: 3, optional: true, oneOf: ['0', '1'] });
    const platform = ctx.sql.get<Totals>(
      `SELECT coalesce(sum(medfee_fen), 0) AS medfee, coalesce(sum(fund_fen), 0) AS fund, coalesce(sum(acct_fen), 0) AS acct, count(*) AS cnt
       FROM platform_settlement WHERE fixmedins_code = ? AND insutype = ? AND clr_type = ? AND clr_optins = ?
         AND substr(setl_time, 1, 10) BETWEEN ? AND ? AND state != 'reversed' AND (? IS NULL OR refd_setl_flag = ?)`,
      ctx.envelope.fixmedins_code, insutype, clrType, setlOptins, begin, end, refd ?? null, refd === undefined ? null : Number(refd),
    )!;
    const [rslt, dscr] =
      platform.cnt > claimed.cnt ? ['1', `中心多: platform has ${platform.cnt} settlements, institution ${claimed.cnt}`]
      : platform.cnt < claimed.cnt ? ['2', `医药机构多: institution has ${claimed.cnt} settlements, platform ${platform.cnt}`]
      : platform.medfee !== claimed.medfee || platform.fund !== claimed.fund || platform.acct !== claimed.acct
        ? ['3', '数据不一致: same number of settlements, different amounts']
        : ['0', '对平'];
    return { stmtinfo: { setl_optins: setlOptins, stmt_rslt: rslt, stmt_rslt_dscr: dscr } };
  },
};

export const queryTransactions: Record<string, TxDefinition> = { '5203': settlementQuery, '3201': reconcile };
