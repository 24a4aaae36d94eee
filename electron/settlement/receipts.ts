import type { TerminalConfig } from '../../shared/config/terminalConfig';
import { FreshnessRule } from './freshness';
import { familyOnReceipt } from './familyReceipt';
import type { JournalEntry } from './journal';
import { platformDateTime } from './time';
import type { ReceiptItem, SettlementReceipt, PendingReceipt } from '../../shared/types/settlement';
export type { ReceiptItem, SettlementReceipt, PendingReceipt };

/** The pending slip's sentence: the patient learns they will not pay twice and by when it is known. */
export const pendingNote = (confirmBy: string) =>
  `结算结果确认中：系统会自动核实，不会重复扣费，最迟 ${confirmBy.slice(11, 16)} 前有结论。如有疑问请凭此参考号到人工窗口查询，也可以在人工窗口用其他方式缴费。`;

function itemsOf(entry: JournalEntry): ReceiptItem[] {
  return Array.isArray(entry.detail.items) ? (entry.detail.items as ReceiptItem[]) : [];
}

function header(config: TerminalConfig, entry: JournalEntry) {
  return {
    institutionCode: config.institution.code,
    institutionName: config.institution.name,
    terminalId: config.terminal.id,
    patientName: entry.maskedName,
    items: itemsOf(entry),
  };
}

/** A cancel row names the settlement it undid (cancel.ts writes both), so its slip can print the original setl_id. */
function cancelled(entry: JournalEntry): { cancels: { setlId: string; msgid: string } } | Record<string, never> {
  const { cancels, cancelsSetlId } = entry.detail;
  return typeof cancels === 'string' && typeof cancelsSetlId === 'string' ? { cancels: { setlId: cancelsSetlId, msgid: cancels } } : {};
}

/** From a done journal row: the receipt states what the platform answered, not what was asked. */
export function settlementReceipt(config: TerminalConfig, entry: JournalEntry): SettlementReceipt {
  const a = entry.amounts;
  if (entry.state !== 'done' || !a || !entry.setlId) throw new Error(`no settled amounts for ${entry.msgid}`);
  const isCancel = ['2208', '2103', '2305'].includes(entry.infno);
  return {
    kind: isCancel ? 'cancel' : 'settlement',
    ...header(config, entry),
    totalFen: a.medfeeSumamt,
    fundFen: a.fundPaySumamt,
    accountFen: a.acctPay,
    cashFen: a.psnCashPay,
    hospitalFen: a.hospPartAmt,
    balanceAfterFen: a.balc,
    setlId: entry.setlId,
    msgid: entry.msgid,
    time: platformDateTime(new Date(entry.updatedAt)),
    ...(isCancel ? cancelled(entry) : {}),
    ...familyOnReceipt(entry),
  };
}

export function pendingReceipt(config: TerminalConfig, entry: JournalEntry): PendingReceipt {
  // After the gateway's window the platform either has it or never will: recovery decides by then.
  const confirmBy = platformDateTime(FreshnessRule.of(config.region).deadline(entry.createdAt));
  return {
    kind: 'pending',
    ...header(config, entry),
    requestedFen: entry.requestedFen,
    reference: entry.msgid,
    time: platformDateTime(new Date(entry.createdAt)),
    confirmBy,
    note: pendingNote(confirmBy),
  };
}
