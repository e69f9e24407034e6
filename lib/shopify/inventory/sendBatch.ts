import {
	INVENTORY_ADJUST_QUANTITIES,
	INVENTORY_QUANTITIES_AT_LOCATION,
	INVENTORY_SET_QUANTITIES,
} from '../operations/inventory';
import { batchKey } from './idempotencyKey';
import type { GraphqlRequest } from './lookUpTargets';
import { baseOutcome, describeItem, remoteFailure } from './outcomes';
import type { BatchMember, PlannedBatch } from './planBatches';
import type { InventoryChangeOutcome, ItemFailure, ResolvedTarget } from './types';
import { describeChangeError, splitUserErrors, type InventoryUserError } from './userErrors';

interface MutationPayload {
	inventoryAdjustmentGroup: {
		id: string;
		changes: { name: string; delta: number; quantityAfterChange: number | null; item: { id: string } | null; location: { id: string } | null }[];
	} | null;
	userErrors: InventoryUserError[];
}

export interface SendContext {
	request: GraphqlRequest;
	sleep: (ms: number) => Promise<void>;
	/** Re-sends of a batch's remaining changes after Shopify rejected some (each round drops ≥ 1 change). */
	maxRounds: number;
	/** IDEMPOTENCY_CONCURRENT_REQUEST: the same key is still being processed; wait and ask again. */
	concurrentRetries: number;
}

/**
 * One planned batch to Shopify, exactly once. Round 0 sends every resolved change under the batch key;
 * Shopify's mutation is atomic, so when it names rejected changes (userErrors `field` → change index) those
 * items get the error and the rest goes again under the next round's key. Replays of an earlier run are
 * followed the same way; a key that already holds other contents is refused by Shopify and reported.
 */
export async function sendBatch(
	batch: PlannedBatch,
	targets: ReadonlyMap<number, ResolvedTarget>,
	outcomes: Map<number, InventoryChangeOutcome>,
	context: SendContext,
	calls: { lookups: number; mutations: number },
): Promise<void> {
	const memberKeys = batch.members.map((member) => member.key);
	const { params } = batch;
	// Only resolved changes are sent; zero deltas change nothing and are reported as skipped.
	let pending = batch.members.filter((member) => targets.has(member.change.itemIndex));
	for (const member of pending.filter((m) => m.change.mode === 'adjust' && m.change.quantity === 0)) {
		outcomes.set(member.change.itemIndex, {
			...baseOutcome(member.change, member.key, targets.get(member.change.itemIndex)),
			status: 'skipped',
		});
	}
	pending = pending.filter((member) => !(member.change.mode === 'adjust' && member.change.quantity === 0));

	const failAll = (members: ReadonlyArray<BatchMember>, failure: (member: BatchMember) => ItemFailure, key?: string) => {
		for (const member of members) {
			outcomes.set(member.change.itemIndex, {
				...baseOutcome(member.change, member.key, targets.get(member.change.itemIndex)),
				idempotencyKey: key,
				status: 'failed',
				error: failure(member),
			});
		}
	};

	let round = 0;
	let concurrentWaits = 0;
	while (pending.length > 0) {
		if (round >= context.maxRounds) {
			failAll(pending, (member) => ({
				code: 'TOO_MANY_REJECTIONS',
				message: `${describeItem(member.change)}: not sent: Shopify rejected other changes of its batch ${round} times in a row. Check the other failed items of this run, then run this item again.`,
				source: 'shopify',
			}));
			return;
		}
		const key = batchKey(memberKeys, round);
		// Sorted by change key: the same set of changes is always sent in the same order under the same key.
		const sending = [...pending].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
		const input =
			params.mode === 'adjust'
				? {
						name: params.quantityName,
						reason: params.reason,
						referenceDocumentUri: params.referenceDocumentUri,
						changes: sending.map((member) => ({
							inventoryItemId: targets.get(member.change.itemIndex)!.inventoryItemId,
							locationId: targets.get(member.change.itemIndex)!.locationId,
							delta: member.change.quantity,
							changeFromQuantity: member.change.changeFromQuantity,
						})),
					}
				: {
						name: params.quantityName,
						reason: params.reason,
						referenceDocumentUri: params.referenceDocumentUri,
						quantities: sending.map((member) => ({
							inventoryItemId: targets.get(member.change.itemIndex)!.inventoryItemId,
							locationId: targets.get(member.change.itemIndex)!.locationId,
							quantity: member.change.quantity,
							changeFromQuantity: member.change.changeFromQuantity,
						})),
					};
		const document = params.mode === 'adjust' ? INVENTORY_ADJUST_QUANTITIES : INVENTORY_SET_QUANTITIES;
		const field = params.mode === 'adjust' ? 'inventoryAdjustQuantities' : 'inventorySetQuantities';
		let payload: MutationPayload;
		try {
			calls.mutations++;
			const { data } = await context.request<Record<string, MutationPayload>>(
				document,
				{ input, idempotencyKey: key, quantityNames: [params.quantityName] },
				{ estimatedCost: 10 },
			);
			payload = data[field];
		} catch (error) {
			failAll(sending, (member) => remoteFailure(error, describeItem(member.change, targets.get(member.change.itemIndex))), key);
			return;
		}

		const userErrors = payload?.userErrors ?? [];
		if (userErrors.length === 0) {
			const group = payload?.inventoryAdjustmentGroup;
			for (const member of sending) {
				const target = targets.get(member.change.itemIndex)!;
				const change = group?.changes.find(
					(candidate) =>
						candidate.name === params.quantityName && candidate.item?.id === target.inventoryItemId && candidate.location?.id === target.locationId,
				);
				outcomes.set(member.change.itemIndex, {
					...baseOutcome(member.change, member.key, target),
					status: 'applied',
					quantityAfterChange: change?.quantityAfterChange ?? null,
					...(params.mode === 'set' && change ? { delta: change.delta } : {}),
					adjustmentGroupId: group?.id,
					idempotencyKey: key,
				});
			}
			return;
		}

		const { byChange, general } = splitUserErrors(userErrors, sending.length);
		const generalCodes = new Set(general.map((error) => error.code));
		if (byChange.size === 0 && generalCodes.has('IDEMPOTENCY_CONCURRENT_REQUEST') && concurrentWaits < context.concurrentRetries) {
			concurrentWaits++;
			await context.sleep(500 * concurrentWaits);
			continue;
		}
		if (byChange.size === 0 && generalCodes.has('IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED')) {
			// An earlier run sent this very batch and Shopify rejected it then (nothing of it applied). Its
			// remaining changes went out under the next round's key: follow the same path. If that key already
			// holds other contents, Shopify refuses it (parameter mismatch) rather than applying anything twice.
			round++;
			continue;
		}
		if (byChange.size === 0) {
			const mismatch = generalCodes.has('IDEMPOTENCY_KEY_PARAMETER_MISMATCH');
			const text = general.map((error) => error.message).join(' ');
			failAll(
				sending,
				(member) =>
					mismatch
						? {
								code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH',
								message: `${describeItem(member.change, targets.get(member.change.itemIndex))}: not applied again. An earlier run of this same input already sent its batch (key ${key}) with different contents — some items failed or were fixed since — and Shopify refuses to reuse a key for other contents, which protects the changes it applied then. Check this item's inventory history in Shopify; to apply it now, run only the items that failed before, or give this item its own Idempotency Key.`,
								source: 'shopify',
							}
						: {
								code: general[0]?.code ?? 'SHOPIFY_USER_ERROR',
								message: `${describeItem(member.change, targets.get(member.change.itemIndex))}: Shopify refused the whole batch (${text}). Nothing of it was applied.`,
								source: 'shopify',
							},
				key,
			);
			return;
		}

		// Atomic failure naming changes: report those, re-send the rest under the next round's key.
		const rejected = sending.filter((_, index) => byChange.has(index));
		const currentQuantities = await readCurrentQuantities(rejected, byChange, sending, targets, params.quantityName, context, calls);
		for (const member of rejected) {
			const target = targets.get(member.change.itemIndex)!;
			const index = sending.indexOf(member);
			outcomes.set(member.change.itemIndex, {
				...baseOutcome(member.change, member.key, target),
				idempotencyKey: key,
				status: 'failed',
				error: {
					...describeChangeError(byChange.get(index)!, {
						what: describeItem(member.change, target),
						locationName: target.locationName,
						changeFromQuantity: member.change.changeFromQuantity,
						currentQuantity: currentQuantities.get(member.change.itemIndex),
						quantityName: params.quantityName,
					}),
					source: 'shopify',
				},
			});
		}
		pending = sending.filter((_, index) => !byChange.has(index));
		round++;
	}
}

/** After a stale compare-and-set: what Shopify holds now, so the message can say it (one call per location). */
async function readCurrentQuantities(
	rejected: ReadonlyArray<BatchMember>,
	byChange: ReadonlyMap<number, InventoryUserError[]>,
	sending: ReadonlyArray<BatchMember>,
	targets: ReadonlyMap<number, ResolvedTarget>,
	quantityName: string,
	context: SendContext,
	calls: { lookups: number },
): Promise<Map<number, number | null>> {
	const result = new Map<number, number | null>();
	const stale = rejected.filter((member) =>
		byChange.get(sending.indexOf(member))!.some((error) => error.code === 'CHANGE_FROM_QUANTITY_STALE' || error.code === 'COMPARE_QUANTITY_STALE'),
	);
	const byLocation = new Map<string, BatchMember[]>();
	for (const member of stale) {
		const { locationId } = targets.get(member.change.itemIndex)!;
		byLocation.set(locationId, [...(byLocation.get(locationId) ?? []), member]);
	}
	for (const [locationId, members] of byLocation) {
		try {
			calls.lookups++;
			const ids = [...new Set(members.map((member) => targets.get(member.change.itemIndex)!.inventoryItemId))];
			const { data } = await context.request<{
				nodes: ({ id: string; inventoryLevel?: { quantities: { name: string; quantity: number }[] } | null } | null)[];
			}>(INVENTORY_QUANTITIES_AT_LOCATION, { inventoryItemIds: ids, locationId, quantityNames: [quantityName] });
			for (const member of members) {
				const node = data.nodes.find((candidate) => candidate?.id === targets.get(member.change.itemIndex)!.inventoryItemId);
				const quantity = node?.inventoryLevel?.quantities.find((entry) => entry.name === quantityName)?.quantity;
				result.set(member.change.itemIndex, quantity ?? null);
			}
		} catch {
			// The message then says "a different quantity"; the stale error itself is what matters.
		}
	}
	return result;
}
