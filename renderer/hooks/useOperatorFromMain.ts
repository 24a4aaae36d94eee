import { useEffect } from 'react';
import { useCounterApi } from '../flows/useCounter';
import { useKioskStore } from '../store';

/**
 * Who main has signed in at this counter, mirrored into the store whenever a screen that needs
 * it opens: main keeps the sign-in (it survives reloads and restarts), the page only shows it.
 */
export function useOperatorFromMain(): void {
  const api = useCounterApi();
  const update = useKioskStore((s) => s.updateSettings);
  useEffect(() => {
    let live = true;
    void api.getOperator({}).then((result) => {
      if (live && result.ok) update({ operatorId: result.value.operator?.id ?? null });
    });
    return () => {
      live = false;
    };
  }, [api, update]);
}
