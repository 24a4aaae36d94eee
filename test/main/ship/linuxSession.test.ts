import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ADMIN_EXIT_STATUS } from '../../../electron/core/exitStatus';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const unit = read('build/linux/facesettle-kiosk.service');
const setting = (name: string) => unit.match(new RegExp(`^${name}=(.*)$`, 'm'))?.[1];

/** Runs the deb's account script against a scratch root, as the postinst runs it against /. */
const kioskUser = (fakeRoot: string, ...args: string[]) =>
  spawnSync(path.join(root, 'build/linux/facesettle-kiosk-user'), ['--root', fakeRoot, ...args], { encoding: 'utf8' });
const defaults = (fakeRoot: string) => readFileSync(path.join(fakeRoot, 'etc/default/facesettle'), 'utf8');
const dropIn = (fakeRoot: string) => readFileSync(path.join(fakeRoot, 'etc/systemd/user/facesettle-kiosk.service.d/kiosk-user.conf'), 'utf8');

describe('the deb runs the kiosk in the kiosk account session', () => {
  it('restarts it on any exit but the admin exit, and never gives up', () => {
    expect(setting('ExecStart')).toBe('/opt/FaceSettle/facesettle');
    expect(setting('Restart')).toBe('always');
    expect(setting('RestartPreventExitStatus')).toBe(String(ADMIN_EXIT_STATUS));
    expect(setting('StartLimitIntervalSec')).toBe('0');
    // An ExecCondition would loop under Restart=always before systemd 251.
    expect(setting('ExecCondition')).toBeUndefined();
  });

  it('limits the unit to the account "kiosk" by default, with a static ConditionUser', () => {
    const fakeRoot = mkdtempSync(path.join(tmpdir(), 'facesettle-root-'));
    const run = kioskUser(fakeRoot);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('account "kiosk"');
    expect(defaults(fakeRoot)).toMatch(/^KIOSK_USER=kiosk$/m);
    expect(dropIn(fakeRoot)).toMatch(/^\[Unit\]\nConditionUser=kiosk$/m);
  });

  it('changes the account on request, keeps other settings, and keeps the choice when run again', () => {
    const fakeRoot = mkdtempSync(path.join(tmpdir(), 'facesettle-root-'));
    mkdirSync(path.join(fakeRoot, 'etc/default'), { recursive: true });
    writeFileSync(path.join(fakeRoot, 'etc/default/facesettle'), 'KIOSK_USER=kiosk\nFACESETTLE_ALLOW_BASIC_TEXT_SECRETS=1\n');
    expect(kioskUser(fakeRoot, 'counter-3').status).toBe(0);
    expect(kioskUser(fakeRoot).status).toBe(0);
    expect(defaults(fakeRoot)).toBe('KIOSK_USER=counter-3\nFACESETTLE_ALLOW_BASIC_TEXT_SECRETS=1\n');
    expect(dropIn(fakeRoot)).toMatch(/^ConditionUser=counter-3$/m);
  });

  it('refuses an account name that could write more than a name', () => {
    const fakeRoot = mkdtempSync(path.join(tmpdir(), 'facesettle-root-'));
    const run = kioskUser(fakeRoot, 'kiosk\nExecStartPre=/bin/evil');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/not a valid account name/);
    expect(existsSync(path.join(fakeRoot, 'etc'))).toBe(false);
  });

  it('wires the same unit through the package, its scripts and XDG autostart', () => {
    const config = read('electron-builder.yml');
    expect(config).toContain('build/linux/facesettle-kiosk.service=/usr/lib/systemd/user/facesettle-kiosk.service');
    expect(config).toContain('build/linux/facesettle-kiosk-autostart.desktop=/etc/xdg/autostart/facesettle-kiosk.desktop');
    expect(read('build/linux/facesettle-kiosk-autostart.desktop')).toMatch(/exec systemctl --user start facesettle-kiosk\.service"$/m);
    const postinst = read('build/linux/after-install.tpl');
    expect(postinst).toContain("'/opt/${sanitizedProductName}/resources/linux/facesettle-kiosk-user'");
    expect(postinst).toMatch(/systemctl --global enable facesettle-kiosk\.service/);
    expect(read('build/linux/after-remove.tpl')).toMatch(/systemctl --global disable facesettle-kiosk\.service/);
  });
});
