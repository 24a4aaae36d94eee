import type { KioskCore } from './startCore';

/**
 * What IT needs on the console at start, one fact a line: mode, where the configuration came
 * from, the platform and the health endpoint (and which variable moves each port).
 */
export function startupSummary(core: Pick<KioskCore, 'config' | 'configSource' | 'platformUrl' | 'healthUrl' | 'healthProblem'>, extra: Record<string, string> = {}): string {
  const rows: Array<[string, string]> = [
    ['mode', `${core.config.terminal.mode} (terminal ${core.config.terminal.id})`],
    ['config', core.configSource],
    ['platform', core.platformUrl],
    ['health', core.healthUrl ?? core.healthProblem ?? 'off (FACESETTLE_HEALTH_PORT=off)'],
    ...Object.entries(extra),
  ];
  const width = Math.max(...rows.map(([key]) => key.length));
  return ['FaceSettle started', ...rows.map(([key, value]) => `  ${key.padEnd(width)}  ${value}`)].join('\n');
}
