import { useEffect, useState } from 'react';
import { useCounterApi } from '../flows/useCounter';
import { useKioskStore } from '../store';
import { selectAdminToken } from '../store/selectors';
import { FactList } from '../components/FactList';

type Rows = [string, string][];

/** Flattens nested diagnostics into "a.b: value" rows a technician can read aloud on the phone. */
function rowsOf(value: unknown, prefix = ''): Rows {
  if (value === null || typeof value !== 'object') return [[prefix || 'value', String(value)]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => rowsOf(v, prefix ? `${prefix}.${key}` : key));
}

/** Camera, backend, platform reachability, journal state: what the main process reports, plus the camera seen from here. */
export function DiagnosticsSection() {
  const api = useCounterApi();
  const adminToken = useKioskStore(selectAdminToken);
  const [rows, setRows] = useState<Rows>([]);
  useEffect(() => {
    if (!adminToken) return;
    let live = true;
    void (async () => {
      const [diag, cameras] = await Promise.all([
        api.getDiagnostics({ adminToken }),
        navigator.mediaDevices?.enumerateDevices().then((d) => d.filter((x) => x.kind === 'videoinput').length).catch(() => 0) ?? Promise.resolve(0),
      ]);
      if (!live) return;
      setRows([
        ['camera.devices', String(cameras)],
        // The health checks first: what is failing is what the technician came for.
        ...(diag.ok
          ? [...rowsOf(diag.value.health.checks, 'check'), ...rowsOf({ ...diag.value, health: { status: diag.value.health.status } })]
          : [['diagnostics', diag.error.message] as [string, string]]),
      ]);
    })();
    return () => {
      live = false;
    };
  }, [api, adminToken]);
  return (
    <div className="admin__section">
      <FactList rows={rows} className="facts facts--small facts--columns" testId="diagnostics" />
    </div>
  );
}
