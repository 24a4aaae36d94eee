/**
 * The causes a client would most like to recognise by their text — a reversal's original
 * missing, failed or already reversed; no live sign-in; a msgid used twice; a short account; a
 * settlement missing or already cancelled; a person unknown or not insured — each in several
 * Chinese wordings, one picked per answer. The kiosk must learn these outcomes from `infcode`
 * and its own queries, so no single sentence may become a contract.
 */
export const CAUSES = {
  originalMissing: ['原交易不存在', '未找到原交易', '查无原交易记录', '原交易报文ID无对应交易', '没有该报文ID的交易信息'],
  originalFailed: ['原交易失败，无需冲正', '原交易未成功，不能冲正', '原交易处理失败，没有可冲正的业务', '原交易状态为失败，冲正无效'],
  alreadyReversed: (by: string) => [
    `该交易已冲正（冲正报文${by}）`,
    `原交易已被冲正，冲正报文ID：${by}`,
    `重复冲正：${by}已冲正过该交易`,
    `原交易已撤回（${by}），不能再次冲正`,
  ],
  signNoMissing: ['签到后必须填写（9001）', '未签到，请先签到（9001）', '缺少签到编号，请先调用9001签到', '签到编号为空，请先签到'],
  signNoUnknown: ['本机构无此签到记录', '签到编号无效', '未找到该签到信息，请重新签到', '签到编号不存在或不属于本机构'],
  signedOut: ['已签退（9002），请重新签到', '该签到已失效（已签退），请重新签到', '签到已注销，请重新签到', '已签退，不能继续办理业务'],
  msgidUsed: ['已被之前的请求使用，每次请求须使用新的msgid', '报文ID重复', '发送方报文ID已存在，请勿重复提交', '重复的报文ID，不予受理'],
  balanceShort: ['个人账户余额不足，无法恢复原结算的账户支付', '个人账户余额不足', '个账余额不够支付原结算的账户部分', '账户余额不足，不能恢复该结算'],
  settlementMissing: (scope: string) => [`${scope}无此结算记录`, `未找到${scope}的结算信息`, `结算ID不存在（${scope}）`, `查询不到该结算（${scope}）`],
  alreadyCancelled: (by: string) => [
    `该结算已撤销（撤销结算ID ${by}）`,
    `结算已被撤销，撤销记录${by}`,
    `重复撤销：${by}已撤销该结算`,
    `该笔结算已退费（${by}），不能再次撤销`,
  ],
  wasReversed: ['该结算已冲正（2601），无可撤销内容', '结算已被冲正，不能撤销', '原结算已冲正作废', '该结算已不存在（已冲正）'],
  personMissing: (by: string) => [`无此${by}对应的参保人员`, `未查询到该${by}的参保信息`, `查无此人（${by}）`, `${by}不存在`, `人员信息不存在，请核实${by}`],
  notInsured: ['该人员未参保（psn_insu_stas 为0）', '人员处于停保状态', '参保状态异常，不能享受医保待遇', '非参保人员，无待遇资格'],
} as const;

const VISIT_STATES: Record<string, string> = {
  registered: '已挂号',
  cancelled: '已撤销',
  settled: '已结算',
  admitted: '在院',
  discharged: '已出院',
  reversed: '已冲正',
};

const VISIT_KINDS: Record<string, string> = { outpatient: '门诊', inpatient: '住院', pharmacy: '购药' };
const INSTITUTION_KINDS: Record<string, string> = { hospital: '定点医院', pharmacy: '定点药店' };

/** A visit's state as the answer says it; an unexpected one shows as stored. */
export const visitStateText = (state: string): string => VISIT_STATES[state] ?? state;

export const visitKindText = (kind: string): string => VISIT_KINDS[kind] ?? kind;
export const institutionText = (kind: string): string => INSTITUTION_KINDS[kind] ?? kind;
