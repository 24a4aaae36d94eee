import type { ReconcileGroup } from '../../shared/types/settlement';
import type { MessageKey, Translate } from '../i18n';

const INSUTYPES = ['310', '320', '330', '340', '390', '392', '510'] as const;
const CLR_TYPES = ['11', '21', '41'] as const;

/** The insurance type by its name (310 → 职工基本医疗保险); an unlisted one by its code. */
export function insutypeName(t: Translate, code: string): string {
  return (INSUTYPES as readonly string[]).includes(code) ? t(`adm.insutype.${code}` as MessageKey) : t('adm.insutype.other', { code });
}

/** The clearing type by its name (41 → 定点药店购药); an unlisted one by its code. */
export function clrTypeName(t: Translate, code: string): string {
  return (CLR_TYPES as readonly string[]).includes(code) ? t(`adm.clrType.${code}` as MessageKey) : t('adm.clrType.other', { code });
}

type Amounts = Pick<ReconcileGroup, 'count' | 'medfeeFen' | 'fundFen' | 'accountFen'>;

/** What patients paid in cash: the total less what the fund and their accounts paid. */
export const cashFen = (g: Amounts): number => g.medfeeFen - g.fundFen - g.accountFen;

/** The day's totals of this terminal across its groups (cancellations are already negative). */
export function dayTotals(groups: readonly Amounts[]): Amounts & { cashFen: number } {
  const sum = (pick: (g: Amounts) => number) => groups.reduce((n, g) => n + pick(g), 0);
  const totals = { count: sum((g) => g.count), medfeeFen: sum((g) => g.medfeeFen), fundFen: sum((g) => g.fundFen), accountFen: sum((g) => g.accountFen) };
  return { ...totals, cashFen: cashFen(totals) };
}
