import type { GraphqlClient } from '../orders/graphqlClient';
import { changeKey } from './idempotencyKey';
import { planBatches, type BatchMember } from './planBatches';
import type { DriftEntry } from './reconcileTypes';
import { sendBatch } from './sendBatch';
import type { InventoryChangeOutcome, InventoryChangeRequest, ResolvedTarget } from './types';

export interface RepairOptions {
	quantityName: 'available' | 'on_hand';
	reason: string;
	referenceDocumentUri: string;
	/** Writes per SKU before giving up on a SKU whose stock keeps changing. */
	maxAttempts: number;
	sleep: (ms: number) => Promise<void>;
}

interface Pending {
	entry: DriftEntry;
	/** The quantity Shopify had when last read: the write's changeFromQuantity. */
	expected: number;
	attempts: number;
	casRefusals: number;
}

function changeOf(pending: Pending, options: RepairOptions): InventoryChangeRequest {
	const { entry } = pending;
	return {
		itemIndex: entry.itemIndex,
		identifierType: 'inventoryItemId',
		identifier: entry.inventoryItemId!,
		location: { by: 'id', id: entry.locationId! },
		mode: 'set',
		quantityName: options.quantityName,
		// The drift measured between the two counts, on top of what Shopify holds now: a sale that landed
		// after the read stays sold.
		quantity: pending.expected + entry.difference!,
		changeFromQuantity: pending.expected,
		reason: options.reason,
		referenceDocumentUri: options.referenceDocumentUri,
	};
}

/** One round: every pending write in ≤ 250-change mutations through the package's batch sender. */
async function sendRound(pendings: ReadonlyArray<Pending>, client: GraphqlClient, options: RepairOptions, calls: { lookups: number; mutations: number }) {
	const members: BatchMember[] = pendings.map((pending) => {
		const change = changeOf(pending, options);
		return { change, key: changeKey(change) };
	});
	const targets = new Map<number, ResolvedTarget>(
		pendings.map(({ entry }) => [entry.itemIndex, { inventoryItemId: entry.inventoryItemId!, variantId: entry.variantId ?? undefined, sku: entry.sku ?? undefined, locationId: entry.locationId!, locationName: entry.locationName ?? undefined }]),
	);
	const outcomes = new Map<number, InventoryChangeOutcome>();
	const context = {
		request: <T>(document: string, variables: Record<string, unknown>, requestOptions?: { estimatedCost?: number }) => client.request<T>(document, variables, requestOptions),
		sleep: options.sleep,
		maxRounds: 8,
		concurrentRetries: 3,
	};
	for (const batch of planBatches(members)) await sendBatch(batch, targets, outcomes, context, calls);
	return outcomes;
}

/**
 * Writes the POS's counts for the drifted entries with compare-and-set: `inventorySetQuantities` with
 * changeFromQuantity = the quantity just read. When the stock moved in between (a sale), Shopify refuses that
 * change (CHANGE_FROM_QUANTITY_STALE) and applies none of it; the batch sender reads the current quantity,
 * and the next attempt puts the measured drift on top of it, so the sale is kept, never overwritten. Bounded
 * by maxAttempts per SKU. Entries are updated in place.
 */
export async function repairDrift(entries: ReadonlyArray<DriftEntry>, client: GraphqlClient, options: RepairOptions): Promise<{ lookups: number; mutations: number }> {
	const calls = { lookups: 0, mutations: 0 };
	let pending: Pending[] = entries.map((entry) => ({ entry, expected: entry.shopify!, attempts: 0, casRefusals: 0 }));
	while (pending.length > 0) {
		for (const item of pending) item.attempts++;
		const outcomes = await sendRound(pending, client, options, calls);
		const again: Pending[] = [];
		for (const item of pending) {
			const outcome = outcomes.get(item.entry.itemIndex);
			const repair = (quantityAfter: number | null) => ({
				quantityAfter,
				attempts: item.attempts,
				casRefusals: item.casRefusals,
				adjustmentGroupId: outcome?.adjustmentGroupId ?? null,
				idempotencyKey: outcome?.idempotencyKey ?? null,
			});
			if (outcome?.status === 'applied') {
				Object.assign(item.entry, { status: 'repaired', repair: repair(outcome.quantityAfterChange ?? null) });
				continue;
			}
			const error = outcome?.error ?? { code: 'NOT_SENT', message: 'Not sent to Shopify.' };
			if (error.code === 'CHANGE_FROM_QUANTITY_STALE') {
				item.casRefusals++;
				// The batch sender read what Shopify holds now (the error's value); unread, the SKU is not retried.
				if (typeof error.value === 'number' && item.attempts < options.maxAttempts) {
					item.expected = error.value;
					again.push(item);
					continue;
				}
				Object.assign(item.entry, {
					status: 'stillChanging',
					repair: repair(null),
					error: {
						code: 'CHANGE_FROM_QUANTITY_STALE',
						message: `SKU "${item.entry.sku}": Shopify's stock changed between every read and write (${item.casRefusals} times), so nothing was written and no sale was overwritten. The next reconciliation compares it again.`,
					},
				});
				continue;
			}
			Object.assign(item.entry, { status: 'repairFailed', repair: repair(null), error: { code: error.code, message: error.message } });
		}
		pending = again;
	}
	return calls;
}
