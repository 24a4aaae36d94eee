import { createCipheriv, createDecipheriv, createHash, createPublicKey, verify } from 'node:crypto';

/**
 * The sandbox's own SM2/SM3/SM4, written apart from the kiosk's (which uses sm-crypto-v2) so the
 * two check each other. SM3 and SM4 are Node's OpenSSL. SM2 verification goes to OpenSSL when the
 * signer id is empty, the only id Node lets OpenSSL use (OpenSSL 3 computes Z over an empty id
 * unless told otherwise, and Node cannot tell it); for any other id — the region's is the client
 * id — Z and the curve arithmetic are done here (GB/T 32918.2 §7), with OpenSSL's SM3.
 */

const P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
const A = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn;
const B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const GX = 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n;
const GY = 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n;

/** SubjectPublicKeyInfo of an SM2 point (id-ecPublicKey, curve 1.2.156.10197.1.301), before 04‖x‖y. */
const SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex');

const mod = (x: bigint, m = P) => ((x % m) + m) % m;
const hex32 = (x: bigint) => Buffer.from(x.toString(16).padStart(64, '0'), 'hex');
const big = (bytes: Uint8Array) => BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
const sm3 = (...parts: Uint8Array[]) => createHash('sm3').update(Buffer.concat(parts)).digest();

export interface Sm2Point {
  x: bigint;
  y: bigint;
}

/** An uncompressed public key, hex 04‖x‖y (or x‖y), that lies on the curve. */
export function sm2Point(publicKeyHex: string): Sm2Point {
  const clean = publicKeyHex.trim().toLowerCase();
  const body = clean.length === 130 && clean.startsWith('04') ? clean.slice(2) : clean;
  if (!/^[0-9a-f]{128}$/.test(body)) throw new RangeError('an SM2 public key must be hex 04‖x‖y');
  const point = { x: BigInt(`0x${body.slice(0, 64)}`), y: BigInt(`0x${body.slice(64)}`) };
  if (mod(point.y * point.y - (point.x * point.x * point.x + A * point.x + B)) !== 0n) throw new RangeError('the SM2 public key is not on the curve');
  return point;
}

/** Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA), ENTL the id's length in bits on two bytes. */
export function sm2Z(userId: string, key: Sm2Point): Buffer {
  const id = Buffer.from(userId, 'utf8');
  const entl = Buffer.from([(id.length * 8) >> 8, (id.length * 8) & 0xff]);
  return sm3(entl, id, hex32(A), hex32(B), hex32(GX), hex32(GY), hex32(key.x), hex32(key.y));
}

type Jacobian = [bigint, bigint, bigint];
const INFINITY: Jacobian = [1n, 1n, 0n];

function double([x, y, z]: Jacobian): Jacobian {
  if (z === 0n || y === 0n) return INFINITY;
  const yy = mod(y * y);
  const s = mod(4n * x * yy);
  const zz = mod(z * z);
  const m = mod(3n * x * x + A * zz * zz);
  const x3 = mod(m * m - 2n * s);
  return [x3, mod(m * (s - x3) - 8n * yy * yy), mod(2n * y * z)];
}

function add(p: Jacobian, q: Jacobian): Jacobian {
  if (p[2] === 0n) return q;
  if (q[2] === 0n) return p;
  const z1z1 = mod(p[2] * p[2]);
  const z2z2 = mod(q[2] * q[2]);
  const u1 = mod(p[0] * z2z2);
  const u2 = mod(q[0] * z1z1);
  const s1 = mod(p[1] * q[2] * z2z2);
  const s2 = mod(q[1] * p[2] * z1z1);
  if (u1 === u2) return s1 === s2 ? double(p) : INFINITY;
  const h = mod(u2 - u1);
  const r = mod(s2 - s1);
  const hh = mod(h * h);
  const hhh = mod(hh * h);
  const x3 = mod(r * r - hhh - 2n * u1 * hh);
  return [x3, mod(r * (u1 * hh - x3) - s1 * hhh), mod(h * p[2] * q[2])];
}

function multiply(k: bigint, point: Sm2Point): Jacobian {
  let result = INFINITY;
  const base: Jacobian = [point.x, point.y, 1n];
  for (let bit = BigInt(k.toString(2).length - 1); bit >= 0n; bit -= 1n) {
    result = double(result);
    if ((k >> bit) & 1n) result = add(result, base);
  }
  return result;
}

function affineX([x, , z]: Jacobian): bigint {
  const zInv = modInverse(z);
  return mod(x * zInv * zInv);
}

/** z^(p-2) mod p: p is prime (Fermat), and speed does not matter here. */
function modInverse(value: bigint): bigint {
  let result = 1n;
  let base = mod(value);
  for (let e = P - 2n; e > 0n; e >>= 1n) {
    if (e & 1n) result = mod(result * base);
    base = mod(base * base);
  }
  return result;
}

/** GB/T 32918.2 §7.1 verification of a signature r‖s (64 bytes) over `message`. */
function verifyExplicit(message: Buffer, rs: Buffer, key: Sm2Point, userId: string): boolean {
  const r = big(rs.subarray(0, 32));
  const s = big(rs.subarray(32));
  if (r < 1n || r >= N || s < 1n || s >= N) return false;
  const e = big(sm3(sm2Z(userId, key), message));
  const t = (r + s) % N;
  if (t === 0n) return false;
  const sum = add(multiply(s, { x: GX, y: GY }), multiply(t, key));
  if (sum[2] === 0n) return false;
  return (e + affineX(sum)) % N === r;
}

/** r‖s as the DER SEQUENCE of two INTEGERs OpenSSL reads. */
function derOf(rs: Buffer): Buffer {
  const integer = (bytes: Buffer) => {
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) i += 1;
    const trimmed = bytes.subarray(i);
    const body = trimmed[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed;
    return Buffer.concat([Buffer.from([0x02, body.length]), body]);
  };
  const content = Buffer.concat([integer(rs.subarray(0, 32)), integer(rs.subarray(32))]);
  return Buffer.concat([Buffer.from([0x30, content.length]), content]);
}

/** SM2-with-SM3 verification of a 64-byte r‖s signature, signer id `userId`. */
export function sm2Verify(message: Buffer, rs: Buffer, publicKeyHex: string, userId: string): boolean {
  if (rs.length !== 64) return false;
  const key = sm2Point(publicKeyHex);
  if (userId !== '') return verifyExplicit(message, rs, key, userId);
  const spki = Buffer.concat([SPKI_PREFIX, Buffer.from('04', 'hex'), hex32(key.x), hex32(key.y)]);
  return verify('sm3', message, createPublicKey({ key: spki, format: 'der', type: 'spki' }), derOf(rs));
}

/** The explicit path with an empty id too: lets a test hold it against OpenSSL. */
export const sm2VerifyExplicit = (message: Buffer, rs: Buffer, publicKeyHex: string, userId: string): boolean =>
  rs.length === 64 && verifyExplicit(message, rs, sm2Point(publicKeyHex), userId);

/** SM4-ECB with PKCS#7 (OpenSSL's default padding), key = 16 bytes. */
export function sm4Encrypt(plain: Buffer, key: Buffer): Buffer {
  const cipher = createCipheriv('sm4-ecb', key, null);
  return Buffer.concat([cipher.update(plain), cipher.final()]);
}

export function sm4Decrypt(cipherText: Buffer, key: Buffer): Buffer {
  const decipher = createDecipheriv('sm4-ecb', key, null);
  return Buffer.concat([decipher.update(cipherText), decipher.final()]);
}
