// One jest project per process world: each gets the environment it really runs in.
// Type-checking is tsc's job (npm run typecheck); jest only transpiles, which keeps it fast.
const { compilerOptions } = require('./tsconfig.base.json');
const nodeTs = {
  '^.+\\.tsx?$': [
    'ts-jest',
    { tsconfig: { ...compilerOptions, module: 'commonjs', moduleResolution: 'node10', jsx: 'react-jsx' } },
  ],
};

const project = (name, environment, extra = {}) => ({
  displayName: name,
  testEnvironment: environment,
  roots: ['<rootDir>/test'],
  testMatch: [`<rootDir>/test/${name}/**/*.test.{ts,tsx}`],
  transform: nodeTs,
  ...extra,
});

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    project('shared', 'node'),
    // The real `electron` module downloads a binary when required; main's tests get the mock.
    project('main', 'node', { moduleNameMapper: { '^electron$': '<rootDir>/test/__mocks__/electron.ts' } }),
    project('sandbox', 'node'),
    // Stylesheets a component imports are the bundler's business; in jsdom they are empty.
    project('renderer', 'jsdom', { moduleNameMapper: { '\\.css$': '<rootDir>/test/__mocks__/style.ts' } }),
    project('e2e', 'node', { setupFilesAfterEnv: ['<rootDir>/test/e2e/support/setup.ts'] }),
  ],
};
