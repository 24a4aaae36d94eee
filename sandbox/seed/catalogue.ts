/**
 * The demo medical catalogue: national list codes (med_list_codg) with their class, the price
 * ceiling the fund recognises, and the hospital's own code and barcode. Shared by the policy
 * engine (what the fund pays) and the mini hospital system (what is ordered and sold).
 * Class A (甲) is fully in scope, class B (乙) has a pay-first self part, class C (丙) is
 * fully self-paid.
 */
export type CatalogueClass = 'A' | 'B' | 'C';
export type CatalogueKind = 'drug' | 'service' | 'material';

export interface CatalogueItem {
  medListCodg: string;
  medinsListCodg: string;
  barcode?: string;
  name: string;
  kind: CatalogueKind;
  cls: CatalogueClass;
  unit: string;
  /** Hospital's unit price in fen. */
  priceFen: number;
  /** Ceiling per unit the fund recognises, in fen; the excess is overlmt_selfpay. null = none. */
  priceCeilingFen: number | null;
}

export const CATALOGUE: readonly CatalogueItem[] = [
  { medListCodg: 'XA02BCA076A001010100', medinsListCodg: 'YP0001', barcode: '6901234560017', name: '奥美拉唑肠溶胶囊 20mg*14', kind: 'drug', cls: 'A', unit: '盒', priceFen: 1_850, priceCeilingFen: 2_000 },
  { medListCodg: 'XC09AAA025A001010100', medinsListCodg: 'YP0002', barcode: '6901234560024', name: '卡托普利片 25mg*100', kind: 'drug', cls: 'A', unit: '瓶', priceFen: 620, priceCeilingFen: 600 },
  { medListCodg: 'XA10BAA053A001010100', medinsListCodg: 'YP0003', barcode: '6901234560031', name: '二甲双胍缓释片 0.5g*30', kind: 'drug', cls: 'A', unit: '盒', priceFen: 1_290, priceCeilingFen: null },
  { medListCodg: 'XJ01DCA064B002010100', medinsListCodg: 'YP0004', barcode: '6901234560048', name: '头孢呋辛酯片 0.25g*12', kind: 'drug', cls: 'B', unit: '盒', priceFen: 3_260, priceCeilingFen: 3_500 },
  { medListCodg: 'XC10AAA086B001010100', medinsListCodg: 'YP0005', barcode: '6901234560055', name: '阿托伐他汀钙片 20mg*7', kind: 'drug', cls: 'B', unit: '盒', priceFen: 2_480, priceCeilingFen: 2_300 },
  { medListCodg: 'ZA04BAA0213010100000', medinsListCodg: 'YP0006', barcode: '6901234560062', name: '复方丹参滴丸 27mg*180', kind: 'drug', cls: 'B', unit: '瓶', priceFen: 2_950, priceCeilingFen: null },
  { medListCodg: 'XS01XXX000C001010100', medinsListCodg: 'YP0007', barcode: '6901234560079', name: '维生素C泡腾片 1g*10', kind: 'drug', cls: 'C', unit: '支', priceFen: 1_500, priceCeilingFen: null },
  { medListCodg: '001102000010000', medinsListCodg: 'FW0001', name: '普通门诊诊查费', kind: 'service', cls: 'A', unit: '次', priceFen: 1_000, priceCeilingFen: 1_000 },
  { medListCodg: '001102000020000', medinsListCodg: 'FW0002', name: '副主任医师门诊诊查费', kind: 'service', cls: 'A', unit: '次', priceFen: 2_500, priceCeilingFen: 2_000 },
  { medListCodg: '250101001000000', medinsListCodg: 'FW0003', name: '血常规', kind: 'service', cls: 'A', unit: '项', priceFen: 2_000, priceCeilingFen: 2_000 },
  { medListCodg: '210102015000000', medinsListCodg: 'FW0004', name: 'CT平扫', kind: 'service', cls: 'B', unit: '次', priceFen: 18_000, priceCeilingFen: 16_000 },
  { medListCodg: '110900001000000', medinsListCodg: 'FW0005', name: '普通病房床位费', kind: 'service', cls: 'A', unit: '日', priceFen: 4_000, priceCeilingFen: 3_500 },
  { medListCodg: '120100001000000', medinsListCodg: 'FW0006', name: '二级护理', kind: 'service', cls: 'A', unit: '日', priceFen: 2_200, priceCeilingFen: 2_200 },
  { medListCodg: 'C14020101000000', medinsListCodg: 'CL0001', name: '一次性输液器', kind: 'material', cls: 'B', unit: '套', priceFen: 350, priceCeilingFen: null },
  { medListCodg: 'ZZ0000000000000', medinsListCodg: 'FW0099', name: '特需病房升级费', kind: 'service', cls: 'C', unit: '日', priceFen: 20_000, priceCeilingFen: null },
];

export const catalogueByCode = new Map(CATALOGUE.map((item) => [item.medListCodg, item]));
export const catalogueByHospitalCode = new Map(CATALOGUE.map((item) => [item.medinsListCodg, item]));
