import type { KioskHandlers } from '../../../shared/ipc/contract';
import { KioskError } from '../../../shared/result';
import type { CoreDeps } from './deps';
import { unwrap } from './outcome';

type StaffDeskHandlers = Pick<KioskHandlers, 'confirmCashTaken' | 'findTodaySettlements' | 'endShift'>;

/**
 * The staff side of a counter: cash taken, today's lookup (other patients' masked names and
 * amounts) and the shift's end, each with the signed-in operator's own PIN, or, for the lookup,
 * the admin pages' token. The page sends a PIN only: main names whose it is (the operator it
 * keeps signed in), so the PIN is checked against them and their lockout counts and applies
 * (LOCKED_OUT with the time it ends, from the API's lockout wrapper), whatever the page says.
 */
export function staffDeskHandlers(deps: CoreDeps): StaffDeskHandlers {
  const signedIn = (): string => {
    const who = deps.currentOperator();
    if (!who) throw new KioskError('NOT_AUTHORISED', '本窗口没有操作员签到', { next: 'call-staff' });
    return who.id;
  };
  return {
    confirmCashTaken: async (request) => unwrap(await deps.settlement.confirmCashTaken({ ...request, operatorId: signedIn() })),
    findTodaySettlements: async ({ pin, adminToken, ...query }) => {
      if (adminToken !== undefined && deps.admin.holds(adminToken)) return unwrap(await deps.settlement.findTodaySettlements(query));
      if (pin === undefined) throw new KioskError('NOT_AUTHORISED', '需要操作员密码', { next: 'retry' });
      return unwrap(await deps.settlement.findTodaySettlements({ ...query, operatorId: signedIn(), pin }));
    },
    endShift: async ({ pin }) => {
      const operatorId = signedIn();
      unwrap(await deps.settlement.checkShiftEnd({ operatorId, pin }));
      // Only the operator whose PIN it was: a sign-in by someone else in between is not ended by it.
      if (deps.currentOperator()?.id === operatorId) await deps.signOutOperator();
      return { signedOut: true };
    },
  };
}
