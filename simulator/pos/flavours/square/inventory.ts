import type { Reply } from '../../routeContext';
import type { SquareCatalog } from './catalog';
import { invalidValue, missingParameter, notFound, squareError } from './errors';
import type { SquareIds } from './ids';
import type { SquareLocations } from './locations';
import { cursorOffset, page, queryFingerprint } from './paging';
import { formatQuantity, parseQuantity } from './quantity';

type Json = Record<string, unknown>;

/** BatchRetrieveInventoryCounts: "Ignored are untracked states of NONE, SOLD, and UNLINKED_RETURN." */
const UNTRACKED_STATES = new Set(['NONE', 'SOLD', 'UNLINKED_RETURN']);
/** BatchChangeInventory takes at most 100 changes a request. */
export const MAX_CHANGES = 100;
const DEFAULT_PAGE = 1000;
const OCCURRED_AT_WINDOW_MS = 24 * 3_600_000;

/** Who made a change, as Square records it in `source` (its own register: SQUARE_POS; an API call: EXTERNAL_API). */
export interface ChangeSource {
	product: 'SQUARE_POS' | 'EXTERNAL_API' | 'DASHBOARD';
	application_id?: string;
	name?: string;
}

interface CountRecord {
	variationId: string;
	locationId: string;
	state: string;
	quantity: number;
	calculatedAt: string;
	/** Update order, for "newest first" when the clock stands still. */
	sequence: number;
}

interface StoredChange {
	raw: Json;
	type: 'ADJUSTMENT' | 'PHYSICAL_COUNT';
	catalogObjectId: string;
	locationIds: string[];
	states: string[];
	occurredAt: string;
	createdAt: string;
	sequence: number;
}

export interface ChangeExtras {
	transactionId?: string;
}

/** What one accepted batch did: the changes recorded and the counts they touched (tracked states only). */
export interface AppliedChanges {
	changes: Json[];
	counts: Json[];
}

/**
 * Inventory per (variation, location, state): physical counts set a state's count, adjustments move a
 * quantity from one state to another; every change is kept with its id, source and created_at.
 */
export class SquareInventory {
	private readonly counts = new Map<string, CountRecord>();
	private readonly history: StoredChange[] = [];
	private sequence = 0;

	constructor(
		private readonly ids: SquareIds,
		private readonly timestamp: () => string,
		private readonly catalog: SquareCatalog,
		private readonly locations: SquareLocations,
	) {}

	reset(): void {
		this.counts.clear();
		this.history.length = 0;
	}

	/** The count of a state at a location, as a number (0 when Square has none). */
	quantity(variationId: string, locationId: string, state = 'IN_STOCK'): number {
		return (this.counts.get(countKey(variationId, locationId, state))?.quantity ?? 0) / 100_000;
	}

	/** Every count Square holds, as InventoryCount objects (for the simulator's state dump). */
	allCounts(): Json[] {
		return [...this.counts.values()].map(countObject);
	}

	/** Checks one change as Square would before anything is applied; a Reply names the field at fault. */
	check(change: Json, index: number): Reply | null {
		const field = `changes[${index}]`;
		if (change.type === 'ADJUSTMENT') return this.checkAdjustment(change.adjustment as Json | undefined, `${field}.adjustment`);
		if (change.type === 'PHYSICAL_COUNT') return this.checkPhysicalCount(change.physical_count as Json | undefined, `${field}.physical_count`);
		return change.type === undefined ? missingParameter(`${field}.type`) : invalidValue(`Unsupported inventory change type ${String(change.type)}`, `${field}.type`);
	}

	private checkCommon(body: Json, field: string, allowZero: boolean): Reply | null {
		if (typeof body.catalog_object_id !== 'string') return missingParameter(`${field}.catalog_object_id`);
		if (!this.catalog.variation(body.catalog_object_id)) return notFound(`Item variation with catalog object ID \`${body.catalog_object_id}\` not found.`, `${field}.catalog_object_id`);
		if (body.quantity === undefined) return missingParameter(`${field}.quantity`);
		if (parseQuantity(body.quantity, allowZero) === null) return invalidValue(`Quantity must be a ${allowZero ? 'non-negative' : 'positive'} decimal string with at most 5 decimal places`, `${field}.quantity`);
		if (typeof body.occurred_at !== 'string') return missingParameter(`${field}.occurred_at`);
		const occurredAt = Date.parse(body.occurred_at);
		if (Number.isNaN(occurredAt)) return squareError(400, 'INVALID_REQUEST_ERROR', 'INVALID_TIME', 'occurred_at must be an RFC 3339 timestamp', `${field}.occurred_at`);
		// "the occurred_at timestamp cannot be older than 24 hours or in the future relative to the time of the request"
		const now = Date.parse(this.timestamp());
		if (occurredAt > now || occurredAt < now - OCCURRED_AT_WINDOW_MS) {
			return invalidValue(`occurred_at ${body.occurred_at} must lie within the 24 hours before the request (now ${this.timestamp()}), not older and not in the future`, `${field}.occurred_at`);
		}
		return null;
	}

	private checkAdjustment(adjustment: Json | undefined, field: string): Reply | null {
		if (!adjustment) return missingParameter(field);
		const common = this.checkCommon(adjustment, field, false);
		if (common) return common;
		if (typeof adjustment.from_state !== 'string') return missingParameter(`${field}.from_state`);
		if (typeof adjustment.to_state !== 'string') return missingParameter(`${field}.to_state`);
		if (adjustment.from_state === adjustment.to_state) return invalidValue('from_state and to_state must differ', `${field}.to_state`);
		const from = adjustment.from_location_id;
		const to = adjustment.to_location_id;
		if (typeof from !== 'string' && typeof to !== 'string') return missingParameter(`${field}.from_location_id`);
		if (typeof from === 'string' && typeof to === 'string' && from !== to) {
			return invalidValue('An adjustment stays at one location: from_location_id and to_location_id must be equal (moves between locations are transfers)', `${field}.to_location_id`);
		}
		const location = (typeof from === 'string' ? from : to) as string;
		return this.locations.accepts(location) ? null : invalidValue(`Location \`${location}\` is not an active location of this seller.`, `${field}.${typeof from === 'string' ? 'from' : 'to'}_location_id`);
	}

	private checkPhysicalCount(count: Json | undefined, field: string): Reply | null {
		if (!count) return missingParameter(field);
		const common = this.checkCommon(count, field, true);
		if (common) return common;
		if (typeof count.state !== 'string') return missingParameter(`${field}.state`);
		if (UNTRACKED_STATES.has(count.state)) return invalidValue(`A physical count cannot be in the untracked state ${count.state}`, `${field}.state`);
		if (typeof count.location_id !== 'string') return missingParameter(`${field}.location_id`);
		return this.locations.accepts(count.location_id) ? null : invalidValue(`Location \`${count.location_id}\` is not an active location of this seller.`, `${field}.location_id`);
	}

	/** Applies checked changes in order; `ignoreUnchangedCounts` drops a physical count equal to the current one. */
	apply(changes: Json[], source: ChangeSource, ignoreUnchangedCounts = true, extras: ChangeExtras = {}): AppliedChanges {
		const recorded: Json[] = [];
		const touched = new Map<string, CountRecord>();
		for (const change of changes) {
			const stored = change.type === 'ADJUSTMENT' ? this.adjust(change.adjustment as Json, source, extras, touched) : this.count(change.physical_count as Json, source, ignoreUnchangedCounts, touched);
			if (stored) recorded.push(stored.raw);
		}
		return { changes: recorded, counts: [...touched.values()].map(countObject) };
	}

	private record(type: StoredChange['type'], body: Json, locationIds: string[], states: string[]): StoredChange {
		const stored: StoredChange = {
			raw: { type, [type === 'ADJUSTMENT' ? 'adjustment' : 'physical_count']: body },
			type,
			catalogObjectId: body.catalog_object_id as string,
			locationIds,
			states,
			occurredAt: body.occurred_at as string,
			createdAt: body.created_at as string,
			sequence: ++this.sequence,
		};
		this.history.push(stored);
		return stored;
	}

	private adjust(adjustment: Json, source: ChangeSource, extras: ChangeExtras, touched: Map<string, CountRecord>): StoredChange {
		const location = (adjustment.from_location_id ?? adjustment.to_location_id) as string;
		const variation = adjustment.catalog_object_id as string;
		const quantity = parseQuantity(adjustment.quantity)!;
		const body: Json = {
			id: this.ids.inventoryChange(),
			...(typeof adjustment.reference_id === 'string' ? { reference_id: adjustment.reference_id } : {}),
			from_state: adjustment.from_state,
			to_state: adjustment.to_state,
			from_location_id: location,
			to_location_id: location,
			catalog_object_id: variation,
			catalog_object_type: 'ITEM_VARIATION',
			quantity: formatQuantity(quantity),
			occurred_at: adjustment.occurred_at,
			created_at: this.timestamp(),
			source,
			...(extras.transactionId ? { transaction_id: extras.transactionId } : {}),
		};
		const stored = this.record('ADJUSTMENT', body, [location], [adjustment.from_state as string, adjustment.to_state as string]);
		this.recount(variation, location, touched);
		return stored;
	}

	private count(count: Json, source: ChangeSource, ignoreUnchanged: boolean, touched: Map<string, CountRecord>): StoredChange | null {
		const variation = count.catalog_object_id as string;
		const location = count.location_id as string;
		const state = count.state as string;
		const quantity = parseQuantity(count.quantity, true)!;
		const current = this.counts.get(countKey(variation, location, state));
		if (ignoreUnchanged && current?.quantity === quantity) return null;
		const body: Json = {
			id: this.ids.inventoryChange(),
			...(typeof count.reference_id === 'string' ? { reference_id: count.reference_id } : {}),
			catalog_object_id: variation,
			catalog_object_type: 'ITEM_VARIATION',
			state,
			location_id: location,
			quantity: formatQuantity(quantity),
			source,
			occurred_at: count.occurred_at,
			created_at: this.timestamp(),
		};
		const stored = this.record('PHYSICAL_COUNT', body, [location], [state]);
		this.recount(variation, location, touched);
		return stored;
	}

	/**
	 * The variation's counts at the location, folded from its history in occurred_at order: Square "uses
	 * occurred_at to order changes that arrive out of order", so a physical count sets the state as of its
	 * occurred_at, later-occurring adjustments apply on top, and an adjustment that arrives after a count but
	 * occurred before it is absorbed by that count. Untracked states (SOLD, NONE, UNLINKED_RETURN) keep no count.
	 */
	private recount(variationId: string, locationId: string, touched: Map<string, CountRecord>): void {
		const folded = new Map<string, number>();
		const entries = this.history
			.filter((change) => change.catalogObjectId === variationId && change.locationIds.includes(locationId))
			.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.sequence - b.sequence);
		for (const entry of entries) {
			if (entry.type === 'PHYSICAL_COUNT') {
				const count = entry.raw.physical_count as Json;
				folded.set(count.state as string, parseQuantity(count.quantity, true)!);
				continue;
			}
			const adjustment = entry.raw.adjustment as Json;
			const quantity = parseQuantity(adjustment.quantity)!;
			for (const [state, delta] of [[adjustment.from_state as string, -quantity], [adjustment.to_state as string, quantity]] as const) {
				if (!UNTRACKED_STATES.has(state)) folded.set(state, (folded.get(state) ?? 0) + delta);
			}
		}
		for (const [state, quantity] of folded) {
			const key = countKey(variationId, locationId, state);
			const record = this.counts.get(key);
			// A count Square holds changes only when its quantity does (an absorbed adjustment moves nothing).
			if (record && record.quantity === quantity) continue;
			const updated = record ?? { variationId, locationId, state, quantity: 0, calculatedAt: '', sequence: 0 };
			updated.quantity = quantity;
			updated.calculatedAt = this.timestamp();
			updated.sequence = ++this.sequence;
			this.counts.set(key, updated);
			touched.set(key, updated);
		}
	}

	retrieveCounts(request: { catalog_object_ids?: string[] | null; location_ids?: string[] | null; updated_after?: string | null; states?: string[] | null; cursor?: string | null; limit?: number | null }): Reply {
		const fingerprint = queryFingerprint(request);
		const offset = cursorOffset(request.cursor, fingerprint);
		if (offset === null) return squareError(400, 'INVALID_REQUEST_ERROR', 'INVALID_CURSOR', 'The cursor does not belong to this query.', 'cursor');
		const after = request.updated_after ? Date.parse(request.updated_after) : Number.NEGATIVE_INFINITY;
		const states = request.states ? new Set(request.states.filter((state) => !UNTRACKED_STATES.has(state))) : null;
		const matching = [...this.counts.values()]
			.filter((record) => !request.catalog_object_ids || request.catalog_object_ids.includes(record.variationId))
			.filter((record) => !request.location_ids || request.location_ids.includes(record.locationId))
			.filter((record) => !states || states.has(record.state))
			.filter((record) => Date.parse(record.calculatedAt) > after)
			// "sorted in descending order according to their calculated_at timestamp (newest first)"
			.sort((a, b) => Date.parse(b.calculatedAt) - Date.parse(a.calculatedAt) || b.sequence - a.sequence);
		const { items, cursor } = page(matching, offset, pageSize(request.limit), fingerprint);
		return { status: 200, body: { counts: items.map(countObject), ...(cursor ? { cursor } : {}) } };
	}

	retrieveChanges(request: {
		catalog_object_ids?: string[] | null;
		location_ids?: string[] | null;
		types?: string[] | null;
		states?: string[] | null;
		updated_after?: string | null;
		updated_before?: string | null;
		cursor?: string | null;
		limit?: number | null;
		sort?: { field?: string | null; order?: string | null } | null;
	}): Reply {
		const fingerprint = queryFingerprint(request);
		const offset = cursorOffset(request.cursor, fingerprint);
		if (offset === null) return squareError(400, 'INVALID_REQUEST_ERROR', 'INVALID_CURSOR', 'The cursor does not belong to this query.', 'cursor');
		const types = new Set(request.types ?? ['PHYSICAL_COUNT', 'ADJUSTMENT']);
		const after = request.updated_after ? Date.parse(request.updated_after) : Number.NEGATIVE_INFINITY;
		const before = request.updated_before ? Date.parse(request.updated_before) : Number.POSITIVE_INFINITY;
		const direction = request.sort?.order === 'DESC' ? -1 : 1;
		const matching = this.history
			.filter((change) => types.has(change.type))
			.filter((change) => !request.catalog_object_ids || request.catalog_object_ids.includes(change.catalogObjectId))
			.filter((change) => !request.location_ids || change.locationIds.some((id) => request.location_ids!.includes(id)))
			// The states filter applies to ADJUSTMENT results only.
			.filter((change) => !request.states || change.type !== 'ADJUSTMENT' || change.states.some((state) => request.states!.includes(state)))
			.filter((change) => Date.parse(change.createdAt) > after && Date.parse(change.createdAt) < before)
			// Ordered by occurred_at, oldest first unless sort.order is DESC.
			.sort((a, b) => direction * (Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.sequence - b.sequence));
		const { items, cursor } = page(matching, offset, pageSize(request.limit), fingerprint);
		return { status: 200, body: { changes: items.map((change) => change.raw), ...(cursor ? { cursor } : {}) } };
	}
}

function countKey(variationId: string, locationId: string, state: string): string {
	return `${variationId}\u0000${locationId}\u0000${state}`;
}

function countObject(record: CountRecord): Json {
	return {
		catalog_object_id: record.variationId,
		catalog_object_type: 'ITEM_VARIATION',
		state: record.state,
		location_id: record.locationId,
		quantity: formatQuantity(record.quantity),
		calculated_at: record.calculatedAt,
	};
}

function pageSize(limit: number | null | undefined): number {
	return typeof limit === 'number' && limit > 0 && limit <= DEFAULT_PAGE ? limit : DEFAULT_PAGE;
}
