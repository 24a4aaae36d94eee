import type { KioskHandlers } from '../../../shared/ipc/contract';
import { KioskError } from '../../../shared/result';
import type { CoreDeps } from './deps';
import { unwrap } from './outcome';

type AdminHandlers = Pick<
  KioskHandlers,
  | 'adminUnlock'
  | 'adminLock'
  | 'getDiagnostics'
  | 'reconcileDay'
  | 'listUnresolved'
  | 'resolveUnresolved'
  | 'signInOperator'
  | 'signOutOperator'
  | 'exitKiosk'
  | 'getMetrics'
  | 'exportMetricsCsv'
  | 'listDemoPersons'
  | 'demoEnrolFace'
  | 'exportDayCsv'
  | 'reverseOrphan'
  | 'findReceipt'
>;

/** Staff-only functions: each call carries the token the admin PIN unlocked. */
export function adminHandlers(deps: CoreDeps): AdminHandlers {
  const guard = (token: string) => {
    if (!deps.admin.holds(token)) throw new KioskError('NOT_AUTHORISED', 'admin session expired or not unlocked', { next: 'call-staff' });
  };
  const demo = () => {
    if (!deps.demo) throw new KioskError('NOT_AVAILABLE', 'face enrolment is for demo terminals on the sandbox only');
    return deps.demo;
  };
  return {
    adminUnlock: async ({ pin }) => {
      const answer = deps.admin.unlock(pin);
      if (answer.ok) return { adminToken: answer.token, expiresAt: answer.expiresAt };
      if (answer.reason === 'locked') {
        throw new KioskError('LOCKED_OUT', `locked until ${new Date(answer.lockedUntil).toISOString()}`, { next: 'call-staff' });
      }
      throw new KioskError('NOT_AUTHORISED', `wrong PIN, ${answer.attemptsLeft} attempts left`, { next: 'retry', attemptsLeft: answer.attemptsLeft });
    },
    adminLock: async ({ adminToken }) => {
      deps.admin.revoke(adminToken);
      return { locked: true };
    },
    getDiagnostics: async ({ adminToken }) => {
      guard(adminToken);
      const { config } = deps;
      return {
        version: deps.version,
        shell: deps.shell,
        configSource: deps.configSource,
        mode: config.terminal.mode,
        institution: `${config.institution.name} (${config.institution.code})`,
        terminalId: config.terminal.id,
        printer: config.printer.deviceName || 'PDF (no printer configured)',
        journal: { unresolved: deps.journal.unresolved(), needStaff: deps.journal.needStaff(), hisOwed: deps.journal.hisOwed() },
        health: await deps.healthReport(),
      };
    },
    reconcileDay: async ({ adminToken, ...request }) => {
      guard(adminToken);
      return unwrap(await deps.settlement.reconcileDay(request));
    },
    listUnresolved: async ({ adminToken }) => {
      guard(adminToken);
      return unwrap(await deps.settlement.listUnresolved({}));
    },
    resolveUnresolved: async ({ adminToken, ...request }) => {
      guard(adminToken);
      return unwrap(await deps.settlement.resolveUnresolved(request));
    },
    signInOperator: async ({ adminToken, operatorId, pin }) => {
      guard(adminToken);
      const operator = await deps.signInOperator(operatorId, pin);
      if (!operator) throw new KioskError('NOT_AUTHORISED', 'operator ID or PIN not accepted', { next: 'retry' });
      return { operator };
    },
    signOutOperator: async ({ adminToken }) => {
      guard(adminToken);
      await deps.signOutOperator();
      return { signedOut: true };
    },
    exitKiosk: async ({ adminToken }) => {
      guard(adminToken);
      return { exiting: deps.exitKiosk() };
    },
    listDemoPersons: async ({ adminToken }) => {
      guard(adminToken);
      return demo().persons();
    },
    demoEnrolFace: async ({ adminToken, psnNo, photo }) => {
      guard(adminToken);
      const answer = await demo().enrol(psnNo, photo);
      if ('problem' in answer) throw new KioskError('VALIDATION_FAILED', answer.problem, { next: 'retry' });
      return { enrolled: true, maskedName: answer.maskedName };
    },
    getMetrics: async ({ adminToken, day }) => {
      guard(adminToken);
      return deps.metrics.summary(day ?? deps.metrics.today());
    },
    exportMetricsCsv: async ({ adminToken, ...range }) => {
      guard(adminToken);
      return { csv: deps.metrics.exportCsv(range) };
    },
    exportDayCsv: async ({ adminToken, ...request }) => {
      guard(adminToken);
      return unwrap(await deps.settlement.exportDayCsv(request));
    },
    // The admin token opens the page; moving money back also takes an operator's own PIN, checked in the use-case.
    reverseOrphan: async ({ adminToken, ...request }) => {
      guard(adminToken);
      return unwrap(await deps.settlement.reverseOrphan(request));
    },
    findReceipt: async ({ adminToken, ...request }) => {
      guard(adminToken);
      return unwrap(await deps.settlement.findReceipt(request));
    },
  };
}
