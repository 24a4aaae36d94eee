import { join } from 'node:path';
import { DEMO_PERSONS } from '../../../../sandbox/seed/demoPersons';
import { pharmacyConfig } from '../engineOptions';
import { startHarness, type Harness } from '../harness';
import { FLOWS } from './flows';
import { checkIntegrity } from './invariants';

/** The campaign's check must fail when the claim is broken, or its passing proves nothing. */
describe('integrity check', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness(pharmacyConfig)));
  afterAll(() => h.close());

  const initial = new Map(DEMO_PERSONS.map((p) => [p.psnNo, p.accountBalanceFen]));
  const check = () => checkIntegrity(join(h.dir, 'sandbox', 'sandbox.db'), [join(h.dir, `kiosk-${pharmacyConfig.institution.code}.db`)], initial);

  it('passes on honest work and names each kind of breach', async () => {
    const engine = h.engine();
    await FLOWS.pharmacy!.run(engine, DEMO_PERSONS[0]!.certno, {});
    expect(check()).toEqual([]);

    const [row] = engine.db.prepare('SELECT msgid FROM journal').all() as { msgid: string }[];
    engine.db.prepare("UPDATE journal SET state = 'unknown' WHERE msgid = ?").run(row!.msgid);
    expect(check()).toEqual([
      expect.stringMatching(/is unknown, not final/),
      expect.stringMatching(/journal says unknown/),
      expect.stringMatching(/^balance of 42120000000000000001: platform \d+, journal implies 352000$/),
    ]);

    engine.db.prepare('DELETE FROM journal WHERE msgid = ?').run(row!.msgid);
    expect(check()).toEqual([
      expect.stringMatching(/^platform did 2102 .* with no journal entry$/),
      expect.stringMatching(/^balance of 42120000000000000001: platform \d+, journal implies 352000$/),
    ]);
  });
});
