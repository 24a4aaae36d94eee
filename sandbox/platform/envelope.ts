import { refuse } from './errors';
import { FieldReader, isObject, type Json } from './fields';

/** The request envelope (spec §1.1), after every field passed its presence, type and length rule. */
export interface Envelope {
  infno: string;
  msgid: string;
  mdtrtarea_admvs: string;
  insuplc_admdvs?: string;
  recer_sys_code: string;
  infver: string;
  opter_type: string;
  opter: string;
  opter_name: string;
  inf_time: string;
  fixmedins_code: string;
  fixmedins_name: string;
  sign_no?: string;
  input: Json;
}

/** The spec lets `input` reach 40000 characters once serialised. */
export const INPUT_LIMIT_CHARS = 40_000;

const DIVISION = { max: 6, min: 6, pattern: /^\d{6}$/, shape: '须为6位数字的区划代码' } as const;

export function readEnvelope(body: unknown): Envelope {
  if (!isObject(body)) return refuse('body', '须为JSON对象（请求报文）');
  const top = new FieldReader(body, '');

  const envelope: Envelope = {
    infno: top.str('infno', { max: 6, min: 4, pattern: /^\d{4}[A-Z]?$/, shape: '须为4位数字，可带一个大写字母后缀' }),
    msgid: top.str('msgid', { max: 30, min: 30, pattern: /^[A-Za-z0-9]{30}$/, shape: '须为30位字母或数字' }),
    mdtrtarea_admvs: top.str('mdtrtarea_admvs', DIVISION),
    insuplc_admdvs: top.str('insuplc_admdvs', { ...DIVISION, optional: true }),
    recer_sys_code: top.str('recer_sys_code', { max: 10 }),
    infver: top.str('infver', { max: 6 }),
    opter_type: top.str('opter_type', { max: 3, oneOf: ['1', '2', '3'] }),
    opter: top.str('opter', { max: 30 }),
    opter_name: top.str('opter_name', { max: 50 }),
    inf_time: top.datetime('inf_time'),
    fixmedins_code: top.str('fixmedins_code', { max: 30 }),
    fixmedins_name: top.str('fixmedins_name', { max: 200 }),
    sign_no: top.str('sign_no', { max: 30, optional: true }),
    input: {},
  };
  top.str('dev_no', { max: 100, optional: true });
  top.str('dev_safe_info', { max: 2000, optional: true });
  top.str('cainfo', { max: 1024, optional: true });
  top.str('signtype', { max: 10, optional: true });
  top.str('fixmedins_soft_fcty', { max: 200, optional: true });
  const encType = top.str('enc_type', { max: 10, optional: true });
  if (encType !== undefined) refuse('enc_type', '须为空：本平台只接受明文JSON（不支持SM4加密）');

  const input = body.input;
  if (input === undefined || input === null) refuse('input', '不能为空');
  if (!isObject(input)) refuse('input', '须为由节点组成的对象');
  // 9101 carries a whole file; its own limit (1 MiB, tx/files.ts) applies instead.
  if (envelope.infno !== '9101' && JSON.stringify(input).length > INPUT_LIMIT_CHARS) refuse('input', `长度不能超过${INPUT_LIMIT_CHARS}个字符`);
  envelope.input = input as Json;
  return envelope;
}
