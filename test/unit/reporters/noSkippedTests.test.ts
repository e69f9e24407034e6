import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

type Results = { testResults: Array<{ testFilePath: string; testResults: Array<{ fullName: string; status: string }> }> };
const REPORTER = resolve(__dirname, '../../reporters/noSkippedTests.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { skippedTestsVerdict } = require(REPORTER) as {
	skippedTestsVerdict: (results: Results, globalConfig: { testNamePattern?: string | null }) => { notRun: string[]; fail: boolean };
};

const run = (...statuses: string[]): Results => ({
	testResults: [{ testFilePath: '/repo/test/a.test.ts', testResults: statuses.map((status, index) => ({ fullName: `case ${index}`, status })) }],
});

describe('noSkippedTests reporter', () => {
	it('passes a run where every test ran, failed ones included (jest fails those itself)', () => {
		expect(skippedTestsVerdict(run('passed', 'failed', 'passed'), {})).toEqual({ notRun: [], fail: false });
	});

	it('fails a run with a skipped, pending, todo or disabled test, naming each', () => {
		const verdict = skippedTestsVerdict(run('passed', 'pending', 'todo', 'skipped', 'disabled'), { testNamePattern: null });
		expect(verdict.fail).toBe(true);
		expect(verdict.notRun).toEqual([
			'/repo/test/a.test.ts › case 1 (pending)',
			'/repo/test/a.test.ts › case 2 (todo)',
			'/repo/test/a.test.ts › case 3 (skipped)',
			'/repo/test/a.test.ts › case 4 (disabled)',
		]);
	});

	it('lists but does not fail a run filtered by name, where jest marks every other test pending', () => {
		expect(skippedTestsVerdict(run('passed', 'pending'), { testNamePattern: 'case 0' })).toEqual({ notRun: ['/repo/test/a.test.ts › case 1 (pending)'], fail: false });
	});

	it('turns a real jest run with an it.skip red, and leaves one without green', () => {
		const dir = mkdtempSync(join(tmpdir(), 'no-skipped-'));
		try {
			writeFileSync(join(dir, 'jest.config.js'), `module.exports = { rootDir: ${JSON.stringify(dir)}, testMatch: ['**/*.spec.js'], reporters: ['default', ${JSON.stringify(REPORTER)}] };`);
			const jest = (file: string, body: string) => {
				writeFileSync(join(dir, file), body);
				return spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '-c', join(dir, 'jest.config.js'), file], { cwd: dir, encoding: 'utf8' });
			};
			const skipped = jest('skipped.spec.js', `it('runs', () => {}); it.skip('is skipped', () => {});`);
			expect(skipped.status).toBe(1);
			expect(skipped.stderr).toContain('1 test(s) did not run');
			expect(skipped.stderr).toContain('is skipped (pending)');
			const clean = jest('clean.spec.js', `it('runs', () => {});`);
			expect(clean.status).toBe(0);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
