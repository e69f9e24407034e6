import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

// `npm start` loads the demo through ts-node, whose module resolution differs from jest's (it prefers a node's
// codex `X.node.json` over `X.node.ts`): the demo's whole import chain must load that way, as a fresh clone
// runs it. The demo itself (real n8n) is run by hand; this keeps the command from breaking before it starts.
describe('npm start', () => {
	it('loads the demo and its workflow builders under ts-node, as scripts/demo.js does', () => {
		const script = [
			"require('ts-node').register({ transpileOnly: true, project: 'tsconfig.json' });",
			"const { runDemo } = require('./test/e2e/demo.ts');",
			"if (typeof runDemo !== 'function') throw new Error('test/e2e/demo.ts exports no runDemo');",
			"const { packageNodeVersion } = require('./test/helpers/nodeVersions.ts');",
			"console.log(packageNodeVersion('shopifyOrderTrigger'));",
		].join('\n');
		const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
		expect({ status: result.status, stderr: result.stderr.slice(-2000) }).toEqual({ status: 0, stderr: '' });
		expect(result.stdout.trim()).toBe('2');
	});
});
