import type { PersonDirectory, PersonRecord } from '../../../sandbox/parts';
import { DEMO_PERSONS } from '../../../sandbox/seed/demoPersons';

/** The demo persons as a directory, standing in for the platform's in a part's own tests. */
export function demoPersonDirectory(): PersonDirectory {
  const records: PersonRecord[] = DEMO_PERSONS.map((p) => ({
    psnNo: p.psnNo,
    name: p.name,
    certno: p.certno,
    gender: p.gender,
    birthday: p.birthday,
    insutype: p.insutype,
    insuplcAdmdvs: p.insuplcAdmdvs,
    insured: p.insured,
  }));
  return {
    byPsnNo: (psnNo) => records.find((r) => r.psnNo === psnNo),
    byCertno: (certno) => records.find((r) => r.certno === certno),
    all: () => [...records],
  };
}
