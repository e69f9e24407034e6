/** How far back before the last poll each poll looks again, and how many changes one poll takes, unless told otherwise. */
export const DEFAULT_POLL_OVERLAP_MINUTES = 10;
export const DEFAULT_MAX_CHANGES_PER_POLL = 500;

/**
 * Where the next poll starts. Shopify's order search index trails writes by seconds (minutes under load), so
 * an order updated just before a poll may only show up in a later one with an `updatedAt` older than the
 * cursor. Each poll therefore looks back `overlapMs` before the cursor; the emitted-changes memory drops what
 * was already emitted.
 */
export function pollWindowStart(cursor: string, overlapMs: number): string {
	return new Date(Date.parse(cursor) - overlapMs).toISOString();
}

/** The cursor after a poll: the newest `updatedAt` processed, never moving backwards. */
export function advanceCursor(cursor: string, processedUpdatedAts: readonly string[]): string {
	let newest = Date.parse(cursor);
	for (const updatedAt of processedUpdatedAts) {
		const instant = Date.parse(updatedAt);
		if (!Number.isNaN(instant) && instant > newest) newest = instant;
	}
	return new Date(newest).toISOString();
}

/** Shopify search syntax for "updated at or after": sorted by UPDATED_AT, oldest first. */
export function updatedSinceSearch(since: string, extraSearch?: string): string {
	const window = `updated_at:>='${since}'`;
	const extra = (extraSearch ?? '').trim();
	return extra ? `${window} AND (${extra})` : window;
}
