import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';

/**
 * Authentications between `cn.nhsa.ec.auth` and `cn.nhsa.auth.check`: who matched (or which
 * candidates a second factor must pick from), never the photo or the descriptor.
 */
export type AuthState = 'matched' | 'second-factor' | 'used' | 'burnt';

export interface AuthRow {
  authNo: string;
  orgId: string;
  outBizNo: string;
  state: AuthState;
  psnNo: string | null;
  candidates: string[];
  attempts: number;
  expiresAt: number;
}

export function createAuthStore(db: DatabaseSync) {
  const insert = db.prepare(
    `INSERT INTO face_auths (auth_no, org_id, out_biz_no, state, psn_no, candidates, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (org_id, out_biz_no) DO NOTHING`,
  );
  const byNo = db.prepare('SELECT * FROM face_auths WHERE auth_no = ?');
  const byBizNo = db.prepare('SELECT 1 FROM face_auths WHERE org_id = ? AND out_biz_no = ?');
  const setState = db.prepare('UPDATE face_auths SET state = ?, psn_no = COALESCE(?, psn_no) WHERE auth_no = ? AND state = ?');
  const countAttempt = db.prepare('UPDATE face_auths SET attempts = attempts + 1 WHERE auth_no = ? RETURNING attempts');
  return {
    outBizNoTaken(orgId: string, outBizNo: string): boolean {
      return byBizNo.get(orgId, outBizNo) !== undefined;
    },
    /** The new authNo; undefined when a concurrent call took the same outBizNo first. */
    create(row: Omit<AuthRow, 'authNo' | 'attempts'>): string | undefined {
      const authNo = `AUTH${randomBytes(12).toString('hex').toUpperCase()}`;
      const { changes } = insert.run(authNo, row.orgId, row.outBizNo, row.state, row.psnNo, JSON.stringify(row.candidates), row.expiresAt);
      return Number(changes) === 1 ? authNo : undefined;
    },
    get(authNo: string): AuthRow | undefined {
      const row = byNo.get(authNo) as Record<string, unknown> | undefined;
      if (!row) return undefined;
      return {
        authNo: String(row['auth_no']),
        orgId: String(row['org_id']),
        outBizNo: String(row['out_biz_no']),
        state: row['state'] as AuthState,
        psnNo: row['psn_no'] === null ? null : String(row['psn_no']),
        candidates: JSON.parse(String(row['candidates'] ?? '[]')) as string[],
        attempts: Number(row['attempts']),
        expiresAt: Number(row['expires_at']),
      };
    },
    /** Moves from `from` to `to`; false when another request got there first. */
    transition(authNo: string, from: AuthState, to: AuthState, psnNo?: string): boolean {
      return Number(setState.run(to, psnNo ?? null, authNo, from).changes) === 1;
    },
    recordWrongAttempt(authNo: string): number {
      return Number((countAttempt.get(authNo) as { attempts: number }).attempts);
    },
  };
}

export type AuthStore = ReturnType<typeof createAuthStore>;
