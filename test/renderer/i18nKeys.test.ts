import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { en } from '../../renderer/i18n/en';
import { zhCN } from '../../renderer/i18n/zh-CN';

/**
 * The app's catalogues stay in step and hold only words the screens say: a key no source names
 * is a sentence nobody reviews any more (and the en catalogue must shadow it for nothing).
 */
const RENDERER = path.resolve(__dirname, '../../renderer');
const CATALOGUES = new Set(['i18n/zh-CN.ts', 'i18n/en.ts'].map((f) => path.join(RENDERER, f)));

/**
 * Keys the source builds from a value instead of naming them, by prefix: the template that builds
 * them must still be in the source (checked below), so an allowance cannot outlive its use.
 */
const BUILT: Record<string, string> = {
  'mode.': 'the counter mode, said by Layout, ConfigSection and DiagnosticsSection as t(`mode.${mode}`)',
  'quote.cashWhere.': 'where to pay the cash, per counter mode, on QuoteScreen: t(`quote.cashWhere.${mode}`)',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !CATALOGUES.has(full) ? [full] : [];
  });
}

const source = sourceFiles(RENDERER)
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');
/** Named as a string anywhere: t('key'), a map's value, a prop, in any quotes. */
const named = (key: string) => [`'${key}'`, `"${key}"`, `\`${key}\``].some((quoted) => source.includes(quoted));

describe('the app’s message catalogues', () => {
  it('have the same keys in zh-CN and en', () => {
    const zh = Object.keys(zhCN);
    const english = Object.keys(en);
    expect(zh.filter((k) => !(k in en))).toEqual([]);
    expect(english.filter((k) => !(k in zhCN))).toEqual([]);
  });

  it('hold no key that renderer/ never uses', () => {
    // The scan sees the keys the screens use, so an empty source cannot pass.
    expect(named('home.start')).toBe(true);
    const built = (key: string) => Object.keys(BUILT).some((prefix) => key.startsWith(prefix));
    const unused = Object.keys(zhCN).filter((key) => !named(key) && !built(key));
    expect(unused).toEqual([]);
  });

  it('allows built keys only where the source still builds them', () => {
    for (const prefix of Object.keys(BUILT)) {
      expect({ prefix, built: source.includes(`\`${prefix}\${`) }).toEqual({ prefix, built: true });
      expect({ prefix, keys: Object.keys(zhCN).some((key) => key.startsWith(prefix)) }).toEqual({ prefix, keys: true });
    }
  });
});
