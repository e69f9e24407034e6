/**
 * `npm run bench [name-filter]`: runs every bench/*.bench.ts in turn. Each file exports
 * `run(): Promise<void>` that measures its subject AND a naive baseline in the same run and prints
 * figures as ratios, so a noisy machine shifts both sides alike. Benchmarks are never part of `npm test`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

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
