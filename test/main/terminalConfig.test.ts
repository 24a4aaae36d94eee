import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadTerminalConfig } from '../../electron/core/terminalConfigFile';
import { checkTerminalConfig, SANDBOX_DEFAULTS } from '../../shared/config/terminalConfig';

const dir = mkdtempSync(path.join(tmpdir(), 'facesettle-config-'));
const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};

describe('terminal configuration', () => {
  it('defaults to the sandbox when there is no file', () => {
    expect(loadTerminalConfig(undefined)).toEqual({ config: SANDBOX_DEFAULTS, source: 'built-in sandbox defaults' });
    expect(loadTerminalConfig(path.join(dir, 'absent.json')).config).toEqual(SANDBOX_DEFAULTS);
  });

  it('refuses a missing file that was asked for explicitly', () => {
    expect(() => loadTerminalConfig(path.join(dir, 'absent.json'), true)).toThrow(/file not found/);
  });

  it('merges a partial file over the defaults', () => {
    const file = write('pharmacy.json', JSON.stringify({ terminal: { mode: 'pharmacy' }, institution: { code: 'P42120200001', name: '咸宁演示药房' } }));
    const { config, source } = loadTerminalConfig(file);
    expect(source).toBe(file);
    expect(config.terminal).toEqual({ ...SANDBOX_DEFAULTS.terminal, mode: 'pharmacy' });
    expect(config.institution.code).toBe('P42120200001');
    expect(config.platform).toEqual(SANDBOX_DEFAULTS.platform);
  });

  it('names every problem with its field', () => {
    const check = checkTerminalConfig({
      institution: { code: '12345' },
      region: { areaCode: 'XN' },
      platform: { url: 'ftp://x' },
      terminal: { mode: 'casino', id: 'has spaces' },
      idleTimeoutSeconds: 5,
      surprise: true,
    });
    expect(check.ok).toBe(false);
    const problems = check.ok ? [] : check.problems.join('\n');
    for (const field of ['institution.code', 'region.areaCode', 'platform.url', 'terminal.mode', 'terminal.id', 'idleTimeoutSeconds']) {
      expect(problems).toContain(field);
    }
    expect(problems).toMatch(/surprise/);
  });

  it('explains unreadable JSON', () => {
    const file = write('broken.json', '{ "terminal": ');
    try {
      loadTerminalConfig(file);
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems[0]).toMatch(/not readable JSON/);
      expect((error as ConfigError).message).toContain(file);
    }
  });

  it('refuses a non-object file', () => {
    expect(checkTerminalConfig([1, 2])).toEqual({ ok: false, problems: ['(top level): must be a JSON object'] });
  });
});
