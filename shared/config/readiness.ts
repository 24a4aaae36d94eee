import { EMBEDDED_PLATFORM, SANDBOX_DEFAULTS, type TerminalConfig } from './terminalConfig';

/**
 * What `npm run config:check` says beyond the schema: values left from the example
 * (placeholders), and values the platform's 9001 sign-in would refuse although each is
 * well-formed on its own. The schema (terminalConfig.ts) is what the kiosk refuses to start
 * with; these are what would make the first sign-in fail at the counter on the first morning.
 */

/** What the shipped example and common habits leave in place of a real value. */
const PLACEHOLDER_TEXT = /REPLACE|CHANGE[-_ ]?ME|TODO|FIXME|<[^>]*>|\bexample\b|\.invalid\b|\.example\b|^x{3,}$|示例/i;
const ZERO_HASH = /:0{64}$/;

/** Every string of the file that is a placeholder, named by its path; hashes without their value. */
export function placeholderProblems(raw: unknown): string[] {
  const problems: string[] = [];
  const visit = (value: unknown, where: string) => {
    if (typeof value === 'string') {
      if (where.endsWith('pinHash') && (ZERO_HASH.test(value) || PLACEHOLDER_TEXT.test(value))) {
        problems.push(`${where}: is the example's placeholder, not a PIN's hash (npm run pin:hash -- <pin> prints one)`);
      } else if (PLACEHOLDER_TEXT.test(value)) {
        problems.push(`${where}: is a placeholder ("${value}"); write the value the region or the hospital issued`);
      }
      return;
    }
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, where ? `${where}.${i}` : String(i)));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, where ? `${where}.${key}` : key);
    }
  };
  visit(raw, '');
  return problems;
}

/** The first digits of the PRC's province-level division codes (GB/T 2260) the NHSA covers. */
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65']);

/**
 * Well-formed values a real platform's sign-in (9001) and envelope checks would still refuse:
 * a division code of no province, an institution registered in another pooling area than the
 * one the terminal names (the institution code is a letter, the 6-digit division it is
 * registered in and a 5-digit serial), an interface version of no known shape, and the
 * sandbox's demo hospital sent to a real platform.
 */
export function signInProblems(config: TerminalConfig): string[] {
  if (config.platform.url === EMBEDDED_PLATFORM) return [];
  const problems: string[] = [];
  const area = config.region.areaCode;
  if (!PROVINCES.has(area.slice(0, 2))) problems.push(`region.areaCode: ${area} is no province's division code (the first two digits name the province)`);
  // A provincial pooling area (xx0000) covers its province; a city's covers its own districts.
  const digits = area.endsWith('0000') ? 2 : 4;
  const registered = config.institution.code.slice(1, 7);
  if (registered.slice(0, digits) !== area.slice(0, digits)) {
    problems.push(
      `institution.code: ${config.institution.code} is registered in division ${registered}, outside region.areaCode ${area}: ` +
        'the platform of that area would not know the institution at sign-in (mdtrtarea_admvs); check both',
    );
  }
  if (!/^V?\d+(\.\d+){1,2}$/.test(config.region.infver)) {
    problems.push(`region.infver: "${config.region.infver}" is no interface version (V1.0, or 1.0.0 in some regions)`);
  }
  if (config.institution.code === SANDBOX_DEFAULTS.institution.code) {
    problems.push(`institution.code: ${config.institution.code} is the sandbox's demo hospital; write the code the region issued to this institution`);
  }
  return problems;
}
