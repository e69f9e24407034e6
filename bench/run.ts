/**
 * `npm run bench [name-filter]`: runs every bench/*.bench.ts in turn. Each file exports
 * `run(): Promise<void>` that measures its subject AND a naive baseline in the same run and prints
 * figures as ratios, so a noisy machine shifts both sides alike. Benchmarks are never part of `npm test`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { cleanUpAfterInterrupt } from '../test/e2e/harness/interruptCleanup';
import { removeE2eRunDir } from '../test/e2e/harness';

// The n8n processes a benchmark starts run in process groups of their own, out of reach of a Ctrl-C.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		const stopped = cleanUpAfterInterrupt();
		removeE2eRunDir();
		console.error(`\n${signal}: stopped ${stopped.processGroups} process group(s) the benchmark started, removed ${stopped.folders} n8n user folder(s)`);
		process.exit(130);
	});
}

async function main(): Promise<void> {
	const filter = process.argv[2] ?? '';
	const files = fs
		.readdirSync(__dirname)
		.filter((name) => name.endsWith('.bench.ts') && name.includes(filter))
		.sort();
	if (files.length === 0) throw new Error(`no benchmark matches "${filter}"`);
	for (const file of files) {
		console.log(`\n=== ${file}`);
		const started = Date.now();
		const bench = (await import(path.join(__dirname, file))) as { run: () => Promise<void> };
		await bench.run();
		console.log(`(${file}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
