import { join } from 'node:path';

/** The pinned n8n + Node 24 that scripts/n8nRuntime.js installs into .cache/. */
export interface N8nRuntime {
	n8nVersion: string;
	runtimeDir: string;
	nodeBin: string;
	n8nBin: string;
	/** PATH with Node 24 first. */
	path: string;
}

interface RuntimeScript {
	ensureN8nRuntime(options?: { log?: (line: string) => void }): Promise<N8nRuntime>;
	runtimePaths(): N8nRuntime;
	isComplete(): boolean;
	N8N_VERSION: string;
}

// Plain JavaScript so that CI, the demo and a newcomer can run it with `node` before anything is built.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const runtimeScript = require(join(__dirname, '..', '..', '..', 'scripts', 'n8nRuntime.js')) as RuntimeScript;

export async function ensureN8nRuntime(log?: (line: string) => void): Promise<N8nRuntime> {
	return await runtimeScript.ensureN8nRuntime({ log });
}

/** The runtime, which the e2e global setup has prepared; a clear error when it has not. */
export function requireN8nRuntime(): N8nRuntime {
	if (!runtimeScript.isComplete()) {
		throw new Error('The n8n runtime is not installed: run `node scripts/n8nRuntime.js` (or `npm run test:e2e`).');
	}
	return runtimeScript.runtimePaths();
}
