import type { DatabaseSync } from 'node:sqlite';
import { DEMO_PERSONS } from '../seed/demoPersons';
import type { Bills } from './bills';
import { seedCatalogue } from './catalogue';
import type { createInpatient } from './inpatient';
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

export const SLOT_DAYS_AHEAD = 7;
const SLOT_CAPACITY = 20;

/**
 * Idempotent: reference data is upserted and slots are added for the coming week on every
 * start; the demo bills and stays are written once, into an empty hospital.
 */
export function seedHospital(
  db: DatabaseSync,
  deps: { bills: Bills; inpatient: ReturnType<typeof createInpatient>; today: string; now: string },
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
    if (empty('his_bills') && empty('his_stays')) seedDemoActivity(db, deps);
  });
}

function seedDemoActivity(db: DatabaseSync, deps: Parameters<typeof seedHospital>[1]): void {
  const [a, b, c, d] = DEMO_PERSONS as [typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0], typeof DEMO_PERSONS[0]];
  const order = (psnNo: string, doctorCode: string, items: [string, number][]) =>
    deps.bills.create({ psnNo, kind: 'outpatient', doctorCode, items: items.map(([code, qty]) => ({ code, qty })), at: deps.now });
  order(a.psnNo, 'DR001', [['YP0001', 2], ['YP0005', 1], ['FW0003', 1]]);
  order(b.psnNo, 'DR003', [['FW0004', 1], ['CL0001', 2], ['YP0004', 1]]);
  order(c.psnNo, 'DR005', [['YP0006', 1], ['YP0007', 1]]);
  const stay = db.prepare(`INSERT INTO his_stays (stay_no, psn_no, dept_code, doctor_code, bed, admitted_on, status, daily_items)
    VALUES (?, ?, ?, ?, ?, ?, 'admitted', ?)`);
  const first = `ZY${deps.today.replaceAll('-', '')}001`;
  stay.run(first, a.psnNo, 'D01', 'DR002', '3-12', addDays(deps.today, -3), JSON.stringify(['FW0005', 'FW0006']));
  deps.inpatient.addLine(first, addDays(deps.today, -3), 'YP0003', 2);
  deps.inpatient.addLine(first, addDays(deps.today, -2), 'CL0001', 3);
  stay.run(`ZY${deps.today.replaceAll('-', '')}002`, d.psnNo, 'D03', 'DR004', '5-02', addDays(deps.today, -1), JSON.stringify(['FW0005', 'FW0006', 'FW0099']));
}
