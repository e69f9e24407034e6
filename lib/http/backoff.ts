/**
 * Exponential backoff with equal jitter: the step doubles per attempt from `baseMs` up to `maxMs`; half of
 * it is fixed and half random (`random` in [0, 1)), so clients failing together do not retry together.
 */
export function equalJitterBackoffMs(attempt: number, baseMs: number, maxMs: number, random: number): number {
	const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(step / 2 + (step / 2) * random);
}
