import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createKioskPrometheus, IDENTIFICATION_WAYS, type KioskPrometheus } from '../../../electron/core/metrics/prometheus';
import { withIdentificationMetrics } from '../../../electron/core/metrics/prometheusFeed';
import type { KioskHandlers } from '../../../shared/ipc/contract';
import { KIOSK_METHODS, type KioskMethod } from '../../../shared/ipc/methods';
import { KioskError } from '../../../shared/result';
import { stubHandlers } from '../support/stubHandlers';

/** Every way a patient is identified shows on the fleet's dashboard: no identify method goes uncounted. */
const small = () => createKioskPrometheus({ terminalId: 'KIOSK-07', mode: 'cashier', version: '1.2.3', processMetrics: false });

/** The identifications counter's samples as { way, outcome, value }. */
async function identifications(prometheus: KioskPrometheus) {
  const metric = prometheus.registry.getSingleMetric('facesettle_identifications_total');
  if (!metric) throw new Error('facesettle_identifications_total is not registered');
  return (await metric.get()).values.map((v) => ({ way: String(v.labels.way), outcome: String(v.labels.outcome), value: v.value }));
}

/**
 * The methods under "// Identification" in shared/ipc/methods.ts, and any method named identify*:
 * where a new way in is added, whoever adds it puts it.
 */
function identifyMethods(): KioskMethod[] {
  const source = readFileSync(path.join(__dirname, '../../../shared/ipc/methods.ts'), 'utf8');
  const block = /\/\/ Identification\n([\s\S]*?)\n\s*\/\//.exec(source)?.[1];
  if (!block) throw new Error('shared/ipc/methods.ts has no "// Identification" block any more: update this test');
  const listed = [...block.matchAll(/'(\w+)'/g)].map((m) => m[1]!);
  const named = KIOSK_METHODS.filter((m) => m.startsWith('identify'));
  return [...new Set([...listed, ...named])].filter((m): m is KioskMethod => (KIOSK_METHODS as readonly string[]).includes(m));
}
/** In the Identification block but identifying no one, with why. */
const NOT_A_WAY_IN: Partial<Record<KioskMethod, string>> = {
  endSession: 'forgets the identified person; it answers no identification',
};

describe('identification by way on /metrics', () => {
  it('counts a card-reader read by its answer, apart from a typed card number', async () => {
    const prometheus = small();
    const answers = [{ status: 'no-card' }, { status: 'unreadable' }, { status: 'no-card' }] as const;
    let call = 0;
    const handlers = withIdentificationMetrics(
      stubHandlers({
        identifyByCardReader: async () => answers[call++]!,
        identifyByCard: async () => {
          throw new KioskError('PERSON_NOT_FOUND', '没有找到这张社保卡', { next: 'other-id' });
        },
      }),
      prometheus,
    );
    for (const answer of answers) expect(await handlers.identifyByCardReader({})).toEqual(answer);
    await expect(handlers.identifyByCard({ cardNo: 'A1', cardSn: 'x' })).rejects.toMatchObject({ code: 'PERSON_NOT_FOUND' });
    expect(await identifications(prometheus)).toEqual(
      expect.arrayContaining([
        { way: 'card-reader', outcome: 'no-card', value: 2 },
        { way: 'card-reader', outcome: 'unreadable', value: 1 },
        { way: 'card', outcome: 'person-not-found', value: 1 },
      ]),
    );
    expect((await identifications(prometheus)).filter((s) => s.value > 0)).toHaveLength(3);
  });

  it('counts every identify method of the kiosk API under a way of its own', async () => {
    const methods = identifyMethods().filter((m) => !(m in NOT_A_WAY_IN));
    // The block parse found the known ways, so a broken parse cannot pass by finding none.
    expect(methods).toEqual(expect.arrayContaining(['identifyByFace', 'identifyByCard', 'identifyByCardReader']));
    const prometheus = small();
    // Every stub refuses NOT_AVAILABLE: a wrapped method counts one `not-available` under its way.
    const handlers = withIdentificationMetrics(stubHandlers({}), prometheus) as unknown as Record<string, (r: unknown) => Promise<unknown>>;
    const unmapped: string[] = [];
    const wayOf = new Map<string, string>();
    for (const method of methods) {
      const before = await identifications(prometheus);
      await expect(handlers[method]!({})).rejects.toBeInstanceOf(KioskError);
      const after = await identifications(prometheus);
      const grown = after.filter((s) => s.value > (before.find((b) => b.way === s.way && b.outcome === s.outcome)?.value ?? 0));
      if (grown.length !== 1) unmapped.push(method);
      else wayOf.set(method, grown[0]!.way);
    }
    expect(unmapped).toEqual([]);
    expect([...wayOf.values()].every((way) => (IDENTIFICATION_WAYS as readonly string[]).includes(way))).toBe(true);
    // One way per method: two methods under one label could not be told apart on the dashboard.
    expect(new Set(wayOf.values()).size).toBe(wayOf.size);
  });

  it('leaves the other methods uncounted', async () => {
    const prometheus = small();
    const handlers: KioskHandlers = withIdentificationMetrics(stubHandlers({}), prometheus);
    await expect(handlers.getAppInfo({})).rejects.toMatchObject({ code: 'NOT_AVAILABLE' });
    await expect(handlers.endSession({ personRef: '7f1c2a54-0a0b-4c3d-9e8f-001122334455' } as never)).rejects.toMatchObject({ code: 'NOT_AVAILABLE' });
    expect(await identifications(prometheus)).toEqual([]);
  });
});
