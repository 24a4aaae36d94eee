import { yuanToFen, type Fen } from '../../../shared/money';
import { SettlementFailure } from '../errors';
import type { Diagnosis, InpatientStay } from '../his/bridge';
import type { KnownPerson } from '../people';
import type { UseCaseContext } from './context';
import { hisDataMissing, mainDiagnosis, requireLineData, stayDiseinfo } from './hisData';
import { certificateFields } from './wire';

/** A diagnosis the admission desk typed from the admission papers, for a stay whose HIS record has none. */
export interface TypedDiagnosis {
  code: string;
  name: string;
}

/**
 * 2401 from the HIS's stay: the real admission time, the attending doctor, the admission
 * diagnoses (the main one as adm_diag_dscr and dscg_maindiag_*, which 2401 requires before any
 * discharge diagnosis exists). The desk's typed diagnosis is used only when the HIS has none:
 * the doctor's record wins, and a typed one is then recorded as the admitting doctor's (the
 * attending's) in the ward, at the admission time. adm_cond is not sent: the HIS port has no
 * admission condition.
 */
export function admissionMessage(ctx: UseCaseContext, person: KnownPerson, stay: InpatientStay, typed: TypedDiagnosis | undefined) {
  const where = `住院 ${stay.stayNo}`;
  if (!stay.admittedAt) hisDataMissing(ctx, `${where} 的入院时间（admittedAt）`);
  if (!stay.doctorCode || !stay.doctorName) hisDataMissing(ctx, `${where} 的主治医师`);
  let diagnoses: Diagnosis[] = stay.admissionDiagnoses;
  if (diagnoses.length > 0 && typed) ctx.log(`his: ${where} 已有入院诊断，入院处录入的诊断未使用`);
  if (diagnoses.length === 0 && typed) {
    diagnoses = [
      {
        diagType: '1', seq: 1, code: typed.code, name: typed.name, main: true,
        deptCode: stay.deptCode, deptName: stay.deptName, doctorCode: stay.doctorCode, doctorName: stay.doctorName, time: stay.admittedAt,
      },
    ];
  }
  const main = mainDiagnosis(diagnoses) ?? hisDataMissing(ctx, `${where} 的入院主诊断（医院系统没有，入院处也未录入）`);
  const mdtrtinfo = {
    ...certificateFields(person),
    begntime: stay.admittedAt,
    med_type: '21',
    ipt_no: stay.stayNo,
    atddr_no: stay.doctorCode,
    chfpdr_name: stay.doctorName,
    adm_diag_dscr: main.name,
    adm_dept_codg: stay.deptCode,
    adm_dept_name: stay.deptName,
    adm_bed: stay.bed,
    dscg_maindiag_code: main.code,
    dscg_maindiag_name: main.name,
  };
  const from = stay.admissionDiagnoses.length > 0 ? 'his' : 'desk';
  return { mdtrtinfo, diseinfo: stayDiseinfo(diagnoses, { psn_no: person.psnNo }), main, from };
}

/**
 * 2402 from the HIS's discharge record: the real discharge time and way, the discharge
 * diagnoses (the main one as dise_codg / dise_name). Checked with the stay's lines before any
 * discharge message is sent, so a stay the HIS has not finished is refused whole.
 */
export function dischargeMessage(ctx: UseCaseContext, person: KnownPerson, stay: InpatientStay, mdtrtId: string) {
  const where = `住院 ${stay.stayNo}`;
  const endtime = stay.dischargedAt ?? hisDataMissing(ctx, `${where} 的出院时间（dischargedAt）`);
  const way = stay.dischargeWay ?? hisDataMissing(ctx, `${where} 的离院方式（dischargeWay）`);
  const main = mainDiagnosis(stay.dischargeDiagnoses) ?? hisDataMissing(ctx, `${where} 的出院主诊断`);
  requireLineData(ctx, stay.lines, where);
  const dscginfo = {
    mdtrt_id: mdtrtId,
    psn_no: person.psnNo,
    insutype: person.insutype,
    endtime,
    dise_codg: main.code,
    dise_name: main.name,
    dscg_dept_codg: stay.deptCode,
    dscg_dept_name: stay.deptName,
    dscg_bed: stay.bed,
    dscg_way: way,
  };
  return { dscginfo, diseinfo: stayDiseinfo(stay.dischargeDiagnoses, { mdtrt_id: mdtrtId, psn_no: person.psnNo }) };
}

export interface ScopeSums {
  fulamtOwnpay: Fen;
  overlmtSelfpay: Fen;
  preselfpay: Fen;
  inscpScp: Fen;
}

const LINE_SCOPE: ReadonlyArray<[keyof ScopeSums, string]> = [
  ['fulamtOwnpay', 'fulamt_ownpay_amt'],
  ['overlmtSelfpay', 'overlmt_amt'],
  ['preselfpay', 'preselfpay_amt'],
  ['inscpScp', 'inscp_scp_amt'],
];

function lineAmount(value: unknown, where: string): Fen {
  try {
    if (typeof value === 'number' || typeof value === 'string') return yuanToFen(value);
  } catch {
    // Falls through to the refusal: an amount we cannot read is no amount to send.
  }
  throw new SettlementFailure('PLATFORM_REJECTED', undefined, `${where} is not an amount`);
}

/**
 * The four scope amounts 2303 carries: the sums of the platform's own per-line split in the
 * 2301 answer (`result`), one entry for every line sent. An answer that does not split every
 * line, or whose split does not add up to the lines, gives nothing to send: refused.
 */
export function scopeOfFeeAnswer(result: unknown, sent: readonly string[], totalFen: Fen): ScopeSums {
  const rows = Array.isArray(result) ? (result as Record<string, unknown>[]) : [];
  const bySn = new Map(rows.map((row) => [String(row?.feedetl_sn ?? ''), row]));
  const sums: ScopeSums = { fulamtOwnpay: 0, overlmtSelfpay: 0, preselfpay: 0, inscpScp: 0 };
  for (const sn of sent) {
    const row = bySn.get(sn);
    if (!row) throw new SettlementFailure('PLATFORM_REJECTED', undefined, `2301 result has no line ${sn}`);
    for (const [key, field] of LINE_SCOPE) {
      sums[key] += lineAmount(row[field], `2301 result ${sn}: ${field}`);
    }
  }
  if (sums.fulamtOwnpay + sums.overlmtSelfpay + sums.preselfpay + sums.inscpScp !== totalFen) {
    throw new SettlementFailure('AMOUNT_MISMATCH', undefined, '2301 result split does not add up to the lines');
  }
  return sums;
}
