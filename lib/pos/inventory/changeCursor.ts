/** How far back each run asks again unless told otherwise, for changes the POS shows late. */
export const DEFAULT_STOCK_CHANGE_OVERLAP_SECONDS = 300;

/**
 * Where "Get Stock Changes" left off, kept in the node's static data so a schedule and a webhook hint
 * calling the same node share it. Each run asks from the newest change time seen minus an overlap (a
 * change may become visible after a later one), and drops the changes it already returned inside that
 * overlap by id. Pure: times come in as ISO strings.
 */
export interface StockChangeCursor {
	/** Newest `created_at` returned so far. */
	since: string;
	/** Changes returned with `created_at` inside the overlap before `since`. */
	recent: Array<{ id: string; at: string }>;
	/** Where the first run started: the overlap never reaches back before it. */
	floor: string;
}

export function startCursor(from: string): StockChangeCursor {
	const since = new Date(from).toISOString();
	return { since, recent: [], floor: since };
}

/** The `updated_after` to ask with. */
export function queryStart(cursor: StockChangeCursor, overlapMs: number): string {
	return new Date(Date.parse(cursor.since) - overlapMs).toISOString();
}

/** True for a change returned before, or made before the first run's start. */
export function alreadyReturned(cursor: StockChangeCursor, id: string, createdAt: string | null): boolean {
	if (createdAt !== null && cursor.floor && Date.parse(createdAt) < Date.parse(cursor.floor)) return true;
	return cursor.recent.some((entry) => entry.id === id);
}

/** The cursor after a run that saw `seen` (every change of the run, ours included). */
export function advanceCursor(cursor: StockChangeCursor, seen: Array<{ id: string; createdAt: string }>, overlapMs: number): StockChangeCursor {
	let newest = Date.parse(cursor.since);
	for (const entry of seen) {
		const at = Date.parse(entry.createdAt);
		if (!Number.isNaN(at) && at > newest) newest = at;
	}
	const floor = newest - overlapMs;
	const recent = new Map(cursor.recent.map((entry) => [entry.id, entry.at]));
	for (const entry of seen) if (entry.createdAt !== '') recent.set(entry.id, entry.createdAt);
	return {
		floor: cursor.floor,
		since: new Date(newest).toISOString(),
		recent: [...recent].filter(([, at]) => Date.parse(at) >= floor).map(([id, at]) => ({ id, at })),
	};
}

/** Of two positions (either may be missing), the one further on; the first when both stand at one time. */
export function furtherCursor(first: StockChangeCursor | undefined, second: StockChangeCursor | undefined): StockChangeCursor | undefined {
	if (!first || !second) return first ?? second;
	return Date.parse(second.since) > Date.parse(first.since) ? second : first;
}
