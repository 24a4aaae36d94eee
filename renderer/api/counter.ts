import type { KioskErrorInfo } from '../../shared/result';
import type { PendingReceipt, SettlementReceipt } from '../../shared/types/settlement';

/**
 * The settlement shapes as the counter's screens name them; the IPC contract
 * (shared/ipc/contract.ts) and shared/types/settlement.ts are the source of truth.
 */
export type {
  AdmissionResult as AdmissionAnswer,
  BillView as Bill,
  CatalogueProduct as Product,
  IdentifiedPerson as Person,
  QuoteView,
  ReconcileReport,
  RegistrationSlot as Slot,
} from '../../shared/types/settlement';
export type { FaceIdentification, QrIdentification } from '../../shared/ipc/contract';

export type Receipt = SettlementReceipt | PendingReceipt;

/** A failure as the main process sends it; a wrong PIN also says how many tries are left. */
export type CounterError = KioskErrorInfo & { attemptsLeft?: number };
