import { censorField, FIELD_CLASSES, type FieldClass } from './redact';

/**
 * pino's redaction paths for the named fields of FIELD_CLASSES. Paths match keys exactly, so
 * each name is listed in the spellings the kiosk meets (as written, camelCase, snake_case as on
 * the NHSA wire, kebab-case as in HTTP headers), under `data` and up to MAX_NESTING levels of
 * objects or arrays below it (the value walk writes `[too deep]` for anything deeper: a key at
 * data + 4 levels is the deepest it leaves). Any other spelling is
 * masked by the value walk (redactValues). Each path costs time on every line (@pinojs/redact
 * walks them one by one): the 440 paths write a line in 0.15 to 0.5 ms on this 2-core machine,
 * where the value walk alone takes 8 to 16 µs, so the list is not every conceivable spelling.
 */
export const MAX_NESTING = 4;

const words = (name: string): string[] =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export function spellings(name: string): string[] {
  const w = words(name);
  return [...new Set([name, w[0] + w.slice(1).map(cap).join(''), w.join('_'), w.join('-')])];
}

const CLASS_OF_KEY = new Map<string, FieldClass>(
  (Object.keys(FIELD_CLASSES) as FieldClass[]).flatMap((c) => FIELD_CLASSES[c].flatMap((name) => spellings(name).map((s) => [s, c] as const))),
);

const pathKey = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`);

export const REDACT_PATHS: string[] = [...CLASS_OF_KEY.keys()].flatMap((key) =>
  Array.from({ length: MAX_NESTING + 1 }, (_, depth) => `data${'.*'.repeat(depth)}${pathKey(key)}`),
);

/** Keys the paths mask; the value walk leaves them to pino. */
export const pathCovered = (key: string): boolean => CLASS_OF_KEY.has(key);

/** pino's censor: what the field's class does to its value (a nested object is left to the walk). */
export function censorPath(value: unknown, path: string[]): unknown {
  const fieldClass = CLASS_OF_KEY.get(path[path.length - 1] ?? '');
  const masked = fieldClass ? censorField(fieldClass, value) : undefined;
  return masked === undefined ? value : masked;
}
