import { POS_VENDORS } from '../webhooks/posEvent';

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
	/** The vendor's own feed position (Lightspeed X's `version`), once it gave one. */
	position?: string;
}

export function startCursor(from: string): StockChangeCursor {
	const since = new Date(from).toISOString();
	return { since, recent: [], floor: since };
}

/** The `updated_after` to ask with. */
export function queryStart(cursor: StockChangeCursor, overlapMs: number): string {
	return new Date(Date.parse(cursor.since) - overlapMs).toISOString();
}

/**
 * True for a change returned before, or made before the first run's start. The start counts from its whole
 * second: Lightspeed X stamps changes to the second, so a sale in the same second as the start is kept.
 */
export function alreadyReturned(cursor: StockChangeCursor, id: string, createdAt: string | null): boolean {
	const floorSecond = Math.floor(Date.parse(cursor.floor) / 1000) * 1000;
	if (createdAt !== null && cursor.floor && Date.parse(createdAt) < floorSecond) return true;
	return cursor.recent.some((entry) => entry.id === id);
}

/** The cursor after a run that saw `seen` (every change of the run, ours included) and read the vendor's feed up to `position`. */
export function advanceCursor(cursor: StockChangeCursor, seen: Array<{ id: string; createdAt: string }>, overlapMs: number, position?: string): StockChangeCursor {
	let newest = Date.parse(cursor.since);
	for (const entry of seen) {
		const at = Date.parse(entry.createdAt);
		if (!Number.isNaN(at) && at > newest) newest = at;
	}
	const floor = newest - overlapMs;
	const recent = new Map(cursor.recent.map((entry) => [entry.id, entry.at]));
	for (const entry of seen) if (entry.createdAt !== '') recent.set(entry.id, entry.createdAt);
	const kept = position ?? cursor.position;
	return {
		floor: cursor.floor,
		since: new Date(newest).toISOString(),
		recent: [...recent].filter(([, at]) => Date.parse(at) >= floor).map(([id, at]) => ({ id, at })),
		...(kept !== undefined ? { position: kept } : {}),
	};
}

/** Of two positions (either may be missing), the one further on; the first when both stand at one time. */
export function furtherCursor(first: StockChangeCursor | undefined, second: StockChangeCursor | undefined): StockChangeCursor | undefined {
	if (!first || !second) return first ?? second;
	return Date.parse(second.since) > Date.parse(first.since) ? second : first;
}

/** How much older than a POS event its change may be stamped (the vendor stamps the event, or the count, after it). */
const EVENT_START_SLACK_MS = 5_000;

const POS_EVENT_VENDORS = new Set<string>(POS_VENDORS);

/** The times a POS Trigger item says its change happened at; none for any other item. */
function posEventTimes(item: unknown): number[] {
	if (typeof item !== 'object' || item === null) return [];
	const event = item as { vendor?: unknown; eventId?: unknown; occurredAt?: unknown; stockLevels?: unknown };
	if (typeof event.vendor !== 'string' || !POS_EVENT_VENDORS.has(event.vendor) || typeof event.eventId !== 'string') return [];
	const levels = Array.isArray(event.stockLevels) ? (event.stockLevels as Array<{ calculatedAt?: unknown }>) : [];
	return [event.occurredAt, ...levels.map((level) => level?.calculatedAt)].filter((time): time is string => typeof time === 'string').map(Date.parse).filter(Number.isFinite);
}

/**
 * Where a first run starts when no First Run From is set: now, unless POS Trigger events started the run; then at
 * the earliest time they name (less a few seconds), never later than now. A POS event arrives after its change, and
 * the run it starts later still: starting at the run's own time would pass over the very change that started it.
 */
export function firstRunStart(inputItems: unknown[], nowIso: string): string {
	const now = Date.parse(nowIso);
	// A reduce, not Math.min(...times): a run started by thousands of events would overflow the call's arguments.
	const earliest = inputItems.flatMap(posEventTimes).reduce((min, time) => Math.min(min, time), now);
	return new Date(earliest < now ? earliest - EVENT_START_SLACK_MS : now).toISOString();
}
