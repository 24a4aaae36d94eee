import { SettlementFailure } from '../errors';
import type { Diagnosis, HisBillLine } from '../his/bridge';
import type { UseCaseContext } from './context';

/**
 * What the platform is told about a visit comes from the hospital's own record. When the HIS
 * lacks something a message must carry, the kiosk has nothing truthful to put there: it refuses
 * before sending anything, naming the gap for staff in the log (never a person's data).
 */
export function hisDataMissing(ctx: UseCaseContext, what: string): never {
  ctx.log(`his: 医院系统缺少${what}，未发送任何医保交易`);
  throw new SettlementFailure('HIS_DATA_MISSING', undefined, what);
}

export const mainDiagnosis = (list: readonly Diagnosis[]): Diagnosis | undefined => list.find((d) => d.main);

/** Each line's time and ordering doctor, which its fee line carries (2204 / 2301 Y). */
export function requireLineData(ctx: UseCaseContext, lines: readonly HisBillLine[], owner: string): void {
  for (const line of lines) {
    if (!line.occurredAt) hisDataMissing(ctx, `${owner} 明细 ${line.feedetlSn} 的费用发生时间（occurredAt）`);
    const by = line.orderedBy;
    if (!by?.deptCode || !by.deptName || !by.doctorCode || !by.doctorName) {
      hisDataMissing(ctx, `${owner} 明细 ${line.feedetlSn} 的开单科室或医生（orderedBy）`);
    }
  }
}

/** The fields a diagnosis carries in every diseinfo (2203 / 2401 / 2402). */
function diagnosisFields(d: Diagnosis): Record<string, string> {
  return {
    diag_type: d.diagType,
    diag_srt_no: String(d.seq),
    diag_code: d.code,
    diag_name: d.name,
    diag_dept: d.deptCode,
    dise_dor_no: d.doctorCode,
    dise_dor_name: d.doctorName,
    diag_time: d.time,
  };
}

/** 2203 diseinfo: the visit's diagnoses as the doctor recorded them, all in effect. */
export const visitDiseinfo = (list: readonly Diagnosis[]) => list.map((d) => ({ ...diagnosisFields(d), vali_flag: '1' }));

/** 2401 / 2402 diseinfo: a stay's diagnoses with the person (and, at discharge, the visit) and the main flag. */
export const stayDiseinfo = (list: readonly Diagnosis[], owner: { psn_no: string; mdtrt_id?: string }) =>
  list.map((d) => ({ ...owner, ...diagnosisFields(d), maindiag_flag: d.main ? '1' : '0' }));
