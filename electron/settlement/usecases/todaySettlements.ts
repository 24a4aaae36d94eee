import { findTodaySettlementsInput } from '../../../shared/ipc/staffDeskRequests';
import type { TodayLookup, TodaySettlement, TodayState } from '../../../shared/types/staffDesk';
import type { JournalEntry } from '../journal';
import { CANCEL_INFNOS } from '../journalToday';
import { pendingReceipt, settlementReceipt } from '../receipts';
import { platformDateTime } from '../time';
import { useCase, type UseCaseContext } from './context';
import { registrationOf } from './reprint';
import { verifyCounterPin } from './staffDesk';

/** A counter's lookup lists a screenful; a busier search is narrowed by time or name. */
export const TODAY_LIMIT = 50;

const isCancel = (entry: JournalEntry) => (CANCEL_INFNOS as readonly string[]).includes(entry.infno);

/** The setl_id a cancel row undid: written with the row since cancels print it, else read from the original row. */
function cancelledSetlId(ctx: UseCaseContext, entry: JournalEntry): string | null {
  const { cancels, cancelsSetlId } = entry.detail;
  if (typeof cancelsSetlId === 'string') return cancelsSetlId;
  return typeof cancels === 'string' ? (ctx.journal.get(cancels)?.setlId ?? null) : null;
}

function rowOf(ctx: UseCaseContext, entry: JournalEntry): TodaySettlement {
  const kind = isCancel(entry) ? 'cancel' : 'settlement';
  const undoneBy = kind === 'settlement' && entry.state === 'done' ? ctx.today.cancelOf(entry.msgid) : undefined;
  const state: TodayState =
    entry.state === 'done' ? (undoneBy ? 'cancelled' : 'settled') : entry.state === 'pending' || entry.state === 'unknown' ? 'pending' : 'not-charged';
  const cash = ctx.cash.of(entry.msgid);
  const registration = registrationOf(entry);
  const slip =
    entry.state === 'done'
      ? { receipt: settlementReceipt(ctx.config, entry), registration }
      : state === 'pending'
        ? { receipt: pendingReceipt(ctx.config, entry), registration }
        : null;
  return {
    msgid: entry.msgid,
    kind,
    state,
    at: platformDateTime(new Date(entry.createdAt)),
    maskedName: entry.maskedName,
    totalFen: entry.amounts?.medfeeSumamt ?? entry.requestedFen,
    cashFen: entry.amounts?.psnCashPay ?? null,
    setlId: entry.setlId,
    cancelledBy: undoneBy?.setlId ?? null,
    cancels: kind === 'cancel' ? cancelledSetlId(ctx, entry) : null,
    cashTaken: cash ? { operatorId: cash.operatorId, at: cash.at } : null,
    slip,
  };
}

/**
 * Today's payments and cancels on this terminal, for staff to reprint or cancel: by reference
 * (msgid or setl_id), a window of the day, or the masked name. Each row carries its slip as the
 * journal rebuilds it (masked name, the platform's amounts), so a reprint needs no second look.
 * Who may ask is decided at the IPC boundary: the admin pages, or the signed-in operator, whom
 * main names here with the PIN the page sent, checked here (so it counts toward their lockout).
 */
export const findTodaySettlements = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, findTodaySettlementsInput, raw, async (input): Promise<TodayLookup> => {
    if (input.operatorId !== undefined && input.pin !== undefined) verifyCounterPin(ctx, input.operatorId, input.pin);
    const { day, entries, more } = ctx.today.find({
      limit: TODAY_LIMIT,
      ...(input.text ? { text: input.text } : {}),
      ...(input.from ? { from: input.from } : {}),
      ...(input.to ? { to: input.to } : {}),
    });
    return { day, rows: entries.map((entry) => rowOf(ctx, entry)), more, reprintedAt: platformDateTime(ctx.clock()) };
  });
