import os from 'node:os';
import path from 'node:path';

/**
 * Where Electron keeps the app's data (`app.getPath('userData')`), computed the way Electron does,
 * so the launcher reads the same terminal.json the kiosk will (README "Configuration").
 */
export function electronUserData(appName: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), appName);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', appName);
  return path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), appName);
}
