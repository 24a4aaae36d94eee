import type { DatabaseSync } from 'node:sqlite';
import type { SandboxRequest, SandboxResponse, SandboxRoute } from '../http/types';
import { Statements, type MessageRow, type SettlementRow, type VisitRow } from '../platform/store';
import { yuan } from '../platform/wire';
import { faultSchema, type FaultRegistry } from './registry';

export const ADMIN_PREFIX = '/sandbox/admin';

const bad = (message: string): SandboxResponse => ({ status: 400, body: { error: message } });

/**
 * Loopback-only: set and clear faults, and read the platform's own records, so a fault campaign
 * can check what the platform really did after an answer was lost.
 */
export function createAdminRoutes(db: DatabaseSync, faults: FaultRegistry): SandboxRoute[] {
  const sql = new Statements(db);
  const settlementView = (row: SettlementRow) => ({
    setl_id: row.setl_id,
    msgid: row.msgid,
    infno: row.infno,
    mdtrt_id: row.mdtrt_id,
    psn_no: row.psn_no,
    state: row.state,
    refd_setl_flag: row.refd_setl_flag,
    original_setl_id: row.original_setl_id,
    cancelled_by: row.cancelled_by,
    setl_time: row.setl_time,
    medfee_sumamt: yuan(row.medfee_fen),
    fund_pay_sumamt: yuan(row.fund_fen),
    acct_pay: yuan(row.acct_fen),
    psn_cash_pay: yuan(row.cash_fen),
    acct_mulaid_pay: yuan(row.mulaid_fen),
    mulaid_psn_no: row.mulaid_psn_no,
  });

  const reads: Record<string, (query: URLSearchParams) => SandboxResponse> = {
    settlements(query) {
      const [column, value] = (['msgid', 'setl_id', 'mdtrt_id'] as const)
        .map((name) => [name, query.get(name)] as const)
        .find(([, v]) => v) ?? [];
      if (!column || !value) return bad('give msgid, setl_id or mdtrt_id');
      const rows = sql.all<SettlementRow>(`SELECT * FROM platform_settlement WHERE ${column} = ? ORDER BY id`, value);
      return { status: 200, body: { settlements: rows.map(settlementView) } };
    },
    messages(query) {
      const msgid = query.get('msgid');
      if (!msgid) return bad('give msgid');
      const row = sql.get<MessageRow>('SELECT * FROM platform_message WHERE msgid = ?', msgid);
      // A refusal's named cause (platform/family.ts), which the wire never carries.
      const cause = sql.get<{ cause: string }>('SELECT cause FROM platform_refusal_cause WHERE msgid = ?', msgid)?.cause ?? null;
      return { status: 200, body: { message: row ? { ...row, cause } : null } };
    },
    persons(query) {
      const psnNo = query.get('psn_no');
      if (!psnNo) return bad('give psn_no');
      const person = sql.get<{ psn_no: string; insutype: string; insured: number; balance_fen: number }>(
        'SELECT psn_no, insutype, insured, balance_fen FROM platform_person WHERE psn_no = ?', psnNo,
      );
      if (!person) return { status: 404, body: { error: 'no such person' } };
      const annual = sql.all<{ year: number; setting: string; deductible_used_fen: number; fund_paid_fen: number }>(
        'SELECT year, setting, deductible_used_fen, fund_paid_fen FROM platform_annual WHERE psn_no = ? ORDER BY year, setting', psnNo,
      );
      return {
        status: 200,
        body: {
          psn_no: person.psn_no,
          insutype: person.insutype,
          insured: person.insured === 1,
          balc: yuan(person.balance_fen),
          annual: annual.map((a) => ({ year: a.year, setting: a.setting, deductible_used: yuan(a.deductible_used_fen), fund_paid: yuan(a.fund_paid_fen) })),
        },
      };
    },
    visits(query) {
      const mdtrtId = query.get('mdtrt_id');
      if (!mdtrtId) return bad('give mdtrt_id');
      const visit = sql.get<VisitRow>('SELECT * FROM platform_visit WHERE mdtrt_id = ?', mdtrtId);
      if (!visit) return { status: 404, body: { error: 'no such visit' } };
      const fees = sql.get<{ open: number; settled: number }>(
        'SELECT coalesce(sum(settled = 0), 0) AS open, coalesce(sum(settled = 1), 0) AS settled FROM platform_fee WHERE mdtrt_id = ?', mdtrtId,
      )!;
      return { status: 200, body: { mdtrt_id: visit.mdtrt_id, kind: visit.kind, psn_no: visit.psn_no, state: visit.state, med_type: visit.med_type, ipt_otp_no: visit.ipt_otp_no, open_fee_lines: fees.open, settled_fee_lines: fees.settled } };
    },
  };

  return [
    {
      method: 'POST',
      path: `${ADMIN_PREFIX}/faults`,
      loopbackOnly: true,
      handle(request: SandboxRequest) {
        const parsed = faultSchema.safeParse(request.body);
        if (!parsed.success) return bad(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
        faults.set(parsed.data);
        return { status: 200, body: { faults: faults.list() } };
      },
    },
    { method: 'GET', path: `${ADMIN_PREFIX}/faults`, loopbackOnly: true, handle: () => ({ status: 200, body: { faults: faults.list() } }) },
    {
      method: 'DELETE',
      path: `${ADMIN_PREFIX}/faults`,
      loopbackOnly: true,
      handle() {
        faults.clear();
        return { status: 200, body: { faults: [] } };
      },
    },
    {
      method: 'GET',
      path: `${ADMIN_PREFIX}/*`,
      loopbackOnly: true,
      handle(request: SandboxRequest) {
        const read = reads[request.path.slice(ADMIN_PREFIX.length + 1)];
        return read ? read(request.query) : { status: 404, body: { error: `no admin read ${request.path}` } };
      },
    },
  ];
}
