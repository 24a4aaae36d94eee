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
