import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Scans every file under a directory (logs, SQLite databases and their WAL, JSON, anything the
 * app wrote) for personal data that must never be at rest: ID numbers, the names and IDs of the
 * people a test used, e-voucher tokens, base64 images and face descriptors. Files are read as
 * UTF-8 whatever they are: SQLite keeps text as UTF-8 inside its pages, so a name in a database
 * is found like a name in a log.
 */

export type LeakKind = 'id-number' | 'name' | 'token' | 'base64-image' | 'descriptor';

export interface LeakHit {
  file: string;
  kind: LeakKind;
  /** Character offset in the file read as UTF-8. */
  offset: number;
  /** What was found, masked, so the failure report does not repeat the leak. */
  found: string;
}

export interface LeakScanOptions {
  /** Names of the people the test run used (full names; a masked `张*三` is not a hit). */
  knownNames?: readonly string[];
  /**
   * Their ID numbers (and other identifiers) searched for verbatim, also where the generic
   * pattern cannot see them: SQLite stores a row's text columns back to back, digits next to digits.
   */
  knownIds?: readonly string[];
  /** Paths relative to the root to leave out, e.g. the embedded sandbox's own platform database. */
  ignore?: (relativePath: string) => boolean;
}

/**
 * 18 characters standing alone (17 digits and a check character) with a birth date where a
 * resident ID number has one. The check character is not verified: test data often gets it
 * wrong, and such a number at rest is the same leak.
 */
export function looksLikeIdNumber(candidate: string): boolean {
  if (!/^\d{17}[\dX]$/i.test(candidate)) return false;
  const year = Number(candidate.slice(6, 10));
  const month = Number(candidate.slice(10, 12));
  const day = Number(candidate.slice(12, 14));
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const mask = (text: string) =>
  text.length <= 4 ? '*'.repeat(text.length) : `${text.slice(0, 2)}${'*'.repeat(Math.min(text.length - 4, 12))}${text.slice(-2)}`;

const NUMBER = String.raw`-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?`;

const PATTERNS: { kind: LeakKind; pattern: RegExp; accept?: (match: string) => boolean }[] = [
  { kind: 'id-number', pattern: /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, accept: looksLikeIdNumber },
  { kind: 'token', pattern: /\d{6}ec[0-9A-Za-z]{16,}/g },
  { kind: 'token', pattern: /eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g },
  { kind: 'base64-image', pattern: /data:image\/[a-z0-9.+-]+;base64,/gi },
  // JPEG, PNG and WebP as base64 start with these; 100 characters on is no accident.
  { kind: 'base64-image', pattern: /(?:\/9j\/|iVBORw0KGgo|UklGR)[A-Za-z0-9+/]{100,}/g },
  { kind: 'base64-image', pattern: /[A-Za-z0-9+/]{1000,}={0,2}/g },
  // 32 or more numbers in a list, some with decimals: a descriptor (or a part of one) as text.
  { kind: 'descriptor', pattern: new RegExp(`${NUMBER}(?:\\s*,\\s*${NUMBER}){31,}`, 'gi'), accept: (list) => list.includes('.') },
];

const jsonEscaped = (text: string) => JSON.stringify(text).slice(1, -1).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function scanText(file: string, text: string, options: LeakScanOptions): LeakHit[] {
  const hits: LeakHit[] = [];
  for (const { kind, pattern, accept } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      if (accept && !accept(match[0])) continue;
      hits.push({ file, kind, offset: match.index, found: mask(match[0].slice(0, 40)) });
    }
  }
  const verbatim: [LeakKind, readonly string[]][] = [
    ['name', options.knownNames ?? []],
    ['id-number', options.knownIds ?? []],
  ];
  for (const [kind, values] of verbatim) {
    for (const value of values.filter((v) => v.length > 0)) {
      // A name written by JSON.stringify with ASCII escapes is the same leak.
      for (const form of new Set([value, jsonEscaped(value)])) {
        let at = text.indexOf(form);
        while (at !== -1) {
          if (!hits.some((h) => h.offset === at && h.kind === kind)) hits.push({ file, kind, offset: at, found: mask(value) });
          at = text.indexOf(form, at + form.length);
        }
      }
    }
  }
  return hits;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full);
    return entry.isFile() ? [full] : [];
  });
}

/** Every hit under `root`, in file order; [] means clean. */
export function scanForLeaks(root: string, options: LeakScanOptions = {}): LeakHit[] {
  return listFiles(root)
    .filter((file) => !options.ignore?.(path.relative(root, file)))
    .filter((file) => statSync(file).size > 0)
    .flatMap((file) => scanText(path.relative(root, file), readFileSync(file).toString('utf8'), options))
    .sort((a, b) => a.file.localeCompare(b.file) || a.offset - b.offset);
}

/** For the end-to-end test: throws one readable report listing every hit under the roots. */
export function expectNoLeaks(roots: readonly string[], options: LeakScanOptions = {}): void {
  const hits = roots.flatMap((root) => scanForLeaks(root, options).map((hit) => ({ ...hit, file: path.join(root, hit.file) })));
  if (hits.length === 0) return;
  const lines = hits.slice(0, 50).map((h) => `  ${h.kind} in ${h.file} at ${h.offset}: ${h.found}`);
  throw new Error(`personal data at rest (${hits.length} hit${hits.length === 1 ? '' : 's'}):\n${lines.join('\n')}${hits.length > 50 ? '\n  …' : ''}`);
}
