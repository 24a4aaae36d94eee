import { useCallback, useRef, useState } from 'react';
import { useMetric } from '../../app/metrics';
import { useCounter } from '../../flows/useCounter';

/**
 * Identification by the e-voucher QR code, from wherever it is read: the QR screen's field, or a
 * scan on the home and other-ways screens. One at a time: a second scan while the first is
 * being asked is dropped.
 */
export function useQrIdentify(): { identify(payload: string): Promise<void>; busy: boolean } {
  const { api, run, takeIdentity } = useCounter();
  const metric = useMetric();
  const [busy, setBusy] = useState(false);
  const asking = useRef(false);
  const identify = useCallback(
    async (payload: string) => {
      const code = payload.trim();
      if (!code || asking.current) return;
      asking.current = true;
      setBusy(true);
      const answer = await run(api.identifyByQr({ payload: code }), 'qr');
      asking.current = false;
      setBusy(false);
      if (answer?.status === 'identified') metric({ type: 'fallback', via: 'qr' });
      if (answer) takeIdentity(answer, 'qr');
    },
    [api, run, takeIdentity, metric],
  );
  return { identify, busy };
}
