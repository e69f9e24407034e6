// @ts-check
'use strict';

/**
 * A jest reporter that fails the run when a test did not run: skipped (`it.skip`, a conditional skip),
 * left out by an `.only` beside it, or a `todo`. A skipped test reads as green in a summary nobody opens;
 * here it turns the run red and names the test. A run filtered by name (`-t`) reports every other test
 * as skipped too, so it is only told, not failed: that is a developer's focused run, not CI.
 */

/** Statuses jest gives a test that did not run. */
const NOT_RUN = new Set(['pending', 'skipped', 'todo', 'disabled']);

/**
 * The decision, apart from jest's plumbing.
 * @param {{ testResults: Array<{ testFilePath: string, testResults: Array<{ fullName: string, status: string }> }> }} results
 * @param {{ testNamePattern?: string | null }} globalConfig
 * @returns {{ notRun: string[], fail: boolean }}
 */
function skippedTestsVerdict(results, globalConfig) {
	const notRun = [];
	for (const file of results.testResults) {
		for (const test of file.testResults) {
			if (NOT_RUN.has(test.status)) notRun.push(`${file.testFilePath} › ${test.fullName} (${test.status})`);
		}
	}
	return { notRun, fail: notRun.length > 0 && !globalConfig.testNamePattern };
}

class NoSkippedTestsReporter {
	/** @param {{ testNamePattern?: string | null }} globalConfig */
	constructor(globalConfig) {
		this.globalConfig = globalConfig;
		/** @type {Error | undefined} */
		this.error = undefined;
	}

	/** @param {unknown} _contexts @param {Parameters<typeof skippedTestsVerdict>[0]} results */
	onRunComplete(_contexts, results) {
		const { notRun, fail } = skippedTestsVerdict(results, this.globalConfig);
		if (notRun.length === 0) return;
		const shown = notRun.slice(0, 50).map((line) => `  ${line}`);
		if (notRun.length > shown.length) shown.push(`  … and ${notRun.length - shown.length} more`);
		if (!fail) {
			process.stderr.write(`\n${notRun.length} test(s) left out by the name filter (-t); a run without it fails on any of them.\n`);
			return;
		}
		const message = `${notRun.length} test(s) did not run; every test must run (remove the skip, the .only or the todo, or make the test fail with the reason):\n${shown.join('\n')}`;
		process.stderr.write(`\n${message}\n`);
		this.error = new Error(message);
	}

	getLastError() {
		return this.error;
	}
}

module.exports = NoSkippedTestsReporter;
module.exports.skippedTestsVerdict = skippedTestsVerdict;
