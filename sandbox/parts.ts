import type { DatabaseSync } from 'node:sqlite';
import type { SandboxRoute } from './http/types';

/**
 * What the sandbox's parts (platform, e-voucher face service, hospital system) may know of
 * each other. Each part owns its own tables (prefixed `platform_`, `face_`, `his_`) in the one
 * sandbox database and contributes routes; `server.ts` wires them.
 */
export interface PersonRecord {
  psnNo: string;
  name: string;
  certno: string;
  gender: '1' | '2';
  birthday: string;
  insutype: string;
  insuplcAdmdvs: string;
  insured: boolean;
}

export interface PersonDirectory {
  byPsnNo(psnNo: string): PersonRecord | undefined;
  byCertno(certno: string): PersonRecord | undefined;
  all(): PersonRecord[];
  /** The persons `psnNo` may act for (the platform's family bindings); absent where none are kept. */
  familyOf?(psnNo: string): FamilyMemberRecord[];
}

/** One bound family member as the e-voucher channel may tell the payer of it. */
export interface FamilyMemberRecord {
  psnNo: string;
  name: string;
  /** What the member is to the payer: 配偶, 父亲, 母亲, 子女, 其他亲属. */
  relation: string;
  relationCode: string;
  /** The payer's employee account may pay the member's personal part (共济). */
  mutualAid: boolean;
}

export type EcTokenResolution =
  | { ok: true; psnNo: string }
  | { ok: false; reason: 'unknown' | 'expired' };

/** Implemented by the face service; the platform asks it when 1101 arrives with cert type 01. */
export interface EcTokenResolver {
  resolve(token: string): EcTokenResolution;
}

export interface SandboxPartDeps {
  db: DatabaseSync;
  clock: () => Date;
  persons: PersonDirectory;
  /** One line, no personal data in clear. */
  log(line: string): void;
}

export interface SandboxPart {
  routes: SandboxRoute[];
  close?(): Promise<void> | void;
}
