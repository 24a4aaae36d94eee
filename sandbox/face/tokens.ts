import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { EcTokenResolution, EcTokenResolver } from '../parts';

/**
 * ecTokens: one per authentication (a visit), valid for a configured number of minutes. The
 * shape follows the public samples: 6-digit area + `ec` + 30 characters (38 in all). Kept in
 * the database so a sandbox restart does not end a visit in progress.
 */
export interface TokenIssuer extends EcTokenResolver {
  /** `family`: a member's token handed to a bound relative (cn.nhsa.ec.family), as a 亲情账户 does. */
  issue(psnNo: string, via: 'face' | 'qr' | 'family'): { token: string; expiresAt: number };
  /** How a live token was issued; undefined when it is unknown or expired. */
  viaOf(token: string): string | undefined;
}

export function createTokenIssuer(db: DatabaseSync, clock: () => Date, areaCode: string, ttlMinutes: number): TokenIssuer {
  const insert = db.prepare('INSERT INTO face_tokens (token, psn_no, via, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)');
  const find = db.prepare('SELECT psn_no, via, expires_at FROM face_tokens WHERE token = ?');
  return {
    issue(psnNo, via) {
      const now = clock().getTime();
      const token = `${areaCode}ec${randomBytes(15).toString('hex').toUpperCase()}`;
      const expiresAt = now + ttlMinutes * 60_000;
      insert.run(token, psnNo, via, now, expiresAt);
      return { token, expiresAt };
    },
    viaOf(token) {
      const row = find.get(token) as { via: string; expires_at: number } | undefined;
      return row && clock().getTime() < Number(row.expires_at) ? row.via : undefined;
    },
    resolve(token): EcTokenResolution {
      const row = find.get(token) as { psn_no: string; via: string; expires_at: number } | undefined;
      if (!row) return { ok: false, reason: 'unknown' };
      if (clock().getTime() >= Number(row.expires_at)) return { ok: false, reason: 'expired' };
      return { ok: true, psnNo: row.psn_no };
    },
  };
}
