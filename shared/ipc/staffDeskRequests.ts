import { z } from 'zod';

/** The staff side's requests (cash taken, today's settlements, the shift's end), validated at the IPC boundary and again in the use-cases. */
const pin = z.string().min(4).max(12);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

const operatorId = z.string().min(1).max(30);

/** The signed-in operator's PIN vouches for the cash: who the operator is, main knows, so the page cannot name one. */
export const confirmCashTakenRequest = z.object({ setlId: z.string().min(1).max(30), pin }).strict();
/** What main hands the use-case: the request with the signed-in operator named, so their lockout counts and applies. */
export const confirmCashTakenInput = confirmCashTakenRequest.extend({ operatorId }).strict();

/** 交班签退 on the staff side: the signed-in operator's own PIN ends their shift. */
export const endShiftRequest = z.object({ pin }).strict();
export const endShiftInput = endShiftRequest.extend({ operatorId }).strict();

/**
 * Today's settlements on this terminal: `text` is a reference (msgid or setl_id) or a masked
 * name (or part of one); `from`/`to` a time window of the day (HH:mm, local China time).
 */
const todayQuery = z.object({
  text: z.string().trim().max(40).optional(),
  from: clock.optional(),
  to: clock.optional(),
});

/** The use-case's: the query, with the operator main names (the signed-in one) and the PIN the page sent; neither when the admin pages ask. */
export const findTodaySettlementsInput = todayQuery
  .extend({ operatorId: operatorId.optional(), pin: pin.optional() })
  .strict()
  .refine((input) => (input.operatorId === undefined) === (input.pin === undefined), { message: 'operatorId and pin go together' });

/** The lookup over IPC: opened with the signed-in operator's PIN, or from the admin pages with their token. */
export const findTodaySettlementsRequest = todayQuery.extend({ pin: pin.optional(), adminToken: z.string().min(8).max(64).optional() }).strict();
