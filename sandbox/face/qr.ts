import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import QRCode from 'qrcode';

/**
 * Demo e-voucher QR codes: short-lived and single-use like the real dynamic ones, so a
 * photographed code cannot be replayed. The payload is opaque: area + `qr` + 30 characters.
 */
export interface QrCodes {
  issue(psnNo: string): Promise<{ payload: string; expiresAt: number; svg: string }>;
  redeem(payload: string): { ok: true; psnNo: string } | { ok: false; reason: 'unknown' | 'expired' };
}

export function createQrCodes(db: DatabaseSync, clock: () => Date, areaCode: string, ttlSeconds: number): QrCodes {
  const insert = db.prepare('INSERT INTO face_qr_codes (code, psn_no, expires_at) VALUES (?, ?, ?)');
  const find = db.prepare('SELECT psn_no, expires_at FROM face_qr_codes WHERE code = ? AND used = 0');
  const use = db.prepare('UPDATE face_qr_codes SET used = 1 WHERE code = ? AND used = 0');
  return {
    async issue(psnNo) {
      const payload = `${areaCode}qr${randomBytes(15).toString('hex').toUpperCase()}`;
      const expiresAt = clock().getTime() + ttlSeconds * 1000;
      insert.run(payload, psnNo, expiresAt);
      const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { payload, expiresAt, svg };
    },
    redeem(payload) {
      const row = find.get(payload) as { psn_no: string; expires_at: number } | undefined;
      if (!row) return { ok: false, reason: 'unknown' };
      if (clock().getTime() >= Number(row.expires_at)) return { ok: false, reason: 'expired' };
      if (Number(use.run(payload).changes) !== 1) return { ok: false, reason: 'unknown' };
      return { ok: true, psnNo: row.psn_no };
    },
  };
}
