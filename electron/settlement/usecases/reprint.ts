import type { ReceiptLookup } from '../../../shared/ipc/contract';
import { findReceiptInput } from '../../../shared/ipc/settlementRequests';
import type { RegistrationInfo } from '../../../shared/types/settlement';
import { SettlementFailure } from '../errors';
import type { JournalEntry } from '../journal';
import { pendingReceipt, settlementReceipt } from '../receipts';
import { platformDateTime } from '../time';
import { useCase, type UseCaseContext } from './context';

/** The journal's rows that are payments or their cancels: what a patient holds a slip for. */
const SLIP_INFNOS = new Set(['2207', '2102', '2304', '2208', '2103', '2305']);

/** The row a staff member typed or scanned: its msgid (every slip prints it) or a settlement's setl_id. */
function rowFor(ctx: UseCaseContext, reference: string): JournalEntry | undefined {
  return ctx.journal.get(reference.toUpperCase()) ?? ctx.journal.bySetlId(reference);
}

export function registrationOf(entry: JournalEntry): RegistrationInfo | null {
  const r = entry.detail.registration as Partial<RegistrationInfo> | undefined;
  return r && typeof r.regNo === 'string' && typeof r.deptName === 'string' ? (r as RegistrationInfo) : null;
}

/**
 * Staff reprint a slip of today by its reference. The slip is rebuilt from the journal row,
 * which holds what a receipt needs and nothing more (masked name, items, the platform's
 * amounts); an attempt still unresolved reprints as its "result pending" slip, and one that
 * never took effect or was reversed has no slip, only that answer. Earlier days are refused:
 * their questions belong to the finance office's records, not to a counter's printer.
 */
export const findReceipt = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, findReceiptInput, raw, async (input): Promise<ReceiptLookup> => {
    const entry = rowFor(ctx, input.reference);
    const today = platformDateTime(ctx.clock()).slice(0, 10);
    if (!entry || !SLIP_INFNOS.has(entry.infno) || platformDateTime(new Date(entry.createdAt)).slice(0, 10) !== today) {
      throw new SettlementFailure('SETTLEMENT_NOT_FOUND');
    }
    if (entry.state === 'failed' || entry.state === 'reversed') return { status: 'not-charged', reference: entry.msgid, state: entry.state };
    ctx.log(`reprint: ${entry.msgid} (${entry.state})`);
    const receipt = entry.state === 'done' ? settlementReceipt(ctx.config, entry) : pendingReceipt(ctx.config, entry);
    return { status: 'found', receipt, registration: registrationOf(entry), reprintedAt: platformDateTime(ctx.clock()) };
  });
