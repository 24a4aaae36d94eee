import { useEffect } from 'react';
import { useCounterApi } from '../flows/useCounter';
import { useKioskStore } from '../store';

/**
 * Who main has signed in at this counter, asked whenever a screen that needs it opens (and on a
 * page reload, by the staff banner): main keeps the sign-in, which survives reloads and restarts
 * and ends when the platform day turns, so the page shows main's answer and never keeps its own.
 */
export function useOperatorFromMain(): void {
  const api = useCounterApi();
  const setOperator = useKioskStore((s) => s.setOperatorFromMain);
  useEffect(() => {
    let live = true;
    void api.getOperator({}).then((result) => {
      if (live && result.ok) setOperator(result.value.operator);
    });
    return () => {
      live = false;
    };
  }, [api, setOperator]);
}
