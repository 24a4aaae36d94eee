/**
 * The demo region's family bindings (亲情账户 and 个人账户家庭共济), between the demo persons of
 * demoPersons.ts. A binding is one-way: `payer` identified at the counter may act for `member`
 * (register, settle, buy) and, with `mayMutualAid`, pay the member's personal part from the
 * payer's own employee account. `relation` is what the member is to the payer.
 *
 * Relation codes are the sandbox's own (the spec has no dictionary for them): 1 配偶, 2 父亲,
 * 3 母亲, 4 子女, 9 其他亲属. National policy (国办发〔2021〕14号) lets an employee's personal
 * account pay for a spouse, parents and children; a 其他亲属 binding may act but never pay.
 */
export const RELATIONS = { '1': '配偶', '2': '父亲', '3': '母亲', '4': '子女', '9': '其他亲属' } as const;
export type RelationCode = keyof typeof RELATIONS;
/** The relations whose personal part an employee account may pay (共济). */
export const MUTUAL_AID_RELATIONS: readonly RelationCode[] = ['1', '2', '3', '4'];

export interface DemoBinding {
  payer: string;
  member: string;
  relation: RelationCode;
  mayActFor: boolean;
  mayMutualAid: boolean;
}

const OUYANG_MING = '42120000000000000001'; // employee, face A, ¥3 520.00
const BAI_JIANGUO = '42120000000000000002'; // resident, face B
const ZHANG_XIULAN = '42120000000000000003'; // employee, no face, ¥88.50
const LI_XIAOHONG = '42120000000000000004'; // resident, no face
const OUYANG_LELE = '42120000000000000006'; // resident child, no face template
const OUYANG_DEHUA = '42120000000000000007'; // resident, elderly, no usable photo

export const DEMO_FAMILY: readonly DemoBinding[] = [
  // 欧阳明 pays for his family through his face: the e2e and demo path.
  { payer: OUYANG_MING, member: OUYANG_LELE, relation: '4', mayActFor: true, mayMutualAid: true },
  { payer: OUYANG_MING, member: OUYANG_DEHUA, relation: '2', mayActFor: true, mayMutualAid: true },
  { payer: OUYANG_MING, member: ZHANG_XIULAN, relation: '1', mayActFor: true, mayMutualAid: true },
  // 张秀兰's balance is small: 共济 pays what it holds and the rest is cash, never a refusal.
  { payer: ZHANG_XIULAN, member: OUYANG_MING, relation: '1', mayActFor: true, mayMutualAid: true },
  { payer: ZHANG_XIULAN, member: OUYANG_LELE, relation: '4', mayActFor: true, mayMutualAid: true },
  // Her father-in-law: she may act for him, but a 其他亲属 binding never pays (refused).
  { payer: ZHANG_XIULAN, member: OUYANG_DEHUA, relation: '9', mayActFor: true, mayMutualAid: false },
  // A resident has no personal account: the binding lets 白建国 act, 共济 is refused.
  { payer: BAI_JIANGUO, member: LI_XIAOHONG, relation: '4', mayActFor: true, mayMutualAid: true },
];
