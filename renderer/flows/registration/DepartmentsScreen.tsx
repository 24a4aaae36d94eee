import { ScreenFrame } from '../../components/ScreenFrame';
import { ScrollBox } from '../../components/ScrollBox';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectSlots } from '../../store/selectors';

/** First of two decisions: which department (only those with places left). */
export function DepartmentsScreen() {
  const t = useT();
  const slots = useKioskStore(selectSlots);
  const choose = useKioskStore((s) => s.chooseDepartment);
  const goTo = useKioskStore((s) => s.goTo);
  const departments = [...new Set(slots.filter((s) => s.remaining > 0).map((s) => s.deptName))];
  return (
    <ScreenFrame name="departments" title={t('dept.title')} back={() => goTo('is-this-you')}>
      {departments.length === 0 ? <p className="screen__lead">{t('dept.none')}</p> : null}
      <ScrollBox label={t('dept.title')} className="choices">
        {departments.map((name) => (
          <button key={name} type="button" className="button button--primary button--choice" onClick={() => choose(name)}>
            {name}
          </button>
        ))}
      </ScrollBox>
    </ScreenFrame>
  );
}
