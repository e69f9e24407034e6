/** End-to-end tests: a real n8n 2.41.1 (Node 24, from .cache/) with the packed package installed. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
  globalTeardown: '<rootDir>/test/e2e/globalTeardown.ts',
  // Each file boots its own n8n (~1 GB of memory, most of a core while it starts): one at a time.
  maxWorkers: 1,
  testTimeout: 180000,
  slowTestThreshold: 60,
  // A skipped test fails the run (test/reporters/noSkippedTests.js).
  reporters: ['default', '<rootDir>/test/reporters/noSkippedTests.js'],
};
