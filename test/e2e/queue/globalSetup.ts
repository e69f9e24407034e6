import e2eGlobalSetup from '../globalSetup';
import { REPO_ROOT } from '../harness';
import { join } from 'node:path';

interface N8n1RuntimeScript {
	ensureN8n1Runtime(options?: { log?: (line: string) => void }): Promise<unknown>;
}

/**
 * Once per scale run: what every e2e run needs (n8n 2.41.1, the packed package), plus n8n 1.x for the
 * n8n 1.x suite. PostgreSQL and Redis are started by the queue-mode suite itself and stopped after it.
 */
export default async function globalSetup(): Promise<void> {
	await e2eGlobalSetup();
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const script = require(join(REPO_ROOT, 'scripts', 'n8n1Runtime.js')) as N8n1RuntimeScript;
	await script.ensureN8n1Runtime({ log: (line) => process.stdout.write(`${line}\n`) });
}
