import type { PosStockChange } from '../inventory/posStockChange';
import type { HistoryEntry } from './countedChange';
import { isOwnReference } from './referenceTag';

/**
 * BatchRetrieveInventoryChanges for one location since a time: physical counts and adjustments whose
 * `created_at` is after `updated_after`, oldest first, paged by `cursor`. Each change is read into what
 * Shopify needs: a signed delta of the location's IN_STOCK quantity, or for a recount (PHYSICAL_COUNT of
 * IN_STOCK) the absolute quantity counted. Changes this package wrote (reference tag) are left out.
 */
export const BATCH_RETRIEVE_CHANGES_PATH = '/v2/inventory/changes/batch-retrieve';

/** RetrieveOrder: an order's reference tells whether this package recorded it. */
export function retrieveOrderPath(orderId: string): string {
	return `/v2/orders/${encodeURIComponent(orderId)}`;
}

export function isOwnOrder(body: unknown): boolean {
	return isOwnReference(((body ?? {}) as { order?: { reference_id?: unknown } }).order?.reference_id);
}

export function inventoryChangesBody(locationId: string, updatedAfter: string, cursor?: string): Record<string, unknown> {
	return {
		location_ids: [locationId],
		types: ['PHYSICAL_COUNT', 'ADJUSTMENT'],
		updated_after: updatedAfter,
		...(cursor ? { cursor } : {}),
	};
}

export interface ReadChangesResult {
	changes: PosStockChange[];
	/**
	 * Change key → the Square order (transaction) behind a sale made through the API (`source.product`
	 * EXTERNAL_API): it may be an order this package recorded, which only the order's reference tells.
	 * Register sales (SQUARE_POS) need no such check.
	 */
	orderChecks: Map<string, string>;
	/** Ids of changes this package wrote, left out (counted for the output's summary). */
	ownChangeIds: string[];
	/** Every change id and created_at in the page, ours included, for the cursor. */
	seen: Array<{ id: string; createdAt: string }>;
	cursor?: string;
}

type Raw = Record<string, unknown>;
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function adjustmentDelta(adjustment: Raw, locationId: string): number {
	const quantity = Number(adjustment.quantity);
	let delta = 0;
	if (adjustment.from_state === 'IN_STOCK' && (adjustment.from_location_id ?? adjustment.location_id) === locationId) delta -= quantity;
	if (adjustment.to_state === 'IN_STOCK' && (adjustment.to_location_id ?? adjustment.location_id) === locationId) delta += quantity;
	return delta;
}

function readChange(raw: Raw, locationId: string): PosStockChange | undefined {
	const isCount = raw.type === 'PHYSICAL_COUNT';
	const record = (isCount ? raw.physical_count : raw.adjustment) as Raw | undefined;
	if (!record || typeof record.id !== 'string' || typeof record.catalog_object_id !== 'string') return undefined;
	const common = {
		key: record.id,
		itemId: record.catalog_object_id,
		locationId,
		occurredAt: text(record.occurred_at),
		createdAt: text(record.created_at),
		referenceId: text(record.reference_id),
	};
	if (isCount) {
		if (record.state !== 'IN_STOCK' || record.location_id !== locationId) return undefined;
		return { ...common, kind: 'recount', absoluteQuantity: Number(record.quantity), fromState: null, toState: 'IN_STOCK' };
	}
	const delta = adjustmentDelta(record, locationId);
	if (delta === 0 || Number.isNaN(delta)) return undefined;
	return { ...common, kind: 'delta', quantity: delta, fromState: text(record.from_state), toState: text(record.to_state) };
}

/** Reads one page of BatchRetrieveInventoryChanges. */
export function readInventoryChangesPage(body: unknown, locationId: string): ReadChangesResult {
	const page = (body ?? {}) as { changes?: Raw[]; cursor?: unknown };
	const result: ReadChangesResult = { changes: [], orderChecks: new Map(), ownChangeIds: [], seen: [] };
	for (const raw of page.changes ?? []) {
		const record = (raw.type === 'PHYSICAL_COUNT' ? raw.physical_count : raw.adjustment) as Raw | undefined;
		if (record && typeof record.id === 'string') result.seen.push({ id: record.id, createdAt: text(record.created_at) ?? '' });
		if (record && isOwnReference(record.reference_id)) {
			if (typeof record.id === 'string') result.ownChangeIds.push(record.id);
			continue;
		}
		const change = readChange(raw, locationId);
		if (!change) continue;
		result.changes.push(change);
		const source = (record?.source ?? {}) as Raw;
		if (typeof record?.transaction_id === 'string' && source.product === 'EXTERNAL_API') result.orderChecks.set(change.key, record.transaction_id);
	}
	if (typeof page.cursor === 'string' && page.cursor !== '') result.cursor = page.cursor;
	return result;
}

/** One change of an item's IN_STOCK history at the location, with its times, in the order Square lists it. */
export type TimedHistoryEntry = HistoryEntry & { occurredAt: string; createdAt: string };

/** BatchRetrieveInventoryChanges for one item at one location: its whole IN_STOCK history, or only its counts. */
export function itemHistoryBody(locationId: string, itemId: string, options: { countsOnly: boolean; updatedAfter?: string; cursor?: string }): Record<string, unknown> {
	return {
		catalog_object_ids: [itemId],
		location_ids: [locationId],
		types: options.countsOnly ? ['PHYSICAL_COUNT'] : ['PHYSICAL_COUNT', 'ADJUSTMENT'],
		...(options.updatedAfter ? { updated_after: options.updatedAfter } : {}),
		limit: 1000,
		...(options.cursor ? { cursor: options.cursor } : {}),
	};
}

/**
 * One page of an item's history, every change that moves or sets IN_STOCK at the location, ours included
 * (they are part of Square's arithmetic), in the order listed.
 */
export function readItemHistoryPage(body: unknown, locationId: string): { entries: TimedHistoryEntry[]; cursor?: string } {
	const page = (body ?? {}) as { changes?: Raw[]; cursor?: unknown };
	const entries: TimedHistoryEntry[] = [];
	for (const raw of page.changes ?? []) {
		const isCount = raw.type === 'PHYSICAL_COUNT';
		const record = (isCount ? raw.physical_count : raw.adjustment) as Raw | undefined;
		if (!record || typeof record.id !== 'string') continue;
		const times = { occurredAt: text(record.occurred_at) ?? '', createdAt: text(record.created_at) ?? '' };
		if (isCount) {
			if (record.state === 'IN_STOCK' && record.location_id === locationId) entries.push({ id: record.id, type: 'PHYSICAL_COUNT', quantity: Number(record.quantity), ...times });
			continue;
		}
		const delta = adjustmentDelta(record, locationId);
		if (delta !== 0 && !Number.isNaN(delta)) entries.push({ id: record.id, type: 'ADJUSTMENT', delta, ...times });
	}
	return { entries, ...(typeof page.cursor === 'string' && page.cursor !== '' ? { cursor: page.cursor } : {}) };
}
