/** One runner for the whole suite: unit, integration (real PostgreSQL or PGlite), collab, browser. */
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(y-prosemirror|y-websocket|lib0|y-protocols|@noble/hashes|openid-client|oauth4webapi|jose)/)'],
  globalSetup: '<rootDir>/tests/utils/global-setup.ts',
  globalTeardown: '<rootDir>/tests/utils/global-teardown.ts',
  testTimeout: 60000,
  // PGlite is one session: without an external PostgreSQL, test files run one at a time.
  maxWorkers: process.env.TEST_DATABASE_URL ? '50%' : 1,
};
