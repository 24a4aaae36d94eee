import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { TerminalConfig } from '../../shared/config/terminalConfig';
import { maskName } from '../../shared/mask';
import { openKioskDb } from '../../electron/settlement/db';
import { Journal } from '../../electron/settlement/journal';
import { MsgIdGenerator } from '../../electron/settlement/nhsa/msgid';
import { settlementSubject } from '../../electron/settlement/usecases/settle';

export interface UnresolvedPerson {
  psnNo: string;
  name: string;
  insuplcAdmdvs: string;
}

/**
 * Leaves a kiosk data folder as a process that died mid-settlement would: one pending 2207 row
 * per person, written before sending and never answered (the next start adopts them as unknown).
 * Returns their msgids.
 */
export function leaveUnresolved(dataDir: string, config: TerminalConfig, persons: readonly UnresolvedPerson[]): string[] {
  mkdirSync(dataDir, { recursive: true });
  const db = openKioskDb(path.join(dataDir, 'kiosk.db'));
  try {
    const clock = () => new Date();
    const journal = new Journal(db, new MsgIdGenerator(db, config.institution.code, config.terminal.slot, clock), clock);
    return persons.map(
      (person) =>
        journal.begin({
          infno: '2207',
          subject: settlementSubject(person.psnNo),
          psnNo: person.psnNo,
          insuplcAdmdvs: person.insuplcAdmdvs,
          maskedName: maskName(person.name),
          requestedFen: 1000,
        }).msgid,
    );
  } finally {
    db.close();
  }
}

/** `count` made-up persons (not on the platform), for rows that only cost recovery time. */
export const strangers = (count: number): UnresolvedPerson[] =>
  Array.from({ length: count }, (_, i) => ({ psnNo: `4212000000000009${String(i).padStart(4, '0')}`, name: `测试${i}`, insuplcAdmdvs: '421200' }));
