import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadTerminalConfig } from '../../electron/core/terminalConfigFile';
import { checkTerminalConfig, SANDBOX_DEFAULTS } from '../../shared/config/terminalConfig';

const ROOT = path.join(__dirname, '..', '..');
/** The shipped example: a real gateway with every field written out. */
const example = () => JSON.parse(readFileSync(path.join(ROOT, 'build', 'terminal.example.json'), 'utf8')) as Record<string, Record<string, unknown>>;
const problemsOf = (input: unknown) => {
  const check = checkTerminalConfig(input);
  return check.ok ? [] : check.problems;
};

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

  describe('terminal slot', () => {
    it('is "01" for the sandbox terminal, also when the file leaves it out', () => {
      expect(SANDBOX_DEFAULTS.terminal.slot).toBe('01');
      const check = checkTerminalConfig({ terminal: { id: 'KIOSK-07', mode: 'cashier' } });
      expect(check.ok && check.config.terminal.slot).toBe('01');
    });

    it('must be written in the file for a real gateway, not inherited from the sandbox', () => {
      const file = example();
      expect(checkTerminalConfig(file)).toMatchObject({ ok: true, config: { terminal: { slot: '01' } } });
      delete file.terminal!.slot;
      const problems = problemsOf(file);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^terminal\.slot: must be written in this file when platform\.url is a real gateway/);
      // Other problems still all show, beside the slot.
      expect(problemsOf({ ...file, idleTimeoutSeconds: 5 }).map((p) => p.split(':')[0])).toEqual(['idleTimeoutSeconds', 'terminal.slot']);
      expect(problemsOf({ platform: { url: 'https://fsi.example.invalid' }, terminal: { slot: '12' } })).toEqual([]);
    });

    it('refuses anything but two digits in quotes', () => {
      for (const slot of ['1', '100', 'ab', '0a', ' 01', '', 7, null]) {
        const problems = problemsOf({ terminal: { slot } });
        expect(problems).toHaveLength(1);
        expect(problems[0]).toBe('terminal.slot: must be two digits in quotes, "00" to "99", a different one for every terminal of the institution');
      }
      for (const slot of ['00', '42', '99']) expect(problemsOf({ terminal: { slot } })).toEqual([]);
    });

    it('is what npm run config:check names for a real gateway', async () => {
      const file = example();
      delete file.terminal!.slot;
      const target = write('no-slot.json', JSON.stringify(file));
      const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        execFile(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron', 'launcher', 'checkConfig.ts'), target], { cwd: ROOT }, (error, _stdout, stderr) =>
          resolve({ code: error ? (error.code as number) : 0, stderr }),
        );
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('  - terminal.slot: must be written in this file');
    }, 30_000);
  });

  describe('what a sign-in would refuse', () => {
    it('refuses a terminal id longer than 9001 opter_no (20), and takes one of 20', () => {
      const id = 'K'.repeat(20);
      expect(problemsOf({ terminal: { id } })).toEqual([]);
      expect(problemsOf({ terminal: { id: `${id}1` } })).toEqual([
        'terminal.id: must be 1-20 letters, digits or dashes (9001 signs the terminal in with it as opter_no, at most 20)',
      ]);
    });

    it('refuses an operator id over 20, names over the envelope lengths, an institution name over 200', () => {
      const operator = SANDBOX_DEFAULTS.operators[0]!;
      expect(problemsOf({ operators: [{ ...operator, id: 'A'.repeat(21) }] })).toEqual([
        'operators.0.id: must be 1-20 letters or digits (9001 signs the operator in with it as opter_no, at most 20)',
      ]);
      expect(problemsOf({ operators: [{ ...operator, name: '名'.repeat(51) }] })).toEqual([
        "operators.0.name: must be at most 50 characters (the envelope's opter_name)",
      ]);
      expect(problemsOf({ terminal: { name: '终'.repeat(51) } })).toEqual(["terminal.name: must be at most 50 characters (the envelope's opter_name)"]);
      expect(problemsOf({ terminal: { name: '终'.repeat(50) } })).toEqual([]);
      expect(problemsOf({ institution: { name: '院'.repeat(201) } })).toEqual([
        "institution.name: must be at most 200 characters (the envelope's fixmedins_name)",
      ]);
      expect(problemsOf({ institution: { name: '院'.repeat(200) } })).toEqual([]);
    });

    it('refuses a pharmacy with a hospital code and a hospital counter with a pharmacy code', () => {
      expect(problemsOf({ terminal: { mode: 'pharmacy' } })).toEqual([
        'institution.code: must be a pharmacy\'s code (P followed by 11 digits) for terminal.mode "pharmacy"; H42120200001 is a hospital\'s',
      ]);
      for (const mode of ['registration', 'cashier', 'inpatient']) {
        expect(problemsOf({ terminal: { mode }, institution: { code: 'P42120200001' } })).toEqual([
          `institution.code: must be a hospital's code (H followed by 11 digits) for terminal.mode "${mode}"; P42120200001 is a pharmacy's`,
        ]);
        expect(problemsOf({ terminal: { mode } })).toEqual([]);
      }
      expect(problemsOf({ terminal: { mode: 'pharmacy' }, institution: { code: 'P42120200001' } })).toEqual([]);
    });

    it('refuses an operator with the terminal\'s id: they would share one sign-in', () => {
      const operator = SANDBOX_DEFAULTS.operators[0]!;
      expect(problemsOf({ terminal: { id: 'OP001' }, operators: [operator] })).toEqual([
        'operators.0.id: must differ from terminal.id (both sign in to the platform as opter_no)',
      ]);
    });

    it('is what npm run config:check says for a 21-character terminal id', async () => {
      const file = example();
      file.terminal!.id = 'KIOSK-0123456789ABCD';
      expect(problemsOf(file)).toEqual([]);
      file.terminal!.id = 'KIOSK-0123456789ABCDE';
      const target = write('long-id.json', JSON.stringify(file));
      const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        execFile(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron', 'launcher', 'checkConfig.ts'), target], { cwd: ROOT }, (error, _stdout, stderr) =>
          resolve({ code: error ? (error.code as number) : 0, stderr }),
        );
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('  - terminal.id: must be 1-20 letters, digits or dashes');
    }, 30_000);
  });

  describe('region freshness window and clock skew', () => {
    it('default to 300 s and 30 s', () => {
      expect(SANDBOX_DEFAULTS.region).toMatchObject({ freshnessWindowSeconds: 300, clockSkewSeconds: 30 });
      const check = checkTerminalConfig({ region: { areaCode: '421200' } });
      expect(check.ok && check.config.region).toMatchObject({ freshnessWindowSeconds: 300, clockSkewSeconds: 30 });
    });

    it.each([
      ['freshnessWindowSeconds', [10, 300, 3600], [9, 3601, 30.5, '300', -1]],
      ['clockSkewSeconds', [0, 30, 600], [-1, 601, 1.5, '30']],
    ] as const)('bound %s', (field, accepted, refused) => {
      for (const value of accepted) expect(problemsOf({ region: { [field]: value } })).toEqual([]);
      for (const value of refused) {
        const problems = problemsOf({ region: { [field]: value } });
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(new RegExp(`^region\\.${field}: `));
      }
    });
  });
});
