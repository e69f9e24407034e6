import { buildAndPack, e2eRunDir, ensureChromium, ensureN8nRuntime, prepareCommunityNodesFolder } from './harness';

/**
 * Once per e2e run: the n8n runtime (installed on first use, then reused), Chromium, and the package
 * built, packed and installed into a community-nodes folder that every n8n in the run copies.
 */
export default async function globalSetup(): Promise<void> {
	const log = (line: string) => process.stdout.write(`${line}\n`);
	const started = Date.now();
	e2eRunDir();
	await ensureN8nRuntime(log);
	await ensureChromium(log);
	const tarball = await buildAndPack(log);
	await prepareCommunityNodesFolder(tarball);
	log(`[e2e] setup done in ${Math.round((Date.now() - started) / 1000)} s`);
}
