import type { KioskHandlers } from '../../../shared/ipc/contract';
import { KioskError } from '../../../shared/result';
import type { CoreDeps } from './deps';
import { unwrap } from './outcome';
import { pinLockedMessage } from '../pinLockout';

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

/**
 * The page may show a failure's message as it is (renderer/admin/adminError.ts), so every message
 * here is staff's Chinese, saying what happened and what to do (test/main/handlerMessages.test.ts).
 */
const ADMIN_EXPIRED = '管理登录已过期或尚未进入：请按“返回服务”，再重新进入管理。';

/** Staff-only functions: each call carries the token the admin PIN unlocked. */
export function adminHandlers(deps: CoreDeps): AdminHandlers {
  const guard = (token: string) => {
    if (!deps.admin.holds(token)) throw new KioskError('NOT_AUTHORISED', ADMIN_EXPIRED, { next: 'call-staff' });
  };
  const demo = () => {
    if (!deps.demo) throw new KioskError('NOT_AVAILABLE', '演示人脸录入只在连接演示沙箱的终端上提供。');
    return deps.demo;
  };
  return {
    adminUnlock: async ({ pin }) => {
      const answer = deps.admin.unlock(pin);
      if (answer.ok) return { adminToken: answer.token, expiresAt: answer.expiresAt };
      if (answer.reason === 'locked') {
        throw new KioskError('LOCKED_OUT', pinLockedMessage(answer.lockedUntil, 'admin'), { next: 'call-staff' });
      }
      throw new KioskError('NOT_AUTHORISED', `管理密码不正确，还可以再试 ${answer.attemptsLeft} 次。`, { next: 'retry', attemptsLeft: answer.attemptsLeft });
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
      if (!operator) throw new KioskError('NOT_AUTHORISED', '工号或密码不正确，未签到，请重新输入。', { next: 'retry' });
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
      if ('problem' in answer) {
        // The sandbox says why in English, for IT's log; staff read what to do.
        deps.logger.warn('demo face enrolment refused', { problem: answer.problem });
        throw new KioskError('VALIDATION_FAILED', '这张照片没有录入成功：请一个人正对摄像头、光线充足，再拍一次。', { next: 'retry' });
      }
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
