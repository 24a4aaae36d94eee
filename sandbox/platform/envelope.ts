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

const DIVISION = { max: 6, min: 6, pattern: /^\d{6}$/, shape: 'must be a 6-digit division code' } as const;

export function readEnvelope(body: unknown): Envelope {
  if (!isObject(body)) return refuse('body', 'must be a JSON object (the request envelope)');
  const top = new FieldReader(body, '');

  const envelope: Envelope = {
    infno: top.str('infno', { max: 6, min: 4, pattern: /^\d{4}[A-Z]?$/, shape: 'must be 4 digits, optionally followed by a capital letter' }),
    msgid: top.str('msgid', { max: 30, min: 30, pattern: /^[A-Za-z0-9]{30}$/, shape: 'must be 30 letters or digits' }),
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
  if (encType !== undefined) refuse('enc_type', 'must be empty: the sandbox speaks plain JSON (no SM4)');

  const input = body.input;
  if (input === undefined || input === null) refuse('input', 'required');
  if (!isObject(input)) refuse('input', 'must be an object of nodes');
  if (JSON.stringify(input).length > INPUT_LIMIT_CHARS) refuse('input', `must be at most ${INPUT_LIMIT_CHARS} characters`);
  envelope.input = input as Json;
  return envelope;
}
