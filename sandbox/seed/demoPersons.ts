/**
 * Demo insured persons. Fictional: the names and ID numbers are made up (the ID checksums are
 * valid so input validation can be exercised). `faceFixture` names the photo in
 * ../shared/fixtures/faces/ the seed enrols for that person when the folder exists.
 */
export interface DemoPerson {
  psnNo: string;
  name: string;
  certno: string;
  gender: '1' | '2';
  birthday: string;
  /** Social-security card number and its card identification code (card_sn). */
  cardNo: string;
  cardSn: string;
  insutype: '310' | '390';
  insuplcAdmdvs: string;
  /** Personal account balance in fen (employees only; residents have none). */
  accountBalanceFen: number;
  insured: boolean;
  faceFixture?: string;
}

export const DEMO_PERSONS: readonly DemoPerson[] = [
  {
    psnNo: '42120000000000000001',
    name: '欧阳明',
    certno: '421202195803150017',
    gender: '1',
    birthday: '1958-03-15',
    cardNo: 'A42120001',
    cardSn: '421200D156000005A0001',
    insutype: '310',
    insuplcAdmdvs: '421200',
    accountBalanceFen: 352_000,
    insured: true,
    faceFixture: 'person_a_obama_1.jpg',
  },
  {
    psnNo: '42120000000000000002',
    name: '白建国',
    certno: '421202194211200039',
    gender: '1',
    birthday: '1942-11-20',
    cardNo: 'A42120002',
    cardSn: '421200D156000005A0002',
    insutype: '390',
    insuplcAdmdvs: '421200',
    accountBalanceFen: 0,
    insured: true,
    faceFixture: 'person_b_biden_1.jpg',
  },
  {
    psnNo: '42120000000000000003',
    name: '张秀兰',
    certno: '421202195001010020',
    gender: '2',
    birthday: '1950-01-01',
    cardNo: 'A42120003',
    cardSn: '421200D156000005A0003',
    insutype: '310',
    insuplcAdmdvs: '421200',
    accountBalanceFen: 8_850,
    insured: true,
  },
  {
    psnNo: '42120000000000000004',
    name: '李小红',
    certno: '421202198807070042',
    gender: '2',
    birthday: '1988-07-07',
    cardNo: 'A42120004',
    cardSn: '421200D156000005A0004',
    insutype: '390',
    insuplcAdmdvs: '421200',
    accountBalanceFen: 0,
    insured: true,
  },
  {
    psnNo: '42120000000000000005',
    name: '王停保',
    certno: '421202197512120052',
    gender: '1',
    birthday: '1975-12-12',
    cardNo: 'A42120005',
    cardSn: '421200D156000005A0005',
    insutype: '310',
    insuplcAdmdvs: '421200',
    accountBalanceFen: 10_000,
    insured: false,
  },
  // Two persons with no face template at all (issue 15): a child with no police photo yet, and an
  // elderly patient whose photo no longer matches. A bound relative's face acts for them
  // (seed/demoFamily.ts); card, ID number and QR code still work.
  {
    psnNo: '42120000000000000006',
    name: '欧阳乐乐',
    certno: '421202201206010049',
    gender: '2',
    birthday: '2012-06-01',
    cardNo: 'A42120006',
    cardSn: '421200D156000005A0006',
    insutype: '390',
    insuplcAdmdvs: '421200',
    accountBalanceFen: 0,
    insured: true,
  },
  {
    psnNo: '42120000000000000007',
    name: '欧阳德华',
    certno: '421202193105200014',
    gender: '1',
    birthday: '1931-05-20',
    cardNo: 'A42120007',
    cardSn: '421200D156000005A0007',
    insutype: '390',
    insuplcAdmdvs: '421200',
    accountBalanceFen: 0,
    insured: true,
  },
];
