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
}

/** Self-service terminal (opter_type 2): the terminal itself is the operator of record. */
export const SELF_SERVICE_OPERATOR_TYPE = '2';

export function buildEnvelope(config: TerminalConfig, parts: EnvelopeParts): RequestEnvelope {
  return {
    infno: parts.infno,
    msgid: parts.msgid,
    mdtrtarea_admvs: config.region.areaCode,
    insuplc_admdvs: parts.insuplcAdmdvs ?? '',
    recer_sys_code: config.region.recerSysCode,
    dev_no: config.terminal.id,
    dev_safe_info: '',
    cainfo: '',
    signtype: '',
    infver: config.region.infver,
    opter_type: SELF_SERVICE_OPERATOR_TYPE,
    opter: config.terminal.id,
    opter_name: config.terminal.name,
    inf_time: platformDateTime(parts.at),
    fixmedins_code: config.institution.code,
    fixmedins_name: config.institution.name,
    sign_no: parts.signNo ?? '',
    input: parts.input,
  };
}
