import type { DatabaseSync } from 'node:sqlite';
import type { PersonDirectory, PersonRecord } from '../parts';
import { bindingsOf, mayPayFor, relationName } from './family';
import { Statements, type PersonRow } from './store';

const toRecord = (row: PersonRow): PersonRecord => ({
  psnNo: row.psn_no,
  name: row.name,
  certno: row.certno,
  gender: row.gender === '2' ? '2' : '1',
  birthday: row.birthday,
  insutype: row.insutype,
  insuplcAdmdvs: row.insuplc_admdvs,
  insured: row.insured === 1,
});

/** The insured persons as the other sandbox parts see them; the platform's table is the source. */
export function createPersonDirectory(db: DatabaseSync): PersonDirectory {
  const sql = new Statements(db);
  return {
    byPsnNo: (psnNo) => {
      const row = sql.get<PersonRow>('SELECT * FROM platform_person WHERE psn_no = ?', psnNo);
      return row && toRecord(row);
    },
    byCertno: (certno) => {
      const row = sql.get<PersonRow>('SELECT * FROM platform_person WHERE certno = ?', certno);
      return row && toRecord(row);
    },
    all: () => sql.all<PersonRow>('SELECT * FROM platform_person ORDER BY psn_no').map(toRecord),
    familyOf: (psnNo) => {
      const payer = sql.get<PersonRow>('SELECT * FROM platform_person WHERE psn_no = ?', psnNo);
      if (!payer) return [];
      return bindingsOf(sql, psnNo).flatMap((binding) => {
        const member = sql.get<PersonRow>('SELECT * FROM platform_person WHERE psn_no = ?', binding.member_psn_no);
        return member
          ? [{ psnNo: member.psn_no, name: member.name, relation: relationName(binding.relation_code), relationCode: binding.relation_code, mutualAid: mayPayFor(payer, binding) }]
          : [];
      });
    },
  };
}
