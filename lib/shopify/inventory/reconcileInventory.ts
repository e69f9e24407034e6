import type { BulkDeps } from '../orders/bulkOrders';
import type { GraphqlClient } from '../orders/graphqlClient';
import { compareCount } from './compareCounts';
import type { LevelRequest } from './levelTypes';
import { checkPosCounts } from './posCounts';
import { readInventoryOfItems, type FetchMode } from './readInventory';
import type { DriftEntry, RawPosCount, ReconcileSummary } from './reconcileTypes';
import { repairDrift } from './repairDrift';
import type { LocationSelector } from './types';

export interface ReconcileOptions {
	location: LocationSelector;
	/**
	 * `available` by default: the sync moves `available` both ways (a Shopify order takes its units off the
	 * POS when it is placed, a POS sale comes off Shopify's `available`), so that is the number a POS count
	 * mirrors. `on_hand` for a POS that counts what is physically there, including units committed to
	 * unfulfilled online orders.
	 */
	quantityName: 'available' | 'on_hand';
	/** Off by default: the first run is a report (dry run); repairs are an explicit choice. */
	repair: boolean;
	reason: string;
	referenceDocumentUri: string;
	maxAttempts?: number;
	/** When the POS counts were read (ms); Shopify levels changed after it are reported, not repaired. */
	countsReadAt?: number;
	fetchMode?: FetchMode;
	bulkThreshold?: number;
	bulk: BulkDeps;
	sleep?: (ms: number) => Promise<void>;
}

export interface ReconcileResult {
	/** One entry per input item, in input order. */
	entries: DriftEntry[];
	summary: ReconcileSummary;
}

function refusedEntry(itemIndex: number, quantityName: string, refusal: { code: string; message: string; sku: string | null }): DriftEntry {
	return {
		itemIndex,
		status: 'invalid',
		sku: refusal.sku,
		quantityName,
		pos: null,
		shopify: null,
		difference: null,
		posLastChangedAt: null,
		shopifyLastChangedAt: null,
		posItemId: null,
		variantId: null,
		inventoryItemId: null,
		locationId: null,
		locationName: null,
		repair: null,
		error: { code: refusal.code, message: refusal.message },
	};
}

function summarize(entries: ReadonlyArray<DriftEntry>, calls: number): ReconcileSummary {
	const count = (...statuses: DriftEntry['status'][]) => entries.filter((entry) => statuses.includes(entry.status)).length;
	return {
		counted: entries.length,
		inSync: count('inSync'),
		drifted: entries.filter((entry) => entry.difference !== null && entry.difference !== 0).length,
		repaired: count('repaired'),
		unmapped: count('unmapped'),
		invalid: count('invalid'),
		notRepaired: count('drifted', 'changedSinceCount', 'stillChanging', 'repairFailed'),
		casRefusals: entries.reduce((sum, entry) => sum + (entry.repair?.casRefusals ?? 0), 0),
		calls,
	};
}

/**
 * Compares the POS's counts with Shopify's stock at one location and, with `repair`, writes the POS's count
 * where they differ, by compare-and-set so that a sale between the read and the write is never overwritten.
 */
export async function reconcileInventory(raws: ReadonlyArray<RawPosCount>, client: GraphqlClient, options: ReconcileOptions): Promise<ReconcileResult> {
	const { counts, refused } = checkPosCounts(raws);
	const requests: LevelRequest[] = counts.map((count) => ({ itemIndex: count.itemIndex, identifierType: 'sku', identifier: count.sku }));
	const read = await readInventoryOfItems(client, requests, {
		scope: { kind: 'some', selectors: [options.location] },
		names: [options.quantityName],
		fetchMode: options.fetchMode,
		bulkThreshold: options.bulkThreshold,
		bulk: options.bulk,
	});
	const compared = counts.map((count, index) => compareCount(count, read.result[index], { quantityName: options.quantityName, countsReadAt: options.countsReadAt }));
	let calls = read.stats.calls;
	if (options.repair) {
		const drifted = compared.filter((entry) => entry.status === 'drifted');
		const repairCalls = await repairDrift(drifted, client, {
			quantityName: options.quantityName,
			reason: options.reason,
			referenceDocumentUri: options.referenceDocumentUri,
			maxAttempts: options.maxAttempts ?? 3,
			sleep: options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
		});
		calls += repairCalls.lookups + repairCalls.mutations;
	}
	const byIndex = new Map(compared.map((entry) => [entry.itemIndex, entry]));
	const entries = raws.map((raw) => byIndex.get(raw.itemIndex) ?? refusedEntry(raw.itemIndex, options.quantityName, refused.get(raw.itemIndex)!));
	return { entries, summary: summarize(entries, calls) };
}
