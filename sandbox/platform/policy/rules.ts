import type { Fen } from '../../../shared/money';

/**
 * The demo region's policy (Xianning, 421200) in one place. Every number the settlement
 * engine uses is here; sandbox/README.md carries the same table for people.
 */
export type Setting = 'outpatient' | 'inpatient';
export type Insutype = '310' | '390';

/** med_type → the benefit it draws on. 41 (pharmacy purchase) draws on the outpatient benefit. */
export const MED_TYPE_SETTING: Readonly<Record<string, Setting>> = {
  '11': 'outpatient', // 普通门诊
  '12': 'outpatient', // 门诊挂号
  '13': 'outpatient', // 急诊
  '14': 'outpatient', // 门诊慢特病
  '21': 'inpatient', // 普通住院
  '41': 'outpatient', // 定点药店购药
};

export interface BenefitPolicy {
  /** Yearly deductible (起付线) applied to the in-scope amount, per person and setting. */
  deductibleFen: Fen;
  /** Yearly cap of the pooled fund's payments, per person and setting. */
  annualCapFen: Fen;
  /** Pooled-fund share of the in-scope amount above the deductible, in basis points. */
  ratioBp: Readonly<Record<string, number>>;
}

export interface SchemePolicy {
  name: string;
  fundPayType: string;
  fundPayTypeName: string;
  /** Residents have no personal account: acct_used_flag=1 then pays nothing from one. */
  account: { fundPayType: string; name: string } | null;
  outpatient: BenefitPolicy;
  inpatient: BenefitPolicy;
}

export const DEMO_POLICY = {
  area: '421200',
  /** Class B (乙类) items: this share of the recognised amount is paid first by the person (先行自付). */
  classBPreselfBp: 1_000,
  schemes: {
    '310': {
      name: '职工基本医疗保险',
      fundPayType: '310100',
      fundPayTypeName: '职工基本医疗保险统筹基金',
      account: { fundPayType: '310200', name: '职工基本医疗保险个人账户基金' },
      outpatient: { deductibleFen: 20_000, annualCapFen: 300_000, ratioBp: { '11': 6_000, '12': 6_000, '13': 6_000, '14': 8_000, '41': 5_000 } },
      inpatient: { deductibleFen: 80_000, annualCapFen: 30_000_000, ratioBp: { '21': 8_500 } },
    },
    '390': {
      name: '城乡居民基本医疗保险',
      fundPayType: '390100',
      fundPayTypeName: '城乡居民基本医疗保险基金',
      account: null,
      outpatient: { deductibleFen: 0, annualCapFen: 40_000, ratioBp: { '11': 5_000, '12': 5_000, '13': 5_000, '14': 6_000, '41': 5_000 } },
      inpatient: { deductibleFen: 60_000, annualCapFen: 15_000_000, ratioBp: { '21': 7_000 } },
    },
  } satisfies Record<Insutype, SchemePolicy>,
} as const;

export function schemeOf(insutype: string): SchemePolicy | undefined {
  return (DEMO_POLICY.schemes as Record<string, SchemePolicy>)[insutype];
}
