import type { DatabaseSync } from 'node:sqlite';

/** The mini hospital system's tables. Money is integer fen; times are China-time text. */
export function migrateHisTables(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS his_departments (
      code TEXT PRIMARY KEY, name TEXT NOT NULL, caty TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS his_doctors (
      code TEXT PRIMARY KEY, name TEXT NOT NULL, title TEXT NOT NULL,
      dept_code TEXT NOT NULL REFERENCES his_departments (code),
      reg_item TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS his_catalogue (
      medins_list_codg TEXT PRIMARY KEY, med_list_codg TEXT NOT NULL, barcode TEXT UNIQUE,
      name TEXT NOT NULL, kind TEXT NOT NULL, cls TEXT NOT NULL, unit TEXT NOT NULL,
      price_fen INTEGER NOT NULL CHECK (price_fen >= 0)
    );
    CREATE TABLE IF NOT EXISTS his_slots (
      id INTEGER PRIMARY KEY, doctor_code TEXT NOT NULL REFERENCES his_doctors (code),
      date TEXT NOT NULL, period TEXT NOT NULL CHECK (period IN ('AM', 'PM')),
      capacity INTEGER NOT NULL, booked INTEGER NOT NULL DEFAULT 0 CHECK (booked <= capacity),
      UNIQUE (doctor_code, date, period)
    );
    CREATE TABLE IF NOT EXISTS his_bills (
      bill_no TEXT PRIMARY KEY, psn_no TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('registration', 'outpatient')),
      dept_code TEXT NOT NULL, doctor_code TEXT NOT NULL, visit_no TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'cancelled')),
      total_fen INTEGER NOT NULL, created_at TEXT NOT NULL,
      setl_id TEXT, paid_at TEXT
    );
    CREATE INDEX IF NOT EXISTS his_bills_psn ON his_bills (psn_no, status);
    CREATE TABLE IF NOT EXISTS his_bill_lines (
      bill_no TEXT NOT NULL REFERENCES his_bills (bill_no), line_no INTEGER NOT NULL,
      medins_list_codg TEXT NOT NULL, qty INTEGER NOT NULL CHECK (qty > 0),
      unit_price_fen INTEGER NOT NULL, amount_fen INTEGER NOT NULL,
      PRIMARY KEY (bill_no, line_no)
    );
    CREATE TABLE IF NOT EXISTS his_registrations (
      reg_no TEXT PRIMARY KEY, psn_no TEXT NOT NULL, slot_id INTEGER NOT NULL REFERENCES his_slots (id),
      bill_no TEXT NOT NULL REFERENCES his_bills (bill_no),
      status TEXT NOT NULL CHECK (status IN ('active', 'cancelled')), created_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS his_stays (
      stay_no TEXT PRIMARY KEY, psn_no TEXT NOT NULL, dept_code TEXT NOT NULL, doctor_code TEXT NOT NULL,
      bed TEXT NOT NULL, admitted_on TEXT NOT NULL, discharged_on TEXT,
      status TEXT NOT NULL CHECK (status IN ('admitted', 'discharged', 'paid')),
      daily_items TEXT NOT NULL, setl_id TEXT, paid_at TEXT
    );
    CREATE TABLE IF NOT EXISTS his_stay_lines (
      stay_no TEXT NOT NULL REFERENCES his_stays (stay_no), line_no INTEGER NOT NULL,
      fee_date TEXT NOT NULL, medins_list_codg TEXT NOT NULL, qty INTEGER NOT NULL,
      unit_price_fen INTEGER NOT NULL, amount_fen INTEGER NOT NULL, daily INTEGER NOT NULL,
      PRIMARY KEY (stay_no, line_no)
    );
    CREATE TABLE IF NOT EXISTS his_sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS his_visits (
      visit_no TEXT PRIMARY KEY, psn_no TEXT NOT NULL, dept_code TEXT NOT NULL, doctor_code TEXT NOT NULL,
      visit_date TEXT NOT NULL, begntime TEXT NOT NULL, reg_no TEXT, mdtrt_id TEXT
    );
    CREATE INDEX IF NOT EXISTS his_visits_psn ON his_visits (psn_no, visit_date);
    CREATE TABLE IF NOT EXISTS his_diagnoses (
      owner_kind TEXT NOT NULL CHECK (owner_kind IN ('visit', 'admission', 'discharge')), owner_no TEXT NOT NULL,
      seq INTEGER NOT NULL, diag_type TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, main INTEGER NOT NULL,
      doctor_code TEXT NOT NULL REFERENCES his_doctors (code), time TEXT NOT NULL,
      PRIMARY KEY (owner_kind, owner_no, seq)
    );
  `);
  migrateOlderDatabases(db);
}

/**
 * Sandbox databases written before the HIS port carried prescriptions, real stay times and
 * visits: the new columns are added and filled from what the old rows hold.
 */
function migrateOlderDatabases(db: DatabaseSync): void {
  const added = (table: string, column: string, declaration: string) => {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    if (columns.some((c) => c.name === column)) return false;
    db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${declaration}`);
    return true;
  };
  added('his_bill_lines', 'rxno', 'TEXT');
  added('his_bill_lines', 'rx_circ', 'INTEGER NOT NULL DEFAULT 0');
  if (added('his_stays', 'admitted_at', 'TEXT')) db.exec("UPDATE his_stays SET admitted_at = admitted_on || ' 08:00:00'");
  if (added('his_stays', 'discharged_at', 'TEXT')) db.exec("UPDATE his_stays SET discharged_at = discharged_on || ' 10:00:00' WHERE discharged_on IS NOT NULL");
  if (added('his_stays', 'dscg_way', 'TEXT')) db.exec("UPDATE his_stays SET dscg_way = '1' WHERE discharged_on IS NOT NULL");
  added('his_stays', 'discharge_plan', 'TEXT');
  if (added('his_stay_lines', 'fee_time', 'TEXT')) db.exec("UPDATE his_stay_lines SET fee_time = fee_date || ' 08:00:00'");
  db.exec(`INSERT OR IGNORE INTO his_visits (visit_no, psn_no, dept_code, doctor_code, visit_date, begntime, reg_no)
    SELECT b.visit_no, b.psn_no, b.dept_code, b.doctor_code, substr(MIN(b.created_at), 1, 10), MIN(b.created_at), r.reg_no
    FROM his_bills b LEFT JOIN his_registrations r ON r.reg_no = b.visit_no GROUP BY b.visit_no`);
}

/** Next number of a named sequence (bill, registration and stay numbers never repeat). */
export function nextSequence(db: DatabaseSync, name: string): number {
  const row = db
    .prepare('INSERT INTO his_sequences (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value')
    .get(name) as { value: number };
  return Number(row.value);
}
