/**
 * Polls `probe` until it returns something other than undefined, and returns that; throws naming `what`
 * after `timeoutMs`. What the e2e suites wait on happens in other processes (n8n, webhooks, simulators), so
 * they wait for the outcome itself, never for a fixed time.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, intervalMs = 250): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/** A repeatable pseudo-random sequence in [0, 1), so every run of a suite places the same orders and sales. */
export function repeatableSequence(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}
