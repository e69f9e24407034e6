/** Unit and integration tests; test/e2e has its own config (real n8n). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 30000,
  setupFilesAfterEnv: ['<rootDir>/test/setup/n8nUserFolder.ts'],
  // A skipped test fails the run (test/reporters/noSkippedTests.js).
  reporters: ['default', '<rootDir>/test/reporters/noSkippedTests.js'],
};
