/** How far back each run looks again unless told otherwise: 5 minutes covers the search index's usual lag. */
export const DEFAULT_CHANGE_OVERLAP_SECONDS = 300;

/**
 * "Only orders changed since the last successful run": each change of an order (its id at one
 * `updatedAt`) is returned exactly once across runs.
 *
 * Shopify's search index trails writes by a little, and many orders can share one `updatedAt` second. So
 * the next run searches from `since − overlap` again, and the cursor remembers every change it has
 * already returned inside that window (id → updatedAt) to drop the repeats. Nothing here reads a clock.
 */
export interface ChangeCursor {
	/** Highest `updatedAt` the last run had fully scanned (ISO UTC). */
	since: string;
	/** Changes already returned with `updatedAt` ≥ since − overlap: order id → updatedAt. */
	seen: Record<string, string>;
}

/** Lower bound for `updated_at:>=` this run: the cursor minus the overlap. */
export function cursorSearchSince(cursor: ChangeCursor | undefined, overlapMs: number): string | undefined {
	if (!cursor) return undefined;
	return new Date(Date.parse(cursor.since) - overlapMs).toISOString();
}

/** True when this change (id at this updatedAt) was already returned by an earlier run. */
export function alreadyReturned(cursor: ChangeCursor | undefined, id: string, updatedAt: string): boolean {
	if (!cursor) return false;
	const seenAt = cursor.seen[id];
	return seenAt !== undefined && Date.parse(seenAt) === Date.parse(updatedAt);
}

/**
 * The cursor after a run.
 * - `scannedUpTo`: the highest `updatedAt` in the LISTING (ids sorted by updated time), not in the details:
 *   an order edited mid-run shows a newer `updatedAt` in its details, and using that would skip orders
 *   edited between the listing and that moment.
 * - `returned`: every change this run returned (id → updatedAt from the details).
 * - `heldAt`: the earliest listing time of an order listed but not delivered (its details failed): the
 *   position stays at or before it, so the next run lists it again (it is not among `seen`).
 */
export function advanceCursor(
	previous: ChangeCursor | undefined,
	scannedUpTo: string | undefined,
	returned: ReadonlyArray<{ id: string; updatedAt: string }>,
	overlapMs: number,
	heldAt?: string,
): ChangeCursor | undefined {
	const candidates = [previous?.since, scannedUpTo].filter((value): value is string => Boolean(value));
	if (candidates.length === 0) return previous;
	let since = candidates.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
	if (heldAt && Date.parse(heldAt) < Date.parse(since)) since = heldAt;
	const keepFrom = Date.parse(since) - overlapMs;
	const seen: Record<string, string> = {};
	const remember = (id: string, updatedAt: string) => {
		if (Date.parse(updatedAt) < keepFrom) return;
		const known = seen[id];
		if (known === undefined || Date.parse(updatedAt) > Date.parse(known)) seen[id] = updatedAt;
	};
	for (const [id, updatedAt] of Object.entries(previous?.seen ?? {})) remember(id, updatedAt);
	for (const change of returned) remember(change.id, change.updatedAt);
	return { since: new Date(Date.parse(since)).toISOString(), seen };
}

/** A stored value read back from workflow static data, or undefined when it is not a cursor. */
export function readCursor(value: unknown): ChangeCursor | undefined {
	if (!value || typeof value !== 'object') return undefined;
	const candidate = value as Partial<ChangeCursor>;
	if (typeof candidate.since !== 'string' || Number.isNaN(Date.parse(candidate.since))) return undefined;
	const seen: Record<string, string> = {};
	if (candidate.seen && typeof candidate.seen === 'object') {
		for (const [id, updatedAt] of Object.entries(candidate.seen)) {
			if (typeof updatedAt === 'string') seen[id] = updatedAt;
		}
	}
	return { since: candidate.since, seen };
}
