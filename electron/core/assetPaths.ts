import path from 'node:path';
import type { Mount } from './appFiles';

/**
 * Where the kiosk's files live. In a checkout (npm start, tests) they come straight from the
 * build output and node_modules; in a packaged app from process.resourcesPath (extraResources).
 */
export interface AssetDirs {
  renderer: string;
  models: string;
  wasm: string;
}

export function devAssetDirs(projectRoot: string): AssetDirs {
  return {
    renderer: path.join(projectRoot, 'out', 'renderer'),
    models: path.join(projectRoot, 'node_modules', '@vladmandic', 'human', 'models'),
    wasm: path.join(projectRoot, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist'),
  };
}

export function packagedAssetDirs(appPath: string, resourcesPath: string): AssetDirs {
  return {
    renderer: path.join(appPath, 'out', 'renderer'),
    models: path.join(resourcesPath, 'models'),
    wasm: path.join(resourcesPath, 'wasm'),
  };
}

export function appMounts(dirs: AssetDirs): Mount[] {
  return [
    { prefix: '/', dir: dirs.renderer },
    { prefix: '/models/', dir: dirs.models },
    { prefix: '/wasm/', dir: dirs.wasm },
  ];
}
