import { useCallback, useEffect, useState } from 'react';
import type { Diagnostics } from '../../shared/ipc/contract';
import type { KioskErrorInfo } from '../../shared/result';
import { useCounterApi } from '../flows/useCounter';
import { useKioskStore } from '../store';
import { selectAdminToken } from '../store/selectors';

export interface DiagnosticsState {
  diag: Diagnostics | null;
  /** Cameras the page itself sees (main hears of a camera only once a face screen used it); null when it cannot tell. */
  cameras: number | null;
  error: Pick<KioskErrorInfo, 'code' | 'message'> | null;
  loading: boolean;
  refresh(): void;
}

const countCameras = async (): Promise<number | null> => {
  if (!navigator.mediaDevices?.enumerateDevices) return null;
  try {
    return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput').length;
  } catch {
    return null;
  }
};

/** Main's diagnostics and the page's camera count, read once per admin visit and on 重新检查. */
export function useDiagnostics(): DiagnosticsState {
  const api = useCounterApi();
  const adminToken = useKioskStore(selectAdminToken);
  const [state, setState] = useState<Omit<DiagnosticsState, 'refresh'>>({ diag: null, cameras: null, error: null, loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!adminToken) return undefined;
    let live = true;
    void Promise.all([api.getDiagnostics({ adminToken }), countCameras()]).then(([answer, cameras]) => {
      if (!live) return;
      setState(answer.ok ? { diag: answer.value, cameras, error: null, loading: false } : { diag: null, cameras, error: answer.error, loading: false });
    });
    return () => {
      live = false;
    };
  }, [api, adminToken, round]);
  const refresh = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    setRound((n) => n + 1);
  }, []);
  return { ...state, refresh };
}
