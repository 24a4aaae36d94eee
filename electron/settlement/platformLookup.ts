import type { PlatformGateway } from './gateway';
import type { JournalEntry, PlatformView } from './journal';
import { amountsOf, parseSetlinfo } from './nhsa/setlinfo';
import { platformDateTime, type Clock } from './time';

/**
 * What the platform's own records say about one of our requests, asked by query, never read
 * from an error's wording: settlements and their cancels by 5203 (the person's settlement
 * records over a period, each carrying the request msgid as medins_setl_id), an admission by
 * 5201 (the person's visits, matched on the stay number sent as ipt_no).
 *
 * Throws SettlementFailure when the question could not be asked (no answer, or refused).
 * `onSignInAgain`: told when the platform refused the query at first and answered it only after
 * a fresh sign-in (see PlatformGateway.call).
 */
export async function lookUp(gateway: PlatformGateway, clock: Clock, row: JournalEntry, slackMs: number, onSignInAgain?: () => void): Promise<PlatformView> {
  const at = clock();
  const sent = new Date(row.createdAt).getTime();
  // A settlement record is dated when the platform processed it; a visit by its admission
  // time, which the hospital may have recorded days before the desk sent 2401.
  const from = row.infno === '2401' ? sent - ADMISSION_LOOKBACK_MS : sent - slackMs;
  const period = { begntime: platformDateTime(new Date(from)), endtime: platformDateTime(new Date(at.getTime() + slackMs)) };
  const ask = (infno: string, data: Record<string, unknown>) => gateway.call(infno, { data }, row.insuplcAdmdvs, { onSignInAgain });
  return row.infno === '2401' ? lookUpAdmission(ask, row, period, at) : lookUpSettlement(ask, row, period, at);
}

const ADMISSION_LOOKBACK_MS = 366 * 24 * 3600_000;

interface Period {
  begntime: string;
  endtime: string;
}

type Ask = (infno: string, data: Record<string, unknown>) => ReturnType<PlatformGateway['call']>;

async function lookUpSettlement(ask: Ask, row: JournalEntry, period: Period, at: Date): Promise<PlatformView> {
  const answer = await ask('5203', { psn_no: row.psnNo, setl_id: '', mdtrt_id: '', ...period });
  const list = answer.output.setlinfo;
  if (!Array.isArray(list)) return unreadable(at, '5203 did not answer with a list of settlement records');
  const mine = list.filter((item) => item && typeof item === 'object' && (item as Record<string, unknown>).medins_setl_id === row.msgid);
  if (mine.length === 0) return { at: at.toISOString(), found: 'absent', summary: '医保平台没有这笔请求的结算记录' };
  const raw = mine[0] as Record<string, unknown>;
  let setl;
  try {
    setl = parseSetlinfo(raw);
  } catch (error) {
    return unreadable(at, `5203 record unreadable: ${error instanceof Error ? error.message : String(error)}`);
  }
  const record = {
    setlId: setl.setlId ?? '',
    setlTime: setl.setlTime,
    mdtrtId: setl.mdtrtId || null,
    amounts: amountsOf(setl),
    clrType: setl.clrType || null,
    clrOptins: setl.clrOptins || null,
    insutype: setl.insutype || null,
  };
  const valid = String(raw.vali_flag) === '1';
  const yuan = (fen: number) => (fen / 100).toFixed(2);
  return {
    at: at.toISOString(),
    found: valid ? 'valid' : 'reversed',
    summary: valid
      ? `医保平台有这笔结算且仍有效：结算号 ${record.setlId}，总额 ¥${yuan(record.amounts.medfeeSumamt)}，个人账户 ¥${yuan(record.amounts.acctPay)}`
      : `医保平台有这笔结算，已撤销或冲正：结算号 ${record.setlId}`,
    record,
  };
}

async function lookUpAdmission(ask: Ask, row: JournalEntry, period: Period, at: Date): Promise<PlatformView> {
  const stayNo = String(row.detail.stayNo ?? '');
  const answer = await ask('5201', { psn_no: row.psnNo, med_type: '', mdtrt_id: '', ...period });
  const list = answer.output.mdtrtinfo;
  if (!Array.isArray(list)) return unreadable(at, '5201 did not answer with a list of visits');
  const visits = list.filter((v) => v && typeof v === 'object' && (v as Record<string, unknown>).ipt_otp_no === stayNo) as Array<Record<string, unknown>>;
  const open = visits.find((v) => String(v.vali_flag) === '1');
  if (open) {
    return {
      at: at.toISOString(),
      found: 'valid',
      summary: `医保平台有住院号 ${stayNo} 的有效入院登记（就诊号 ${String(open.mdtrt_id)}）`,
      record: { setlId: '', setlTime: null, mdtrtId: String(open.mdtrt_id ?? ''), amounts: null, clrType: null, clrOptins: null, insutype: null },
    };
  }
  if (visits.length > 0) return { at: at.toISOString(), found: 'reversed', summary: `住院号 ${stayNo} 的入院登记已撤销或冲正` };
  return { at: at.toISOString(), found: 'absent', summary: `医保平台没有住院号 ${stayNo} 的入院登记` };
}

function unreadable(at: Date, why: string): PlatformView {
  return { at: at.toISOString(), found: 'unreadable', summary: `医保平台的查询结果无法判断：${why}` };
}

