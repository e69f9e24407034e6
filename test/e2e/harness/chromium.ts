import { existsSync } from 'node:fs';

import { runProcess } from './processRunner';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Debian's Chromium for the browser test: the only browser this machine can install (Playwright's own
 * browser downloads are not reachable). Installed with apt when missing and when we are root (CI is).
 */
export async function ensureChromium(log: (line: string) => void = () => {}): Promise<string> {
	if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
	if (process.getuid?.() !== 0) {
		throw new Error(`${CHROMIUM_PATH} is missing: install Debian's chromium package (sudo apt-get install -y chromium).`);
	}
	log('[e2e] installing Chromium (apt-get install chromium, once)');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
		const result = await runProcess('apt-get', args, { env, timeoutMs: 15 * 60_000 });
		if (result.code !== 0) throw new Error(`apt-get ${args.join(' ')} failed:\n${result.stderr.slice(-3000)}`);
	}
	if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing`);
	return CHROMIUM_PATH;
}

/** Flags that keep Chromium headless, sandbox-free (root in a container) and off the network. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];
