import type { DatabaseSync } from 'node:sqlite';
import { DEMO_PERSONS } from '../seed/demoPersons';
import type { Bills } from './bills';
import { seedCatalogue } from './catalogue';
import type { DiagnosisEntry } from './diagnoses';
import type { Inpatient } from './inpatient';
import { addDays } from './time';
import { inTransaction } from '../db';

/** caty: the NHSA department-category code 2201 carries. */
export const DEPARTMENTS = [
  { code: 'D01', name: '内科', caty: 'A03' },
  { code: 'D02', name: '外科', caty: 'A04' },
  { code: 'D03', name: '儿科', caty: 'A07' },
  { code: 'D04', name: '中医科', caty: 'A50' },
] as const;

/** reg_item: the consultation item whose price is the registration fee. */
export const DOCTORS = [
  { code: 'DR001', name: '李明', title: '主治医师', deptCode: 'D01', regItem: 'FW0001' },
  { code: 'DR002', name: '王芳', title: '副主任医师', deptCode: 'D01', regItem: 'FW0002' },
  { code: 'DR003', name: '陈刚', title: '主治医师', deptCode: 'D02', regItem: 'FW0001' },
  { code: 'DR004', name: '刘洋', title: '副主任医师', deptCode: 'D03', regItem: 'FW0002' },
  { code: 'DR005', name: '周静', title: '主治医师', deptCode: 'D04', regItem: 'FW0001' },
] as const;

/**
 * Demo diagnoses, shaped like the national ICD-10 (医保版) and TCM codes: fictional records like
 * the demo persons. `western` is diag_type '1', `tcm` '2'.
 */
const western = (code: string, name: string, main = false): DiagnosisEntry => ({ diagType: '1', code, name, main });
const tcm = (code: string, name: string, main = false): DiagnosisEntry => ({ diagType: '2', code, name, main });

/** What a department's doctor writes when a demo order (POST /his/orders) brings no diagnosis. */
export const USUAL_DIAGNOSES: Record<string, DiagnosisEntry[]> = {
  D01: [western('J06.900', '急性上呼吸道感染', true)],
  D02: [western('S01.900', '头部开放性伤口', true)],
  D03: [western('J20.900', '急性支气管炎', true)],
  D04: [western('G44.200', '紧张型头痛', true), tcm('BNG010', '头痛病')],
};

export const SLOT_DAYS_AHEAD = 7;
const SLOT_CAPACITY = 20;

/**
 * Idempotent: reference data is upserted and slots are added for the coming week on every
 * start; the demo bills and stays are written once, into an empty hospital.
 */
export function seedHospital(
  db: DatabaseSync,
  deps: { bills: Bills; inpatient: Inpatient; today: string; now: string },
): void {
  inTransaction(db, () => {
    const dept = db.prepare('INSERT OR IGNORE INTO his_departments (code, name, caty) VALUES (?, ?, ?)');
    for (const d of DEPARTMENTS) dept.run(d.code, d.name, d.caty);
    const doctor = db.prepare('INSERT OR IGNORE INTO his_doctors (code, name, title, dept_code, reg_item) VALUES (?, ?, ?, ?, ?)');
    for (const d of DOCTORS) doctor.run(d.code, d.name, d.title, d.deptCode, d.regItem);
    seedCatalogue(db);
    const slot = db.prepare('INSERT OR IGNORE INTO his_slots (doctor_code, date, period, capacity) VALUES (?, ?, ?, ?)');
    for (let day = 0; day < SLOT_DAYS_AHEAD; day++) {
      for (const d of DOCTORS) for (const period of ['AM', 'PM']) slot.run(d.code, addDays(deps.today, day), period, SLOT_CAPACITY);
    }
    const empty = (table: string) => Number((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n) === 0;
    if (empty('his_bills') && empty('his_stays')) seedDemoActivity(deps);
  });
}

function seedDemoActivity(deps: Parameters<typeof seedHospital>[1]): void {
  const [a, b, c, d] = DEMO_PERSONS as [typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0]];
  const order = (psnNo: string, doctorCode: string, items: [string, number][], diagnoses: DiagnosisEntry[]) =>
    deps.bills.create({ psnNo, kind: 'outpatient', doctorCode, items: items.map(([code, qty]) => ({ code, qty })), at: deps.now, diagnoses });
  order(a.psnNo, 'DR001', [['YP0001', 2], ['YP0005', 1], ['FW0003', 1]], [western('K29.700', '胃炎', true), western('E78.500', '高脂血症')]);
  order(b.psnNo, 'DR003', [['FW0004', 1], ['CL0001', 2], ['YP0004', 1]], [western('K35.800', '急性阑尾炎', true)]);
  order(c.psnNo, 'DR005', [['YP0006', 1], ['YP0007', 1]], [western('I25.103', '冠状动脉粥样硬化性心脏病', true), tcm('BNX010', '胸痹心痛病')]);
  const day = (offset: number) => addDays(deps.today, offset);
  const first = `ZY${deps.today.replaceAll('-', '')}001`;
  deps.inpatient.admit({
    stayNo: first,
    psnNo: a.psnNo,
    deptCode: 'D01',
    doctorCode: 'DR002',
    bed: '3-12',
    admittedAt: `${day(-3)} 14:20:00`,
    dailyItems: ['FW0005', 'FW0006'],
    diagnoses: [western('E11.900', '2型糖尿病', true), western('I10.x00', '原发性高血压')],
    dischargePlan: { way: '1', diagnoses: [western('E11.900', '2型糖尿病', true), western('I10.x00', '原发性高血压'), western('E78.500', '高脂血症')] },
  });
  deps.inpatient.addLine(first, `${day(-3)} 15:05:00`, 'YP0003', 2);
  deps.inpatient.addLine(first, `${day(-2)} 09:30:00`, 'CL0001', 3);
  deps.inpatient.admit({
    stayNo: `ZY${deps.today.replaceAll('-', '')}002`,
    psnNo: d.psnNo,
    deptCode: 'D03',
    doctorCode: 'DR004',
    bed: '5-02',
    admittedAt: `${day(-1)} 21:40:00`,
    dailyItems: ['FW0005', 'FW0006', 'FW0099'],
    diagnoses: [western('J18.900', '肺炎', true)],
  });
}
