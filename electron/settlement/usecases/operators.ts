import { scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Cancels move money back, so they need a staff member's authorisation, not the patient's.
 * PINs are held as scrypt hashes (`salt:hash`, hex) in the terminal's configuration.
 */
export interface OperatorAuthoriser {
  verify(operatorId: string, pin: string): boolean;
}

export function hashPin(pin: string, salt: string): string {
  return `${salt}:${scryptSync(pin, salt, 32).toString('hex')}`;
}

export function pinAuthoriser(hashes: Readonly<Record<string, string>>): OperatorAuthoriser {
  return {
    verify(operatorId, pin) {
      const stored = hashes[operatorId];
      if (!stored) return false;
      const [salt = '', hash = ''] = stored.split(':');
      const candidate = Buffer.from(hashPin(pin, salt).split(':')[1]!, 'hex');
      const expected = Buffer.from(hash, 'hex');
      return candidate.length === expected.length && timingSafeEqual(candidate, expected);
    },
  };
}
