import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: { lib: { entry: resolve(__dirname, 'electron/main/index.ts') } },
    // FACESETTLE_DEMO_BUILD=1 asks for a demo build, whose main process starts the sandbox for
    // `embedded` (electron/main/index.ts). Otherwise the branch is dropped and no sandbox code is
    // bundled: build/distCheck.mjs proves it on the packed asar.
    define: { __FACESETTLE_DEMO_BUILD__: JSON.stringify(process.env.FACESETTLE_DEMO_BUILD === '1') },
  },
  preload: {
    // A sandboxed preload cannot require other files: one CommonJS file with shared/ inlined.
    build: {
      externalizeDeps: false,
      lib: { entry: resolve(__dirname, 'electron/preload/index.ts') },
      rolldownOptions: { output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: { rolldownOptions: { input: resolve(__dirname, 'renderer/index.html') } },
    plugins: [react()],
  },
});
