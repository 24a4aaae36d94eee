import { useT } from '../i18n';
import { useKioskStore } from '../store';
import { selectMode, selectOperator, selectScreen } from '../store/selectors';
import './staff.css';

/**
 * Who runs the counter, in the header beside the staff entry (as main keeps it). Between
 * patients (the home screen, after 完成) it is also the staff side's way to 今日结算, which asks
 * the operator's PIN; while a patient is served it is only a name, so nobody's visit is left.
 */
export function OperatorChip() {
  const t = useT();
  const operator = useKioskStore(selectOperator);
  const screen = useKioskStore(selectScreen);
  const mode = useKioskStore(selectMode);
  const goTo = useKioskStore((s) => s.goTo);
  if (!operator) return null;
  // The name alone: the header is narrow on a 1280 or portrait screen, and staff know their numbers.
  const who = <span data-testid="staff-operator">{operator.name}</span>;
  if (screen !== 'home' || mode === 'registration') return <div className="staff-operator">{who}</div>;
  return (
    <button
      type="button"
      className="button button--quiet staff-operator staff-operator--open"
      aria-label={`${operator.name} ${t('today.short')}`}
      onClick={() => goTo('today')}
    >
      {who}
      <span className="staff-operator__action">{t('today.short')}</span>
    </button>
  );
}
