import { sm2, sm4 } from 'sm-crypto-v2';

/**
 * SM2/SM3/SM4 for the kiosk, from `sm-crypto-v2` (pure JS on @noble/curves and BigInt). Not
 * node:crypto: Electron's main process runs on BoringSSL, which has none of the three, so the
 * same code runs under Electron and under the tests. Why this library: electron/settlement/README.md.
 */

const utf8 = new TextEncoder();

/** SM4-ECB with PKCS#7 padding, key = the 16 bytes given; Base64 out (spec §1.3, pattern 3). */
export function sm4EncryptBase64(plain: string, key: Uint8Array): string {
  requireKey(key);
  return Buffer.from(sm4.encrypt(utf8.encode(plain), key, { mode: 'ecb', padding: 'pkcs#7', output: 'array' })).toString('base64');
}

/** The inverse of sm4EncryptBase64; throws on anything that is not such a ciphertext. */
export function sm4DecryptBase64(cipher: string, key: Uint8Array): string {
  requireKey(key);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(cipher) || cipher.length === 0) throw new Error('not Base64');
  const bytes = Buffer.from(cipher, 'base64');
  if (bytes.length === 0 || bytes.length % 16 !== 0) throw new Error('not a whole number of SM4 blocks');
  const plain = sm4.decrypt(new Uint8Array(bytes), key, { mode: 'ecb', padding: 'pkcs#7', output: 'array' });
  return new TextDecoder('utf-8', { fatal: true }).decode(plain);
}

function requireKey(key: Uint8Array): void {
  if (key.length !== 16) throw new RangeError(`an SM4 key is 16 bytes, not ${key.length}`);
}

/**
 * A private key as regions issue it: 64 hex digits, or Base64 of the 32-byte scalar (OHJ's
 * `cliPrvKey`). Returned as hex, the library's form.
 */
export function sm2PrivateKeyHex(text: string): string {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return trimmed.toLowerCase();
  const bytes = Buffer.from(trimmed, 'base64');
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) && bytes.length === 32) return bytes.toString('hex');
  throw new RangeError('an SM2 private key must be 64 hex digits or Base64 of 32 bytes');
}

/** The uncompressed public key (04 ‖ x ‖ y, hex) of a private key: what the region registers. */
export const sm2PublicKeyHex = (privateKeyHex: string): string => sm2.getPublicKeyFromPrivateKey(privateKeyHex);

/**
 * SM2 signature with SM3 over Z(userId, public key) ‖ message, as Base64 of r ‖ s (64 bytes,
 * OHJ's form). The user id is given explicitly: the library's default (1234567812345678)
 * and OpenSSL's (empty) differ, and the region's is the client id (spec §1.3).
 */
export function sm2SignBase64(message: string, privateKeyHex: string, userId: string, publicKeyHex = sm2PublicKeyHex(privateKeyHex)): string {
  const rs = sm2.doSignature(utf8.encode(message), privateKeyHex, { hash: true, publicKey: publicKeyHex, userId, der: false });
  return Buffer.from(rs, 'hex').toString('base64');
}

/** Verifies what sm2SignBase64 makes (tests and diagnostics). */
export function sm2VerifyBase64(message: string, signature: string, publicKeyHex: string, userId: string): boolean {
  const rs = Buffer.from(signature, 'base64');
  if (rs.length !== 64) return false;
  return sm2.doVerifySignature(utf8.encode(message), rs.toString('hex'), publicKeyHex, { hash: true, userId, der: false });
}
