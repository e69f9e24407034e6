import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets (a signature, an auth code, a URL token) so that the time taken tells a forger
 * nothing: both sides are hashed to 32 bytes first, so neither how many leading bytes matched nor the
 * expected length leaks. An empty expected value never matches (an unset secret must not accept "").
 */
export function constantTimeEqual(given: string | Buffer, expected: string | Buffer): boolean {
	if (expected.length === 0) return false;
	const a = createHash('sha256').update(given).digest();
	const b = createHash('sha256').update(expected).digest();
	return timingSafeEqual(a, b);
}
