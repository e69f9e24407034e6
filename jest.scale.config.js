/**
 * Scale and compatibility suites (`npm run test:scale`, a CI stage after `npm test`): n8n 2.41.1 in queue
 * mode with PostgreSQL and Redis, and the package inside n8n 1.x. Real n8n processes from .cache/.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e/queue', '<rootDir>/test/e2e/n8n1'],
	testMatch: ['**/*.scale.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	globalSetup: '<rootDir>/test/e2e/queue/globalSetup.ts',
	globalTeardown: '<rootDir>/test/e2e/globalTeardown.ts',
	// Five n8n processes at once take most of the machine: one suite at a time.
	maxWorkers: 1,
	testTimeout: 600000,
	slowTestThreshold: 120,
	// A skipped test fails the run (test/reporters/noSkippedTests.js).
	reporters: ['default', '<rootDir>/test/reporters/noSkippedTests.js'],
};
