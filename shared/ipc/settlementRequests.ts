import { z } from 'zod';

/**
 * What the renderer may ask of the settlement engine, validated at the IPC boundary and again
 * by each use-case: one definition for both.
 */
const personRef = z.uuid();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The e-voucher token, and the identity the e-voucher channel answered with it when it did
 * (auth.check / ec.query `idType`, `idNo`, `userName`): 1101 carries what the kiosk has, nothing more.
 */
export const identifyByVoucherInput = z
  .object({
    ecToken: z.string().min(8).max(50),
    certType: z.string().regex(/^\d{1,6}$/).optional(),
    certno: z.string().min(1).max(50).optional(),
    psnName: z.string().min(1).max(50).optional(),
  })
  .strict();
export const identifyByIdNumberInput = z
  .object({ certno: z.string().regex(/^\d{17}[\dX]$/), name: z.string().min(1).max(50).optional() })
  .strict();
export const identifyByCardInput = z.object({ cardNo: z.string().min(1).max(50), cardSn: z.string().min(1).max(50) }).strict();
export const endSessionInput = z.object({ personRef }).strict();

export const listPendingBillsInput = z.object({ personRef }).strict();
export const prepareOutpatientInput = z
  .object({ personRef, billIds: z.array(z.string().min(1).max(30)).min(1).max(20) })
  .strict();
export const listRegistrationSlotsInput = z.object({ date: day.optional() }).strict();
export const prepareRegistrationInput = z.object({ personRef, slotId: z.number().int().positive() }).strict();

export const lookupCatalogueInput = z
  .object({ barcode: z.string().min(1).max(30).optional(), text: z.string().min(1).max(50).optional() })
  .strict()
  .refine((q) => q.barcode !== undefined || q.text !== undefined, 'barcode or text');
export const preparePharmacyInput = z
  .object({
    personRef,
    items: z
      .array(z.object({ medinsListCodg: z.string().min(1).max(150), cnt: z.number().int().min(1).max(999) }).strict())
      .min(1)
      .max(100),
    /** The prescription the sale fills (staff scan or type it); absent for an over-the-counter sale. */
    rxno: z.string().trim().regex(/^[A-Za-z0-9-]{1,30}$/).optional(),
  })
  .strict();

export const admitInpatientInput = z
  .object({
    personRef,
    stayNo: z.string().min(1).max(30),
    /**
     * The admitting diagnosis typed by the desk, both or neither: used only when the HIS stay
     * carries no admission diagnosis (the doctor's record wins).
     */
    diagCode: z.string().trim().min(1).max(20).optional(),
    diagName: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .refine((input) => (input.diagCode === undefined) === (input.diagName === undefined), 'diagCode and diagName together');
export const listInpatientStaysInput = z.object({ personRef }).strict();
export const prepareDischargeInput = z.object({ personRef, stayNo: z.string().min(1).max(30) }).strict();

export const confirmSettlementInput = z.object({ quoteId: z.uuid() }).strict();
export const declineQuoteInput = z.object({ quoteId: z.uuid() }).strict();
/**
 * The patient's choice on the confirmation: pay the personal part from the personal account or all
 * in cash; with a relative acting, whether the relative's account pays too (共济, issue 15).
 */
export const requoteSettlementInput = z.object({ quoteId: z.uuid(), useAccount: z.boolean(), useMutualAid: z.boolean().optional() }).strict();
/** Family payment (issue 15): the identified person's bound family, and acting for one of them. */
export const listFamilyInput = z.object({ personRef }).strict();
export const actForFamilyInput = z.object({ personRef, memberRef: z.uuid() }).strict();
/** The other direction: a relative identified by their own face or QR (payerRef) pays for a patient identified by card or ID number. */
export const attachPayerInput = z.object({ personRef, payerRef: personRef }).strict();
/** Above the password-free cap: the last four ID digits of whoever authorises, or a staff member's PIN. */
export const passSecondFactorInput = z.union([
  z.object({ quoteId: z.uuid(), last4: z.string().regex(/^\d{3}[\dXx]$/) }).strict(),
  z.object({ quoteId: z.uuid(), operatorId: z.string().min(1).max(30), pin: z.string().min(4).max(12) }).strict(),
]);
export const cancelSettlementInput = z
  .object({
    setlId: z.string().min(1).max(30),
    operatorId: z.string().min(1).max(30),
    pin: z.string().min(4).max(12),
  })
  .strict();
export const reconcileDayInput = z.object({ day: day.optional() }).strict();
/** The finance office's CSV of this terminal's day. */
export const exportDayCsvInput = z.object({ day: day.optional() }).strict();
/** Staff hand an orphan of the latest reconciliation to recovery for reversal (2601). */
export const reverseOrphanInput = z
  .object({
    msgid: z.string().regex(/^[A-Z0-9]{30}$/),
    operatorId: z.string().min(1).max(30),
    pin: z.string().min(4).max(12),
    reason: z.string().trim().min(2).max(200),
  })
  .strict();

/** Staff settle an attempt recovery could not (diagnostics → 待人工处理), with their PIN and a reason. */
export const resolveUnresolvedInput = z
  .object({
    msgid: z.string().regex(/^[A-Z0-9]{30}$/),
    resolution: z.enum(['reversed', 'settled', 'never-happened']),
    operatorId: z.string().min(1).max(30),
    pin: z.string().min(4).max(12),
    reason: z.string().trim().min(2).max(200),
  })
  .strict();
export const listUnresolvedInput = z.object({}).strict();
/** Staff reprint a slip of today: its msgid (printed on every slip, also as a QR code) or a setl_id, typed or scanned. */
export const findReceiptInput = z.object({ reference: z.string().trim().min(1).max(40) }).strict();
