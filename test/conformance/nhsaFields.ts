import { elementType } from './nhsaElements';
import type { FieldRule, MoneyIdentity, NodeRule, TransactionRule } from './nhsaTypes';

/**
 * What the NHSA interface requires of each request the kiosk sends, written from
 * /work/shared/spec/nhsa-interface.md (§ = its sections) and DESIGN.md, never from the client's
 * types or builders: node names and nesting, the Y flags, types and lengths (nhsaElements.ts),
 * the msgid, and the money identities of settlement answers.
 *
 * Readings (decisions where the spec gives two, or leaves a gap):
 * - Y means present and non-empty; a member without Y is optional, and `""` counts as not sent.
 *   Only members the spec marks Y are required, even where a peer would need more (2206, 2303 and
 *   2304, the pharmacy's 2101/2102, 2202/2205/2302/2305 and the queries mark none).
 * - Lengths count characters: the spec says "char n" without saying bytes.
 * - infno 4 (BZ) / 6 (OH), fixmedins_code 12 / 30, fixmedins_name 20 / 200: the longer passes.
 * - Money (16,2) is a JSON number or a numeric string (§2.10: both are sent and accepted); a
 *   region's amount setting, when the checker is given one, narrows it to one of them.
 * - psn_part_amt = acct_pay + psn_cash_pay, with or without acct_mulaid_pay (§2.9: "+acct_mulaid_pay,
 *   0 in the samples"; DESIGN.md leaves it out): either sum passes.
 * - 2102's psn_setlway and four scope amounts: "unknown" (§2.4), so accepted, not required.
 * - 2402's diseinfo and "maternity fields": §2.5 lists no members; 2401's are used (2403 reuses
 *   2401's nodes the same way).
 * - Regional node names (Guangzhou's `mdtrtinfo` for 2201/2207, §2.3) are another layout, not
 *   another reading of this one: not accepted here.
 * - 共济 (issue 15): §2.9 names the output `acct_mulaid_pay` but no request member that asks for
 *   it. The kiosk sends the sandbox's extension `mulaid_psn_no` (the paying relative's psn_no)
 *   beside `acct_used_flag` in 2206/2207, 2303/2304 and 2101/2102; it is left out of the nodes
 *   on purpose, so it is reported as a member the spec does not list (a warning, like 5203's
 *   begntime/endtime when asking by period), never passed as the spec's.
 */

type Spec = 'Y' | 'N' | (Partial<FieldRule> & Pick<FieldRule, 'req'>);

/** Values the spec enumerates for an element wherever it appears. */
const VALUES: Readonly<Record<string, { values: readonly string[]; cite: string }>> = {
  // 01/02/03 agree across seven sources [H]; others are local extensions "do not rely on them" [L].
  mdtrt_cert_type: { values: ['01', '02', '03'], cite: '§2.2 table of mdtrt_cert_type' },
  acct_used_flag: { values: ['0', '1'], cite: '§2.3 2206 "acct_used_flag (0/1)"' },
  psn_setlway: { values: ['01', '02'], cite: '§2.3 2206 "psn_setlway (01 by item, 02 fixed-amount)"; §2.10' },
};

function node(shape: NodeRule['shape'], cite: string, members: Record<string, Spec>, prefixes?: readonly string[]): NodeRule {
  const fields: Record<string, FieldRule> = {};
  for (const [name, spec] of Object.entries(members)) {
    const element = elementType(name);
    const extra = typeof spec === 'string' ? { req: spec } : spec;
    const values = VALUES[name];
    fields[name] = {
      type: element.type,
      ...(values ? { values: values.values } : {}),
      ...extra,
      cite: `${cite}; type ${element.cite}${values ? `; values ${values.cite}` : ''}`,
    };
  }
  return { shape, fields, cite, ...(prefixes ? { prefixes } : {}) };
}
const all = (names: string, req: 'Y' | 'N'): Record<string, Spec> => Object.fromEntries(names.trim().split(/\s+/).map((n) => [n, req]));

/** §1.1: the request envelope, members 1-18 and the four "+" members. */
export const ENVELOPE: Readonly<Record<string, FieldRule>> = {
  infno: { type: { kind: 'char', max: 6 }, req: 'Y', cite: '§1.1 #1 "char 4 (BZ) / 6 (OH)… allow ≥6": both accepted' },
  msgid: { type: { kind: 'char', max: 30 }, req: 'Y', cite: '§1.1 #2 "char 30"; format: MSGID below' },
  mdtrtarea_admvs: { type: { kind: 'char', max: 6 }, req: 'Y', cite: '§1.1 #3' },
  insuplc_admdvs: { type: { kind: 'char', max: 6 }, req: 'C', when: { kind: 'input-has', field: 'psn_no' }, cite: '§1.1 #4 "Mandatory whenever input contains psn_no"' },
  recer_sys_code: { type: { kind: 'char', max: 10 }, req: 'Y', cite: '§1.1 #5' },
  dev_no: { type: { kind: 'char', max: 100 }, req: 'N', cite: '§1.1 #6' },
  dev_safe_info: { type: { kind: 'char', max: 2000 }, req: 'N', cite: '§1.1 #7' },
  cainfo: { type: { kind: 'char', max: 1024 }, req: 'N', cite: '§1.1 #8; §1.3 pattern 3 (the SM2 signature when input is sealed)' },
  signtype: { type: { kind: 'char', max: 10 }, req: 'N', cite: '§1.1 #9' },
  infver: { type: { kind: 'char', max: 6 }, req: 'Y', cite: '§1.1 #10 (V1.0 or 1.0.0)' },
  opter_type: { type: { kind: 'char', max: 3 }, req: 'Y', values: ['1', '2', '3'], cite: '§1.1 #11 "1 staff, 2 self-service terminal, 3 mobile"' },
  opter: { type: { kind: 'char', max: 30 }, req: 'Y', cite: '§1.1 #12' },
  opter_name: { type: { kind: 'char', max: 50 }, req: 'Y', cite: '§1.1 #13' },
  inf_time: { type: { kind: 'datetime' }, req: 'Y', cite: '§1.1 #14 "datetime 19, yyyy-MM-dd HH:mm:ss"' },
  fixmedins_code: { type: { kind: 'char', max: 30 }, req: 'Y', cite: '§1.1 #15 "char 12 (BZ) / 30 (OH)": both accepted; 12 needed by the msgid' },
  fixmedins_name: { type: { kind: 'char', max: 200 }, req: 'Y', cite: '§1.1 #16 "char 200 (OH) / 20 (BZ, likely a typo)": 200' },
  sign_no: { type: { kind: 'char', max: 30 }, req: 'C', when: { kind: 'infno-not', infnos: ['9001'] }, emptyOtherwise: true, cite: '§1.1 #17 "sign-in serial from 9001; empty for 9001 itself"' },
  input: { type: { kind: 'char', max: 40000 }, req: 'Y', cite: '§1.1 #18 "JSON, ≤40000" (length of its JSON text)' },
  fixmedins_soft_fcty: { type: { kind: 'char' }, req: 'N', cite: '§1.1 "+ fixmedins_soft_fcty"' },
  enc_type: { type: { kind: 'char' }, req: 'N', values: ['', 'SM4'], cite: '§1.1 "+ enc_type: \'\' plain, SM4 encrypted input"' },
  serv_code: { type: { kind: 'char' }, req: 'N', cite: '§1.1 "+ serv_code"' },
  serv_sign: { type: { kind: 'char' }, req: 'N', cite: '§1.1 "+ serv_sign"' },
};

/** §1.1 #2 and §4: fixmedins_code (12) + yyyyMMddHHmmss (14) + 4 digits; the envelope's own institution. */
export const MSGID = {
  length: 30,
  pattern: /^([A-Za-z0-9]{12})(\d{14})(\d{4})$/,
  institutionLength: 12,
  cite: '§1.1 #2 "fixmedins_code(12) + yyyyMMddHHmmss(14) + sequence(4)"; §4; DESIGN.md "Money integrity"',
} as const;

const OUTPATIENT_QUOTE = 'psn_no mdtrt_cert_type mdtrt_cert_no med_type medfee_sumamt psn_setlway mdtrt_id chrg_bchno acct_used_flag insutype';
const SCOPE = 'fulamt_ownpay_amt overlmt_selfpay preselfpay_amt inscp_scp_amt';
const DRUGINFO = 'psn_no mdtrt_cert_type mdtrt_cert_no begntime medfee_sumamt invono insutype dise_codg dise_name acct_used_flag med_type expContent';
const DRUGDETAIL =
  'feedetl_sn rxno rx_circ_flag fee_ocur_time med_list_codg medins_list_codg det_item_fee_sumamt cnt pric sin_dos_dscr used_frqu_dscr prd_days medc_way_dscr bilg_dr_codg bilg_dr_name tcmdrug_used_way';
const MATERNITY = 'matn_type birctrl_type latechb_flag geso_val fetts fetus_cnt pret_flag birctrl_matn_date';
const STAY_DISEINFO = 'psn_no diag_type maindiag_flag diag_srt_no diag_code diag_name adm_cond diag_dept dise_dor_no dise_dor_name diag_time';
const INPATIENT_QUOTE = `psn_no mdtrt_cert_type mdtrt_cert_no medfee_sumamt psn_setlway mdtrt_id acct_used_flag insutype invono mid_setl_flag ${SCOPE} dscgTime`;
const data = (cite: string, members: Record<string, Spec>) => ({ data: node('object', cite, members) });

export const TRANSACTIONS: Readonly<Record<string, TransactionRule>> = {
  // §2.1 session.
  '9001': { name: '签到', cite: '§2.1', nodes: { signIn: node('object', '§2.1 9001', { opter_no: 'Y', mac: 'N', ip: 'Y' }) } },
  '9002': { name: '签退', cite: '§2.1', nodes: { signOut: node('object', '§2.1 9002', all('sign_no opter_no', 'N')) } },

  // §2.2 person info; card_sn is required with a social-security card (03).
  '1101': {
    name: '人员信息获取',
    cite: '§2.2',
    nodes: data('§2.2 1101', {
      mdtrt_cert_type: 'Y',
      mdtrt_cert_no: 'Y',
      card_sn: { req: 'C', when: { kind: 'sibling-equals', field: 'mdtrt_cert_type', value: '03' } },
      ...all('begntime psn_cert_type certno psn_name', 'N'),
    }),
  },

  // §2.3 outpatient.
  '2201': { name: '门诊挂号', cite: '§2.3', nodes: data('§2.3 2201', all('psn_no insutype begntime mdtrt_cert_type mdtrt_cert_no ipt_otp_no atddr_no dr_name dept_code dept_name caty', 'Y')) },
  '2202': { name: '门诊挂号撤销', cite: '§2.3', nodes: data('§2.3 2202', all('psn_no mdtrt_id ipt_otp_no', 'N')) },
  '2203': {
    name: '门诊就诊信息上传',
    cite: '§2.3',
    nodes: {
      mdtrtinfo: node('object', '§2.3 2203 mdtrtinfo', { ...all('mdtrt_id psn_no main_cond_dscr dise_codg dise_name birctrl_type birctrl_matn_date matn_type geso_val', 'N'), med_type: 'Y', begntime: 'Y' }),
      diseinfo: node('list', '§2.3 2203 diseinfo', all('diag_type diag_srt_no diag_code diag_name diag_dept dise_dor_no dise_dor_name diag_time vali_flag', 'N')),
    },
  },
  '2204': {
    name: '门诊费用明细上传',
    cite: '§2.3',
    nodes: {
      feedetail: node(
        'list',
        '§2.3 2204 feedetail',
        {
          ...all('feedetl_sn chrg_bchno rx_circ_flag fee_ocur_time med_list_codg medins_list_codg det_item_fee_sumamt cnt pric bilg_dept_codg bilg_dept_name bilg_dr_codg bilg_dr_name hosp_appr_flag', 'Y'),
          ...all('mdtrt_id psn_no dise_codg rxno sin_dos_dscr used_frqu_dscr prd_days medc_way_dscr tcmdrug_used_way etip_flag etip_hosp_code dscg_tkdrug_flag matn_fee_flag exp_content', 'N'),
        },
        ['acord_', 'orders_dr_'],
      ),
    },
  },
  '2205': { name: '门诊费用明细撤销', cite: '§2.3', nodes: data('§2.3 2205', all('mdtrt_id chrg_bchno psn_no', 'N')) },
  '2206': { name: '门诊预结算', cite: '§2.3', settlementAnswer: 'quote', nodes: data('§2.3 2206', all(OUTPATIENT_QUOTE, 'N')) },
  '2207': {
    name: '门诊结算',
    cite: '§2.3',
    settlementAnswer: 'settled',
    nodes: data('§2.3 2207 "2206 fields + invono 20, … (all 16,2 Y)"', { ...all(`${OUTPATIENT_QUOTE} invono`, 'N'), ...all(SCOPE, 'Y') }),
  },
  '2208': { name: '门诊结算撤销', cite: '§2.3', settlementAnswer: 'settled', nodes: data('§2.3 2208 (+expContent in YR)', { ...all('setl_id mdtrt_id psn_no', 'Y'), expContent: 'N' }) },

  // §2.4 pharmacy.
  '2101': {
    name: '药店预结算',
    cite: '§2.4',
    settlementAnswer: 'quote',
    nodes: { druginfo: node('object', '§2.4 druginfo', all(DRUGINFO, 'N')), drugdetail: node('list', '§2.4 drugdetail', all(DRUGDETAIL, 'N')) },
  },
  '2102': {
    name: '药店结算',
    cite: '§2.4',
    settlementAnswer: 'settled',
    nodes: {
      // "Whether 2102 also needs psn_setlway and the four split amounts … is unknown": accepted, not required.
      druginfo: node('object', '§2.4 druginfo (+ psn_setlway and scope amounts: unknown, accepted)', all(`${DRUGINFO} psn_setlway ${SCOPE}`, 'N')),
      drugdetail: node('list', '§2.4 drugdetail', all(DRUGDETAIL, 'N')),
    },
  },
  '2103': { name: '药店结算撤销', cite: '§2.4', settlementAnswer: 'settled', nodes: data('§2.4 2103', all('setl_id mdtrt_id psn_no expContent', 'N')) },

  // §2.5 inpatient.
  '2401': {
    name: '入院办理',
    cite: '§2.5',
    nodes: {
      mdtrtinfo: node(
        'object',
        '§2.5 2401 mdtrtinfo',
        {
          ...all('begntime mdtrt_cert_type mdtrt_cert_no med_type ipt_no atddr_no chfpdr_name adm_diag_dscr adm_dept_codg adm_dept_name adm_bed dscg_maindiag_code dscg_maindiag_name', 'Y'),
          ...all(`psn_no insutype coner_name tel medrcdno main_cond_dscr dise_codg dise_name oprn_oprt_code oprn_oprt_name fpsc_no ${MATERNITY} dise_type_code`, 'N'),
        },
      ),
      diseinfo: node('list', '§2.5 2401 diseinfo', all(STAY_DISEINFO, 'N')),
    },
  },
  '2402': {
    name: '出院办理',
    cite: '§2.5',
    nodes: {
      dscginfo: node(
        'object',
        '§2.5 2402 dscginfo (maternity fields: 2401\'s)',
        { ...all('endtime dscg_dept_codg dscg_dept_name dscg_way', 'Y'), ...all(`mdtrt_id psn_no insutype dise_codg dise_name ${MATERNITY} cop_flag dscg_bed die_date`, 'N') },
        ['oprn_oprt_'],
      ),
      diseinfo: node('list', '§2.5 2402 "+ diseinfo" (members not listed: 2401\'s)', all(STAY_DISEINFO, 'N')),
    },
  },
  '2404': { name: '入院撤销', cite: '§2.5', nodes: data('§2.5 2404', all('mdtrt_id psn_no', 'N')) },
  '2405': { name: '出院撤销', cite: '§2.5', nodes: data('§2.5 2405', all('mdtrt_id psn_no', 'N')) },
  '2301': {
    name: '住院费用明细上传',
    cite: '§2.5',
    nodes: {
      feedetail: node(
        'list',
        '§2.5 2301 feedetail',
        {
          ...all('feedetl_sn mdtrt_id psn_no med_type fee_ocur_time med_list_codg medins_list_codg det_item_fee_sumamt cnt pric bilg_dept_codg bilg_dept_name bilg_dr_codg bilg_dr_name', 'Y'),
          ...all('init_feedetl_sn drord_no hosp_appr_flag tcmdrug_used_way etip_flag etip_hosp_code dscg_tkdrug_flag matn_fee_flag memo', 'N'),
        },
        ['acord_', 'orders_dr_'],
      ),
    },
  },
  '2302': { name: '住院费用明细撤销', cite: '§2.5', nodes: data('§2.5 2302', all('feedetl_sn mdtrt_id psn_no', 'N')) },
  '2303': { name: '住院预结算', cite: '§2.5', settlementAnswer: 'quote', nodes: data('§2.5 2303 (dscgTime "local")', all(INPATIENT_QUOTE, 'N')) },
  '2304': { name: '住院结算', cite: '§2.5', settlementAnswer: 'settled', nodes: data('§2.5 2304 "same as 2303"', all(INPATIENT_QUOTE, 'N')) },
  '2305': { name: '住院结算撤销', cite: '§2.5', settlementAnswer: 'settled', nodes: data('§2.5 2305', all('mdtrt_id setl_id psn_no', 'N')) },

  // §2.6 reversal.
  '2601': { name: '冲正交易', cite: '§2.6', nodes: data('§2.6 2601', all('psn_no omsgid oinfno', 'Y')) },

  // §2.7 queries.
  '5201': { name: '就诊信息查询', cite: '§2.7', nodes: data('§2.7 5201', all('psn_no begntime endtime med_type mdtrt_id', 'N')) },
  '5203': { name: '结算信息查询', cite: '§2.7', settlementAnswer: 'query', nodes: data('§2.7 5203', all('psn_no setl_id mdtrt_id', 'N')) },

  // §2.8 reconciliation and files.
  '3201': {
    name: '对总账',
    cite: '§2.8',
    nodes: data('§2.8 3201', { ...all('insutype clr_type setl_optins stmt_begndate stmt_enddate medfee_sumamt fund_pay_sumamt acct_pay fixmedins_setl_cnt', 'Y'), refd_setl_flag: 'N' }),
  },
  '3202': {
    name: '对明细账',
    cite: '§2.8',
    nodes: data('§2.8 3202', { file_qury_no: 'Y', ...all('setl_optins stmt_begndate stmt_enddate medfee_sumamt fund_pay_sumamt cash_payamt fixmedins_setl_cnt clr_type refd_setl_flag', 'N') }),
  },
  '9101': { name: '文件上传', cite: '§2.8', nodes: { fsUploadIn: node('object', '§2.8 9101 fsUploadIn', all('in filename fixmedins_code', 'N')) } },
  '9102': { name: '文件下载', cite: '§2.8', nodes: { fsDownloadIn: node('object', '§2.8 9102 fsDownloadIn', all('file_qury_no filename fixmedins_code', 'N')) } },
};

/** DESIGN.md "Money" and §2.9: what every setlinfo of a settlement answer holds, to the fen. */
export const MONEY_IDENTITIES: readonly MoneyIdentity[] = [
  { left: 'medfee_sumamt', readings: [['fund_pay_sumamt', 'psn_part_amt', 'hosp_part_amt']], cite: 'DESIGN.md "Money"; §2.9' },
  { left: 'psn_part_amt', readings: [['acct_pay', 'psn_cash_pay'], ['acct_pay', 'psn_cash_pay', 'acct_mulaid_pay']], cite: 'DESIGN.md "Money"; §2.9 "(+acct_mulaid_pay, 0 in the samples)"' },
  { left: 'medfee_sumamt', readings: [['fulamt_ownpay_amt', 'overlmt_selfpay', 'preselfpay_amt', 'inscp_scp_amt']], cite: 'DESIGN.md "Money"; §2.9' },
];

/** §1.1 #2 and §2.9: a settlement's `medins_setl_id` is the msgid of the request that made it. */
export const MEDINS_SETL_ID_CITE = '§1.1 #2 "comes back as medins_setl_id"; §2.9 "medins_setl_id = the request\'s msgid"';
