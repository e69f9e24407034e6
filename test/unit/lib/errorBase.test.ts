import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const LIB = join(__dirname, '..', '..', '..', 'lib');

function sourceFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
	);
}

describe("lib/'s errors share one base", () => {
	it('no error class in lib/ extends Error directly except PackageError (code, advice, remote or ours, status, request id)', () => {
		const direct = sourceFiles(LIB).flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(/class\s+(\w+)\s+extends\s+Error\b/g)].map((match) => `${relative(LIB, file)}: ${match[1]}`),
		);
		expect(direct).toEqual(['packageError.ts: PackageError']);
	});
});
