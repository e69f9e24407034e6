import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { longFunctions, MAX_LINES } = require('../../../scripts/functionLength') as { longFunctions: (root: string) => string[]; MAX_LINES: number };

const body = (lines: number) => Array.from({ length: lines - 2 }, (_, index) => `\tconst v${index} = ${index};`).join('\n');

describe('scripts/functionLength.js', () => {
	it(`lists functions, methods and arrows of the shipped folders over ${MAX_LINES} lines, and nothing else`, () => {
		const root = mkdtempSync(join(tmpdir(), 'function-length-'));
		const files: Record<string, string> = {
			'lib/fits.ts': `export function fits(): void {\n${body(MAX_LINES)}\n}\n`,
			'lib/long.ts': `export function tooLong(): void {\n${body(MAX_LINES + 1)}\n}\n`,
			'nodes/Shop/shop.ts': `export class Shop {\n\trun(): void {\n${body(MAX_LINES + 5)}\n\t}\n}\nexport const arrow = () => {\n${body(MAX_LINES + 2)}\n};\n`,
			// Outside lib/, nodes/ and credentials/: not shipped, not checked.
			'test/long.test.ts': `export function longTest(): void {\n${body(MAX_LINES * 2)}\n}\n`,
		};
		try {
			for (const [file, text] of Object.entries(files)) {
				mkdirSync(dirname(join(root, file)), { recursive: true });
				writeFileSync(join(root, file), text);
			}
			expect(longFunctions(root).sort()).toEqual([
				`lib/long.ts:1 tooLong: ${MAX_LINES + 1} lines`,
				`nodes/Shop/shop.ts:2 run: ${MAX_LINES + 5} lines`,
				`nodes/Shop/shop.ts:${MAX_LINES + 8} (anonymous): ${MAX_LINES + 2} lines`,
			]);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});
