import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import type { PendingReceipt, SettlementReceipt } from '../../../shared/types/settlement';
import type { AdmissionSlip } from '../../../shared/types/staffDesk';
import type { FaceIdentityService } from '../../face/faceIdentity';
import type { CounterOperatorView } from '../../settlement/counterOperator';
import type { settlementApi } from '../../settlement/usecases';
import type { OperatorAuthoriser } from '../../settlement/usecases/operators';
import type { AdminGate } from '../adminGate';
import type { CardReader } from '../devices/cardReader';
import type { HealthReport } from '../health/healthReport';
import type { DeviceReports } from '../health/kioskProbes';
import type { Logger } from '../logging/logger';
import type { MetricsStore } from '../metrics/metricsStore';
import type { Fetch } from '../platformHealth';
import type { StaffCallChannel } from '../staffCalls/channel';

export interface DemoEnrolment {
  persons(): Promise<Array<{ psnNo: string; maskedName: string; enrolled: boolean }>>;
  enrol(psnNo: string, photo: string): Promise<{ maskedName: string } | { problem: string }>;
}

/** Everything the kiosk API's handlers touch, injected so they run under Electron, the bridge and tests alike. */
export interface CoreDeps {
  config: TerminalConfig;
  configSource: string;
  /** The platform actually used: the embedded sandbox's URL or the configured one. */
  platformUrl: string;
  shell: 'electron' | 'browser-bridge';
  version: string;
  /** Running against the embedded sandbox. */
  isDemo: boolean;
  clock: () => Date;
  fetch: Fetch;
  /** Raises the counter's staff call (light, sound, staff screen); returns when raised. */
  raiseStaffCall(ticket: string, reason: string, screen: string): void;
  /** Sends staff calls to the configured webhook (electron/core/staffCalls). */
  staffCalls: Pick<StaffCallChannel, 'raise'>;
  settlement: ReturnType<typeof settlementApi>;
  journal: { unresolved(): number; needStaff(): number; hisOwed(): number };
  /** The counter's operator (electron/settlement/counterOperator.ts): signed in with their own PIN, kept by main. */
  signInOperator(operatorId: string, pin: string): Promise<CounterOperatorView | undefined>;
  currentOperator(): CounterOperatorView | undefined;
  signOutOperator(): Promise<void>;
  face: FaceIdentityService;
  /** The counter's social-security card reader (electron/core/devices); absent: staff type the card's printed number. */
  cardReader?: CardReader | undefined;
  operators: OperatorAuthoriser;
  admin: AdminGate;
  printReceipt(receipt: SettlementReceipt | PendingReceipt | AdmissionSlip): Promise<{ via: 'printer' | 'pdf' | 'browser'; detail: string }>;
  /** Leaves kiosk mode (Electron); false where there is nothing to exit (the bridge). */
  exitKiosk(): boolean;
  /** Present only against the embedded sandbox: the demo menu's face enrolment. */
  demo?: DemoEnrolment;
  logger: Logger;
  devices: DeviceReports;
  metrics: MetricsStore;
  healthReport(): Promise<HealthReport>;
}
