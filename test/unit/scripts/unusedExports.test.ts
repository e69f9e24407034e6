import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unusedExports } = require('../../../scripts/unusedExports') as { unusedExports: (root: string) => string[] };

/** A small project: package.json naming one node as n8n's entry point, shipped code, a test. */
const FIXTURE: Record<string, string> = {
	'package.json': JSON.stringify({ n8n: { nodes: ['dist/nodes/Shop/Shop.node.js'], credentials: [] } }),
	'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', target: 'ES2022', noEmit: true }, include: ['**/*.ts'] }),
	'nodes/Shop/Shop.node.ts': [
		"import { used, type UsedType } from '../../lib/money';",
		"import * as whole from '../../lib/whole';",
		"const required = require('../../lib/required') as { r: number };",
		'export class Shop {',
		'\tvalue: UsedType = used + whole.w + required.r;',
		'}',
		'export const alsoExportedByTheEntryPoint = 1;',
	].join('\n'),
	'lib/money.ts': [
		'export const used = 1;',
		'export const dead = 2;',
		'export type UsedType = number;',
		'export interface Result { n: number }',
		'export function make(): Result { return { n: used }; }',
		'export const onlyTested = 3;',
	].join('\n'),
	'lib/whole.ts': 'export const w = 1;\nexport const w2 = 2;\n',
	'lib/required.ts': 'export const r = 1;\nexport const r2 = 2;\n',
	'lib/index.ts': "export { dead } from './money';\n",
	'test/money.test.ts': "import { onlyTested } from '../lib/money';\nexport const seen = onlyTested;\n",
};

describe('scripts/unusedExports.js', () => {
	it('lists exports nothing uses: not imported by any file, not used in their own', () => {
		const root = mkdtempSync(join(tmpdir(), 'unused-exports-'));
		try {
			for (const [file, text] of Object.entries(FIXTURE)) {
				mkdirSync(dirname(join(root, file)), { recursive: true });
				writeFileSync(join(root, file), text);
			}
			// `dead` is taken by lib/index.ts, whose own re-export of it nobody imports; `make` nobody calls.
			// `Result` types make's result, `onlyTested` a test imports, whole modules are taken by `* as` and
			// require(), and the entry point's exports are n8n's.
			expect(unusedExports(root)).toEqual(['lib/index.ts:1 dead', 'lib/money.ts:5 make']);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});
