/**
 * How far apart Shopify's two clocks may read for one moment: `createdAt` and the `Date` header both have
 * whole seconds and may come from different servers. A repeat sent sooner than this after the original is
 * reported as not replayed (its stock still moved only once).
 */
const CLOCK_TOLERANCE_MS = 5_000;

/**
 * Whether Shopify answered with an adjustment group made before this change was first sent, which is how a
 * repeated idempotency key is answered: Shopify returns the stored result, unmarked, and applies nothing.
 * Compared on Shopify's clock only: the group's `createdAt` against its `Date` header minus the time since
 * the key was first sent (which can only make the send look earlier, so a fresh group is never called a
 * replay). Null when Shopify gave no time to compare.
 */
export function isReplayedGroup(createdAt: string | undefined, serverTime: number | undefined, msSinceFirstSent: number): boolean | null {
	const created = createdAt === undefined ? NaN : Date.parse(createdAt);
	if (serverTime === undefined || Number.isNaN(created)) return null;
	return created < serverTime - msSinceFirstSent - CLOCK_TOLERANCE_MS;
}
