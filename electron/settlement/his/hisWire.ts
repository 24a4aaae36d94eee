import { fenToYuan } from '../../../shared/money';
import type { HisBill, HisLine, HisSlot, HisStay } from '../../../shared/his/schemas';
import type { Clinician, HisBillLine, InpatientStay, PendingBill, RegistrationSlot } from './bridge';

/**
 * The HIS port's answers (already validated against shared/his) as the engine's types. Every
 * value is the HIS's own; nothing here is filled in by the kiosk.
 */
const line = (l: HisLine): HisBillLine => ({
  feedetlSn: l.feedetlSn,
  medListCodg: l.medListCodg,
  medinsListCodg: l.medinsListCodg,
  name: l.name,
  cnt: String(l.qty),
  pric: fenToYuan(l.unitPriceFen),
  amountFen: l.amountFen,
  occurredAt: l.occurredAt,
  rxno: l.rxno,
  rxCirculation: l.rxCirculation,
  orderedBy: { ...l.orderedBy },
});

const clinician = (dept: HisBill['dept'], doctor: HisBill['doctor']): Clinician => ({
  deptCode: dept.code,
  deptName: dept.name,
  caty: dept.caty,
  doctorCode: doctor.code,
  doctorName: doctor.name,
});

export const toPendingBill = (b: HisBill): PendingBill => ({
  billId: b.billNo,
  kind: b.kind,
  visitNo: b.visitNo,
  totalFen: b.totalFen,
  ...clinician(b.dept, b.doctor),
  lines: b.lines.map(line),
  begntime: b.begntime,
  diagnoses: b.diagnoses.map((d) => ({ ...d })),
  mdtrtId: b.mdtrtId,
});

export const toSlot = (s: HisSlot): RegistrationSlot => ({
  slotId: s.slotId,
  date: s.date,
  period: s.period,
  ...clinician(s.dept, s.doctor),
  doctorTitle: s.doctor.title,
  feeFen: s.feeFen,
  remaining: s.remaining,
});

export const toStay = (s: HisStay): InpatientStay => ({
  stayNo: s.stayNo,
  psnNo: s.psnNo,
  bed: s.bed,
  admittedOn: s.admittedOn,
  dischargedOn: s.dischargedOn,
  status: s.status,
  ...clinician(s.dept, s.attendingDoctor),
  lines: s.lines.map(line),
  admittedAt: s.admittedAt,
  dischargedAt: s.dischargedAt,
  admissionDiagnoses: s.admissionDiagnoses.map((d) => ({ ...d })),
  dischargeDiagnoses: s.dischargeDiagnoses.map((d) => ({ ...d })),
  dischargeWay: s.dischargeWay,
});
