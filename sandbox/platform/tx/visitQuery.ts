import { insuredPerson, type TxDefinition } from '../context';
import type { VisitRow } from '../store';
import { readPeriod } from './query';

/** Visit states that no longer stand: cancelled (2202/2404, an undone pharmacy sale) or reversed (2601). */
const VOID_STATES = ['cancelled', 'reversed'];

/**
 * 5201: the person's visits at this institution that began in the period (`begntime`/`endtime`
 * as datetimes or dates), narrowed by `med_type` and `mdtrt_id` when sent. `ipt_otp_no` is the
 * hospital's own number from 2201 `ipt_otp_no` or 2401 `ipt_no` (null for a pharmacy sale);
 * `med_type` is null for an outpatient visit before its 2203; `vali_flag` '1' while the visit
 * stands (open, discharged or settled), '0' once cancelled or reversed. An empty list is an answer.
 */
const visitQuery: TxDefinition = {
  handle(ctx) {
    const data = ctx.input.node('data');
    const person = insuredPerson(ctx, data, { allowUninsured: true });
    const { begin, end } = readPeriod(data);
    const medType = data.str('med_type', { max: 6, optional: true });
    const mdtrtId = data.str('mdtrt_id', { max: 30, optional: true });
    const visits = ctx.sql.all<VisitRow>(
      `SELECT * FROM platform_visit WHERE psn_no = ? AND fixmedins_code = ? AND begntime BETWEEN ? AND ?
         AND (? IS NULL OR med_type = ?) AND (? IS NULL OR mdtrt_id = ?) ORDER BY begntime, id`,
      person.psn_no, ctx.envelope.fixmedins_code, begin, end, medType ?? null, medType ?? null, mdtrtId ?? null, mdtrtId ?? null,
    );
    return {
      mdtrtinfo: visits.map((v) => ({
        mdtrt_id: v.mdtrt_id,
        psn_no: v.psn_no,
        med_type: v.med_type,
        begntime: v.begntime,
        endtime: v.endtime,
        insutype: v.insutype,
        ipt_otp_no: v.ipt_otp_no,
        vali_flag: VOID_STATES.includes(v.state) ? '0' : '1',
      })),
    };
  },
};

export const visitQueryTransactions: Record<string, TxDefinition> = { '5201': visitQuery };
