import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import { platformDateTime } from '../time';

/** The request envelope of spec §1.1; `input` carries the transaction's nodes. */
export interface RequestEnvelope {
  infno: string;
  msgid: string;
  mdtrtarea_admvs: string;
  insuplc_admdvs: string;
  recer_sys_code: string;
  dev_no: string;
  dev_safe_info: string;
  cainfo: string;
  signtype: string;
  infver: string;
  opter_type: string;
  opter: string;
  opter_name: string;
  inf_time: string;
  fixmedins_code: string;
  fixmedins_name: string;
  sign_no: string;
  input: Record<string, unknown>;
}

export interface EnvelopeParts {
  infno: string;
  msgid: string;
  input: Record<string, unknown>;
  /** Patient's insurance division: required whenever the input names a psn_no (from 1101). */
  insuplcAdmdvs?: string;
  signNo?: string;
  at: Date;
  /** Who the platform records as acting (`opter_type`, `opter`, `opter_name`); the terminal when absent. */
  operator?: OperatorOfRecord;
}

/** Self-service terminal (opter_type 2): the terminal itself is the operator of record. */
export const SELF_SERVICE_OPERATOR_TYPE = '2';
/** Staff (opter_type 1, 经办人): a signed-in or authorising operator. */
export const STAFF_OPERATOR_TYPE = '1';

/** The envelope's operator of record; its sign_no must be the one 9001 issued to this `id`. */
export interface OperatorOfRecord {
  type: typeof SELF_SERVICE_OPERATOR_TYPE | typeof STAFF_OPERATOR_TYPE;
  id: string;
  name: string;
}

export const terminalOperator = (config: TerminalConfig): OperatorOfRecord => ({
  type: SELF_SERVICE_OPERATOR_TYPE,
  id: config.terminal.id,
  name: config.terminal.name,
});

export function buildEnvelope(config: TerminalConfig, parts: EnvelopeParts): RequestEnvelope {
  const operator = parts.operator ?? terminalOperator(config);
  return {
    infno: parts.infno,
    msgid: parts.msgid,
    mdtrtarea_admvs: config.region.areaCode,
    insuplc_admdvs: parts.insuplcAdmdvs ?? '',
    recer_sys_code: recerSysCodeFor(config.region, parts.infno, parts.input),
    dev_no: config.terminal.id,
    dev_safe_info: '',
    cainfo: '',
    signtype: '',
    infver: config.region.infver,
    opter_type: operator.type,
    opter: operator.id,
    opter_name: operator.name,
    inf_time: platformDateTime(parts.at),
    fixmedins_code: config.institution.code,
    fixmedins_name: config.institution.name,
    sign_no: parts.signNo ?? '',
    input: parts.input,
  };
}

/**
 * The person-related transactions the Hebei client routes by insurance type (OH
 * `GetRecerSysCode`: 2001, 2201, 2206, 2207, 2303, 2304, 2401, 2402, 2501, 2503), with the
 * pharmacy's pre-settlement and settlement, their counterparts at a pharmacy. Institution-level
 * calls (3201 names an insutype too) keep the default.
 */
const BY_INSUTYPE = new Set(['2001', '2101', '2102', '2201', '2206', '2207', '2303', '2304', '2401', '2402', '2501', '2503']);

/**
 * The receiver system: the region's default, or, for those transactions, the one named for the
 * insurance type the input carries (a node's `insutype`: `data`, `mdtrtinfo`, `dscginfo`,
 * `druginfo`), e.g. 340 (离休) → LXXT.
 */
export function recerSysCodeFor(region: TerminalConfig['region'], infno: string, input: Record<string, unknown>): string {
  if (!BY_INSUTYPE.has(infno)) return region.recerSysCode;
  for (const node of Object.values(input)) {
    const insutype = node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>).insutype : undefined;
    const code = typeof insutype === 'string' ? region.recerSysCodeByInsutype[insutype] : undefined;
    if (code) return code;
  }
  return region.recerSysCode;
}
