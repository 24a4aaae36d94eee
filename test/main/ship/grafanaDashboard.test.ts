import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { createKioskPrometheus, exportedSeriesNames } from '../../../electron/core/metrics/prometheus';

/**
 * build/grafana-dashboard.json: valid against the checked-in JSON schema of the dashboard parts
 * it uses, and naming in its queries only series a kiosk's /metrics exports, so a renamed or
 * misspelled metric shows here and not as an empty panel in a hospital's Grafana.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const dashboard = JSON.parse(readFileSync(path.join(ROOT, 'build', 'grafana-dashboard.json'), 'utf8')) as Dashboard;
const schema = z.fromJSONSchema(JSON.parse(readFileSync(path.join(__dirname, 'grafanaDashboard.schema.json'), 'utf8')));

interface Dashboard {
  panels: Array<{ id: number; title: string; gridPos: { w: number; x: number }; targets?: Array<{ expr: string }> }>;
  templating: { list: Array<{ name: string; definition?: string }> };
}

/** PromQL keywords that are not followed by a parenthesis (functions are recognised by theirs). */
const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan']);

/** The series names a PromQL expression (or a Grafana label_values query) reads. */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\blabel_values\(\s*([a-zA-Z_:][\w:]*)\s*,\s*\w+\s*\)/g, '$1')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '')
    .replace(/\$\{?\w+\}?/g, '');
  return [...bare.matchAll(/(?<![\w.$])([a-zA-Z_:][\w:]*)(?![\w:]|\s*\()/g)].map((m) => m[1]!).filter((name) => !KEYWORDS.has(name));
}

const queries = (d: Dashboard) => [
  ...d.panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ where: `panel ${panel.id} "${panel.title}"`, expr: target.expr }))),
  ...d.templating.list.filter((v) => v.definition).map((v) => ({ where: `variable $${v.name}`, expr: v.definition! })),
];

const exported = exportedSeriesNames(createKioskPrometheus({ terminalId: 'KIOSK-01', mode: 'cashier', version: 'test' }).registry);
const unknownNames = (d: Dashboard) =>
  queries(d).flatMap(({ where, expr }) => metricNames(expr).filter((name) => !exported.has(name)).map((name) => `${where}: ${name}`));

describe('the Grafana dashboard', () => {
  it('is valid against the schema of the dashboard parts it uses', () => {
    const result = schema.safeParse(dashboard);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('the schema has teeth: a query without expr, a panel wider than the grid, an unknown panel type', () => {
    const broken = (change: (d: Dashboard & { panels: Array<Record<string, unknown>> }) => void) => {
      const copy = JSON.parse(JSON.stringify(dashboard));
      change(copy);
      return schema.safeParse(copy).success;
    };
    expect(broken(() => undefined)).toBe(true);
    expect(broken((d) => delete (d.panels.find((p) => p.targets)!.targets as Array<{ expr?: string }>)[0]!.expr)).toBe(false);
    expect(broken((d) => ((d.panels[1]!.gridPos as { w: number }).w = 25))).toBe(false);
    expect(broken((d) => (d.panels[1]!.type = 'graphh'))).toBe(false);
  });

  it('lays its panels out on the 24-column grid with unique ids', () => {
    expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
    expect(dashboard.panels.filter((p) => p.gridPos.x + p.gridPos.w > 24)).toEqual([]);
  });

  it('names only series the kiosk exports, each query at least one', () => {
    for (const { where, expr } of queries(dashboard)) expect({ where, names: metricNames(expr).length > 0 }).toEqual({ where, names: true });
    expect(unknownNames(dashboard)).toEqual([]);
  });

  it('shows what IT asked for: settlements, identification, liveness, steps, journal, platform, process', () => {
    const named = new Set(queries(dashboard).flatMap(({ expr }) => metricNames(expr)));
    for (const name of [
      'facesettle_settlements_total',
      'facesettle_identifications_total',
      'facesettle_liveness_failures_total',
      'facesettle_step_duration_seconds_bucket',
      'facesettle_journal_unresolved',
      'facesettle_journal_his_owed',
      'facesettle_platform_up',
      'facesettle_platform_call_duration_seconds_bucket',
      'process_cpu_seconds_total',
    ]) {
      expect(named).toContain(name);
    }
  });

  it('fails on a misspelled metric', () => {
    const misspelled = JSON.parse(JSON.stringify(dashboard).replace(/facesettle_settlements_total/g, 'facesettle_settlement_total')) as Dashboard;
    expect(unknownNames(misspelled)).toEqual(expect.arrayContaining([expect.stringMatching(/: facesettle_settlement_total$/)]));
  });

  it('reads metric names out of PromQL, not labels, functions, ranges or variables', () => {
    expect(metricNames('histogram_quantile(0.9, sum by (le, step) (rate(a_bucket{terminal=~"$terminal",x="y{z}"}[$__rate_interval])))')).toEqual(['a_bucket']);
    expect(metricNames('sum(rate(b_total[5m])) / sum without (le) (c) and on (terminal) d offset 5m * 60')).toEqual(['b_total', 'c', 'd']);
    expect(metricNames('label_values(facesettle_build_info, terminal)')).toEqual(['facesettle_build_info']);
  });
});
