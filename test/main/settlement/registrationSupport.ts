import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';
import type { SettlementEngine } from '../../../electron/settlement/engine';
import { identifyByIdNumber } from '../../../electron/settlement/usecases/identify';
import { listRegistrationSlots, prepareRegistration } from '../../../electron/settlement/usecases/outpatient';
import { confirmSettlement } from '../../../electron/settlement/usecases/settle';

/** A resident: no personal account, so a registration leaves cash due (a 2207 the cashier takes cash for). */
export const RESIDENT = DEMO_PERSONS[1]!;

// Each registration takes a slot no earlier one in this test file took (jest loads this module afresh per file).
let nextSlot = 0;

/**
 * The resident registered as staff type it at the counter: identified by ID number, the day's next
 * slot quoted, then confirmed. The confirmation's answer is returned as it came.
 */
export async function registerResident(engine: SettlementEngine) {
  const id = await identifyByIdNumber(engine.ctx, { certno: RESIDENT.certno });
  if (!id.ok) throw new Error(id.error.code);
  const slots = await listRegistrationSlots(engine.ctx, {});
  if (!slots.ok) throw new Error(slots.error.code);
  const quote = await prepareRegistration(engine.ctx, { personRef: id.value.personRef, slotId: slots.value[nextSlot++]!.slotId });
  if (!quote.ok) throw new Error(quote.error.code);
  return { quote: quote.value, answer: await confirmSettlement(engine.ctx, { quoteId: quote.value.quoteId }) };
}

/** A registration of the resident, settled: its receipt. Anything but settled fails the test. */
export async function settledRegistration(engine: SettlementEngine) {
  const { answer } = await registerResident(engine);
  if (!answer.ok || answer.value.status !== 'settled') throw new Error(JSON.stringify(answer));
  return answer.value.receipt;
}
