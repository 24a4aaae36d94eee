import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { ADMIN_EXIT_STATUS } from '../../../electron/core/exitStatus';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const unit = read('build/linux/facesettle-kiosk.service');
const setting = (name: string) => unit.match(new RegExp(`^${name}=(.*)$`, 'm'))?.[1];

describe('the deb runs the kiosk in the kiosk account session', () => {
  it('restarts it on any exit but the admin exit', () => {
    expect(setting('Restart')).toBe('always');
    expect(setting('RestartPreventExitStatus')).toBe(String(ADMIN_EXIT_STATUS));
    expect(setting('StartLimitIntervalSec')).toBe('0');
  });

  // systemd turns $$ into $ before the shell sees the command.
  const condition = setting('ExecCondition')!.replace(/\$\$/g, '$');
  const runCondition = (env: Record<string, string>) => {
    const [command, ...args] = condition.match(/'[^']*'|\S+/g)!.map((part) => part.replace(/^'|'$/g, ''));
    return spawnSync(command!, args, { env: { PATH: process.env.PATH ?? '', ...env } }).status;
  };

  it('runs only for the account named in /etc/default/facesettle', () => {
    expect(runCondition({ KIOSK_USER: userInfo().username })).toBe(0);
    expect(runCondition({ KIOSK_USER: 'someone-else' })).not.toBe(0);
  });

  it('defaults to the account "kiosk" when IT named none', () => {
    const expected = userInfo().username === 'kiosk' ? 0 : 1;
    expect(runCondition({})).toBe(expected);
  });

  it('starts the same unit from XDG autostart that the deb installs', () => {
    const config = read('electron-builder.yml');
    expect(config).toContain('build/linux/facesettle-kiosk.service=/usr/lib/systemd/user/facesettle-kiosk.service');
    expect(read('build/linux/facesettle-kiosk-autostart.desktop')).toMatch(/exec systemctl --user start facesettle-kiosk\.service"$/m);
    expect(read('build/linux/after-install.tpl')).toMatch(/systemctl --global enable facesettle-kiosk\.service/);
    expect(read('build/linux/after-remove.tpl')).toMatch(/systemctl --global disable facesettle-kiosk\.service/);
  });
});
