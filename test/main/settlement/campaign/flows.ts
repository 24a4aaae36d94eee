import axios from 'axios';
import { DEMO_PERSONS } from '../../../../sandbox/seed/demoPersons';
import type { SettlementEngine } from '../../../../electron/settlement/engine';
import type { Outcome } from '../../../../electron/settlement/errors';
import { cancelSettlement } from '../../../../electron/settlement/usecases/cancel';
import { identify, identifyByIdNumber } from '../../../../electron/settlement/usecases/identify';
import { SettlementFailure } from '../../../../electron/settlement/errors';
import { DEMO_FAMILY, RELATIONS } from '../../../../sandbox/seed/demoFamily';
import { admitInpatient, prepareDischarge } from '../../../../electron/settlement/usecases/inpatient';
import { listRegistrationSlots, prepareOutpatientSettlement, prepareRegistration } from '../../../../electron/settlement/usecases/outpatient';
import { preparePharmacySettlement } from '../../../../electron/settlement/usecases/pharmacy';
import { confirmSettlement, type QuoteView, type SettleResult } from '../../../../electron/settlement/usecases/settle';
import { OPERATOR } from '../engineOptions';

/**
 * The counter flows the fault campaign drives, always inside a terminal's child process.
 * `setup` runs fault-free (the order a cashier settles, the settlement a cancel undoes); `run`
 * is the part under fault. What crosses between processes is plain JSON.
 */
export interface FlowEnv {
  sandboxUrl: string;
  index: number;
}

export interface FlowSpec {
  name: string;
  counter: 'hospital' | 'pharmacy';
  /**
   * Needs a sandbox of its own and a patient holding one of the demo hospital's two inpatient
   * stays (STAY_HOLDERS): the hospital system has no way to open more.
   */
  fresh?: boolean;
  /** The patient is one of FAMILY_PATIENTS and FAMILY_PAYER acts and pays for them (共济, issue 15). */
  family?: boolean;
  /** The transactions of `run`, in order: where a network fault can be injected. */
  steps: string[];
  /** The reversible ones among them: where the process can be killed. */
  reversible: string[];
  setup?(engine: SettlementEngine, certno: string, env: FlowEnv): Promise<Record<string, string>>;
  run(engine: SettlementEngine, certno: string, state: Record<string, string>): Promise<string>;
}

/** A flow ended early with a stable code: a normal, checked outcome under faults. */
export class FlowStopped extends Error {}

function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new FlowStopped(outcome.error.code);
  return outcome.value;
}

const personRef = async (engine: SettlementEngine, certno: string) => unwrap(await identifyByIdNumber(engine.ctx, { certno })).personRef;
const psnNoOf = (certno: string) => DEMO_PERSONS.find((p) => p.certno === certno)!.psnNo;
const describe = (result: SettleResult) => (result.status === 'settled' ? 'settled' : `pending ${result.receipt.reference}`);
const confirm = async (engine: SettlementEngine, quote: QuoteView) => unwrap(await confirmSettlement(engine.ctx, { quoteId: quote.quoteId }));

async function settledOrThrow(result: SettleResult): Promise<Record<string, string>> {
  if (result.status !== 'settled') throw new Error('setup did not settle');
  return { setlId: result.receipt.setlId };
}

async function pharmacySale(engine: SettlementEngine, certno: string): Promise<SettleResult> {
  const items = [
    { medinsListCodg: 'YP0001', cnt: 1 },
    { medinsListCodg: 'YP0004', cnt: 1 },
    { medinsListCodg: 'YP0007', cnt: 1 },
  ];
  return confirm(engine, unwrap(await preparePharmacySettlement(engine.ctx, { personRef: await personRef(engine, certno), items })));
}

/** A doctor's order in the HIS: one new pending bill of its own visit. */
async function order(env: FlowEnv, certno: string): Promise<string> {
  const items = [
    { code: 'FW0003', qty: 1 },
    { code: 'YP0005', qty: 1 + (env.index % 3) },
    { code: 'FW0004', qty: 1 },
  ];
  const bill = await axios.post(`${env.sandboxUrl}/his/orders`, { psnNo: psnNoOf(certno), doctorCode: 'DR001', items }, { proxy: false });
  return bill.data.billNo as string;
}

async function cashier(engine: SettlementEngine, certno: string, billNo: string): Promise<SettleResult> {
  return confirm(engine, unwrap(await prepareOutpatientSettlement(engine.ctx, { personRef: await personRef(engine, certno), billIds: [billNo] })));
}

/** The demo stay of the person (the HIS opens stays; the kiosk only admits them on the platform). */
async function stayOf(certno: string, env: FlowEnv): Promise<string> {
  const stays = (await axios.get(`${env.sandboxUrl}/his/persons/${psnNoOf(certno)}/stays`, { proxy: false })).data.stays as { stayNo: string }[];
  return stays[0]!.stayNo;
}

async function discharge(engine: SettlementEngine, certno: string, stayNo: string): Promise<SettleResult> {
  return confirm(engine, unwrap(await prepareDischarge(engine.ctx, { personRef: await personRef(engine, certno), stayNo })));
}

const cancelRun = async (engine: SettlementEngine, _certno: string, state: Record<string, string>) =>
  describe(unwrap(await cancelSettlement(engine.ctx, { setlId: state.setlId!, ...OPERATOR })));

async function admitted(engine: SettlementEngine, certno: string, stayNo: string) {
  const result = unwrap(await admitInpatient(engine.ctx, { personRef: await personRef(engine, certno), stayNo, diagCode: 'J18.900', diagName: '肺炎' }));
  return result.status;
}

/** Indexes into DEMO_PERSONS of the two holders of a demo inpatient stay. */
export const STAY_HOLDERS = [0, 3] as const;

/** 欧阳明, an employee, pays through 共济 for his bound spouse, child and father (sandbox/seed/demoFamily.ts). */
const FAMILY_PAYER = DEMO_PERSONS[0]!;
export const FAMILY_PATIENTS = DEMO_PERSONS.flatMap((p, i) =>
  DEMO_FAMILY.some((b) => b.payer === FAMILY_PAYER.psnNo && b.member === p.psnNo && b.mayMutualAid) ? [i] : [],
);

/**
 * The patient's session with the payer acting for them, as actForFamily opens it. The campaign's
 * sandboxes run without the e-voucher channel, so both are identified by ID number and the
 * binding is the seeded one; what is under test is every call after: 共济 on the wire, both
 * persons in the journal, both accounts on the platform.
 */
async function familyRef(engine: SettlementEngine, certno: string): Promise<string> {
  const payer = engine.ctx.people.get(await personRef(engine, FAMILY_PAYER.certno));
  const binding = DEMO_FAMILY.find((b) => b.payer === payer.psnNo && b.member === psnNoOf(certno))!;
  const held = {
    psnNo: payer.psnNo, name: payer.name, certno: payer.certno, insutype: payer.insutype, insuplcAdmdvs: payer.insuplcAdmdvs,
    certType: payer.certType, relation: RELATIONS[binding.relation], mutualAid: binding.mayMutualAid,
  };
  try {
    return (await identify(engine.ctx, { type: '02', no: certno, holder: { certType: '01', certno } }, engine.ctx.gateway, held)).personRef;
  } catch (error) {
    if (error instanceof SettlementFailure) throw new FlowStopped(error.code);
    throw error;
  }
}

async function familySale(engine: SettlementEngine, certno: string): Promise<SettleResult> {
  const items = [{ medinsListCodg: 'YP0001', cnt: 2 }, { medinsListCodg: 'YP0006', cnt: 1 }];
  return confirm(engine, unwrap(await preparePharmacySettlement(engine.ctx, { personRef: await familyRef(engine, certno), items })));
}

async function familyCashier(engine: SettlementEngine, certno: string, billNo: string): Promise<SettleResult> {
  return confirm(engine, unwrap(await prepareOutpatientSettlement(engine.ctx, { personRef: await familyRef(engine, certno), billIds: [billNo] })));
}

const OUTPATIENT_STEPS = ['2201', '2203', '2204', '2206', '2207'];

export const FLOWS: Record<string, FlowSpec> = {
  pharmacy: {
    name: 'pharmacy',
    counter: 'pharmacy',
    steps: ['1101', '2101', '2102'],
    reversible: ['2102'],
    run: async (engine, certno) => describe(await pharmacySale(engine, certno)),
  },
  'pharmacy-cancel': {
    name: 'pharmacy-cancel',
    counter: 'pharmacy',
    steps: ['2103'],
    reversible: ['2103'],
    setup: async (engine, certno) => settledOrThrow(await pharmacySale(engine, certno)),
    run: cancelRun,
  },
  outpatient: {
    name: 'outpatient',
    counter: 'hospital',
    steps: OUTPATIENT_STEPS,
    reversible: ['2207'],
    setup: async (_engine, certno, env) => ({ billNo: await order(env, certno) }),
    run: async (engine, certno, state) => describe(await cashier(engine, certno, state.billNo!)),
  },
  'outpatient-cancel': {
    name: 'outpatient-cancel',
    counter: 'hospital',
    steps: ['2208'],
    reversible: ['2208'],
    setup: async (engine, certno, env) => settledOrThrow(await cashier(engine, certno, await order(env, certno))),
    run: cancelRun,
  },
  registration: {
    name: 'registration',
    counter: 'hospital',
    steps: OUTPATIENT_STEPS,
    reversible: ['2207'],
    async setup(engine, _certno, env) {
      // Spread runs over the week's slots: a person cannot hold the same slot twice.
      const date = new Date(Date.now() + 8 * 3600_000 + (Math.floor(env.index / 10) % 7) * 86_400_000).toISOString().slice(0, 10);
      const slots = unwrap(await listRegistrationSlots(engine.ctx, { date }));
      return { slotId: String(slots[env.index % slots.length]!.slotId) };
    },
    async run(engine, certno, state) {
      const quote = unwrap(await prepareRegistration(engine.ctx, { personRef: await personRef(engine, certno), slotId: Number(state.slotId) }));
      return describe(await confirm(engine, quote));
    },
  },
  admission: {
    name: 'admission',
    counter: 'hospital',
    fresh: true,
    steps: ['2401'],
    reversible: ['2401'],
    setup: async (_engine, certno, env) => ({ stayNo: await stayOf(certno, env) }),
    run: async (engine, certno, state) => admitted(engine, certno, state.stayNo!),
  },
  discharge: {
    name: 'discharge',
    counter: 'hospital',
    fresh: true,
    steps: ['2301', '2402', '2303', '2304'],
    reversible: ['2304'],
    async setup(engine, certno, env) {
      const stayNo = await stayOf(certno, env);
      if ((await admitted(engine, certno, stayNo)) !== 'admitted') throw new Error('setup admission failed');
      return { stayNo };
    },
    run: async (engine, certno, state) => describe(await discharge(engine, certno, state.stayNo!)),
  },
  'pharmacy-family': {
    name: 'pharmacy-family',
    counter: 'pharmacy',
    family: true,
    steps: ['1101', '2101', '2102'],
    reversible: ['2102'],
    run: async (engine, certno) => describe(await familySale(engine, certno)),
  },
  'pharmacy-family-cancel': {
    name: 'pharmacy-family-cancel',
    counter: 'pharmacy',
    family: true,
    steps: ['2103'],
    reversible: ['2103'],
    setup: async (engine, certno) => settledOrThrow(await familySale(engine, certno)),
    run: cancelRun,
  },
  'outpatient-family': {
    name: 'outpatient-family',
    counter: 'hospital',
    family: true,
    steps: OUTPATIENT_STEPS,
    reversible: ['2207'],
    setup: async (_engine, certno, env) => ({ billNo: await order(env, certno) }),
    run: async (engine, certno, state) => describe(await familyCashier(engine, certno, state.billNo!)),
  },
  'discharge-cancel': {
    name: 'discharge-cancel',
    counter: 'hospital',
    fresh: true,
    steps: ['2305'],
    reversible: ['2305'],
    async setup(engine, certno, env) {
      const stayNo = await stayOf(certno, env);
      if ((await admitted(engine, certno, stayNo)) !== 'admitted') throw new Error('setup admission failed');
      return settledOrThrow(await discharge(engine, certno, stayNo));
    },
    run: cancelRun,
  },
};
