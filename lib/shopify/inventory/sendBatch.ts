import {
	INVENTORY_ADJUST_QUANTITIES,
	INVENTORY_QUANTITIES_AT_LOCATION,
	INVENTORY_SET_QUANTITIES,
} from '../operations/inventory';
import { batchKey } from './idempotencyKey';
import type { GraphqlClient } from '../orders/graphqlClient';
import { baseOutcome, describeItem, remoteFailure } from './outcomes';
import type { BatchMember, PlannedBatch } from './planBatches';
import type { InventoryChangeOutcome, ItemFailure, ResolvedTarget } from './types';
import { describeChangeError, splitUserErrors, type InventoryUserError } from './userErrors';
import { isReplayedGroup } from './replayedGroup';

interface MutationPayload {
	inventoryAdjustmentGroup: {
		id: string;
		createdAt?: string;
		changes: { name: string; delta: number; quantityAfterChange: number | null; item: { id: string } | null; location: { id: string } | null }[];
	} | null;
	userErrors: InventoryUserError[];
}

export interface SendContext {
	request: GraphqlClient['request'];
	sleep: (ms: number) => Promise<void>;
	/** Re-sends of a batch's remaining changes after Shopify rejected some (each round drops ≥ 1 change). */
	maxRounds: number;
	/** IDEMPOTENCY_CONCURRENT_REQUEST: the same key is still being processed; wait and ask again. */
	concurrentRetries: number;
}

type Calls = { lookups: number; mutations: number };

/** What one send of a batch came to: a next round to run (with what is still pending), or the end. */
type RoundResult = { done: true } | { done: false; pending: BatchMember[]; nextRound: boolean };

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
	calls: Calls,
): Promise<void> {
	const send = new BatchSend(batch, targets, outcomes, context, calls);
	let pending = send.pendingAfterSkippingZeroDeltas();
	let round = 0;
	let concurrentWaits = 0;
	while (pending.length > 0) {
		if (round >= context.maxRounds) {
			send.failAll(pending, (member) => ({
				code: 'TOO_MANY_REJECTIONS',
				message: `${describeItem(member.change)}: not sent: Shopify rejected other changes of its batch ${round} times in a row. Check the other failed items of this run, then run this item again.`,
				source: 'shopify',
			}));
			return;
		}
		const result = await send.round(pending, round, concurrentWaits < context.concurrentRetries);
		if (result.done) return;
		if (result.nextRound) round++;
		else {
			// IDEMPOTENCY_CONCURRENT_REQUEST: the same key is still being processed; ask again a little later.
			concurrentWaits++;
			await context.sleep(500 * concurrentWaits);
		}
		pending = result.pending;
	}
}

/** The steps of sending one batch; every outcome lands in the caller's map by input item index. */
class BatchSend {
	private readonly memberKeys: string[];
	/** When each key was first sent (a key waiting on IDEMPOTENCY_CONCURRENT_REQUEST goes again). */
	private readonly firstSentAt = new Map<string, number>();

	constructor(
		private readonly batch: PlannedBatch,
		private readonly targets: ReadonlyMap<number, ResolvedTarget>,
		private readonly outcomes: Map<number, InventoryChangeOutcome>,
		private readonly context: SendContext,
		private readonly calls: Calls,
	) {
		this.memberKeys = batch.members.map((member) => member.key);
	}

	/** Only resolved changes are sent; zero deltas change nothing and are reported as skipped. */
	pendingAfterSkippingZeroDeltas(): BatchMember[] {
		const resolved = this.batch.members.filter((member) => this.targets.has(member.change.itemIndex));
		const zero = (member: BatchMember) => member.change.mode === 'adjust' && member.change.quantity === 0;
		for (const member of resolved.filter(zero)) {
			this.outcomes.set(member.change.itemIndex, { ...baseOutcome(member.change, member.key, this.target(member)), status: 'skipped' });
		}
		return resolved.filter((member) => !zero(member));
	}

	failAll(members: ReadonlyArray<BatchMember>, failure: (member: BatchMember) => ItemFailure, key?: string): void {
		for (const member of members) {
			this.outcomes.set(member.change.itemIndex, {
				...baseOutcome(member.change, member.key, this.target(member)),
				idempotencyKey: key,
				status: 'failed',
				error: failure(member),
			});
		}
	}

	/** Sends the pending changes under this round's key and records what Shopify said. */
	async round(pending: ReadonlyArray<BatchMember>, round: number, mayWaitForConcurrent: boolean): Promise<RoundResult> {
		const key = batchKey(this.memberKeys, round);
		// Sorted by change key: the same set of changes is always sent in the same order under the same key.
		const sending = [...pending].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
		let payload: MutationPayload;
		let replayed: boolean | null;
		try {
			({ payload, replayed } = await this.mutate(sending, key));
		} catch (error) {
			this.failAll(sending, (member) => remoteFailure(error, describeItem(member.change, this.target(member))), key);
			return { done: true };
		}
		const userErrors = payload?.userErrors ?? [];
		if (userErrors.length === 0) {
			this.recordApplied(sending, payload?.inventoryAdjustmentGroup ?? null, key, replayed);
			return { done: true };
		}
		const { byChange, general } = splitUserErrors(userErrors, sending.length);
		const generalCodes = new Set(general.map((error) => error.code));
		if (byChange.size === 0 && generalCodes.has('IDEMPOTENCY_CONCURRENT_REQUEST') && mayWaitForConcurrent) {
			return { done: false, pending: sending, nextRound: false };
		}
		if (byChange.size === 0 && generalCodes.has('IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED')) {
			// An earlier run sent this very batch and Shopify rejected it then (nothing of it applied). Its
			// remaining changes went out under the next round's key: follow the same path. If that key already
			// holds other contents, Shopify refuses it (parameter mismatch) rather than applying anything twice.
			return { done: false, pending: sending, nextRound: true };
		}
		if (byChange.size === 0) {
			this.failWholeBatch(sending, general, key);
			return { done: true };
		}
		// Atomic failure naming changes: report those, re-send the rest under the next round's key.
		await this.recordRejected(sending, byChange, key);
		return { done: false, pending: sending.filter((_, index) => !byChange.has(index)), nextRound: true };
	}

	private target(member: BatchMember): ResolvedTarget {
		return this.targets.get(member.change.itemIndex)!;
	}

	private async mutate(sending: ReadonlyArray<BatchMember>, key: string): Promise<{ payload: MutationPayload; replayed: boolean | null }> {
		const { params } = this.batch;
		const common = { name: params.quantityName, reason: params.reason, referenceDocumentUri: params.referenceDocumentUri };
		const place = (member: BatchMember) => ({ inventoryItemId: this.target(member).inventoryItemId, locationId: this.target(member).locationId });
		const input =
			params.mode === 'adjust'
				? { ...common, changes: sending.map((member) => ({ ...place(member), delta: member.change.quantity, changeFromQuantity: member.change.changeFromQuantity })) }
				: { ...common, quantities: sending.map((member) => ({ ...place(member), quantity: member.change.quantity, changeFromQuantity: member.change.changeFromQuantity })) };
		const document = params.mode === 'adjust' ? INVENTORY_ADJUST_QUANTITIES : INVENTORY_SET_QUANTITIES;
		const field = params.mode === 'adjust' ? 'inventoryAdjustQuantities' : 'inventorySetQuantities';
		this.calls.mutations++;
		const firstSent = this.firstSentAt.get(key) ?? Date.now();
		this.firstSentAt.set(key, firstSent);
		const { data, serverTime } = await this.context.request<Record<string, MutationPayload>>(
			document,
			{ input, idempotencyKey: key, quantityNames: [params.quantityName] },
			{ estimatedCost: 10 },
		);
		const payload = data[field];
		return { payload, replayed: isReplayedGroup(payload?.inventoryAdjustmentGroup?.createdAt, serverTime, Date.now() - firstSent) };
	}

	private recordApplied(sending: ReadonlyArray<BatchMember>, group: MutationPayload['inventoryAdjustmentGroup'], key: string, replayed: boolean | null): void {
		const { params } = this.batch;
		for (const member of sending) {
			const target = this.target(member);
			const change = group?.changes.find(
				(candidate) => candidate.name === params.quantityName && candidate.item?.id === target.inventoryItemId && candidate.location?.id === target.locationId,
			);
			this.outcomes.set(member.change.itemIndex, {
				...baseOutcome(member.change, member.key, target),
				status: 'applied',
				quantityAfterChange: change?.quantityAfterChange ?? null,
				...(params.mode === 'set' && change ? { delta: change.delta } : {}),
				adjustmentGroupId: group?.id,
				replayed,
				idempotencyKey: key,
			});
		}
	}

	/** Shopify refused the batch without naming a change: every change of it failed, nothing applied. */
	private failWholeBatch(sending: ReadonlyArray<BatchMember>, general: ReadonlyArray<InventoryUserError>, key: string): void {
		const mismatch = general.some((error) => error.code === 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH');
		const text = general.map((error) => error.message).join(' ');
		this.failAll(
			sending,
			(member) =>
				mismatch
					? {
							code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH',
							message: `${describeItem(member.change, this.target(member))}: not applied again. An earlier run of this same input already sent its batch (key ${key}) with different contents — some items failed or were fixed since — and Shopify refuses to reuse a key for other contents, which protects the changes it applied then. Check this item's inventory history in Shopify; to apply it now, run only the items that failed before, or give this item its own Idempotency Key.`,
							source: 'shopify',
						}
					: {
							code: general[0]?.code ?? 'SHOPIFY_USER_ERROR',
							message: `${describeItem(member.change, this.target(member))}: Shopify refused the whole batch (${text}). Nothing of it was applied.`,
							source: 'shopify',
						},
			key,
		);
	}

	/** The changes Shopify named as rejected get its error, with what Shopify holds now for a stale compare. */
	private async recordRejected(sending: ReadonlyArray<BatchMember>, byChange: ReadonlyMap<number, InventoryUserError[]>, key: string): Promise<void> {
		const { params } = this.batch;
		const rejected = sending.filter((_, index) => byChange.has(index));
		const currentQuantities = await readCurrentQuantities(rejected, byChange, sending, this.targets, params.quantityName, this.context, this.calls);
		for (const member of rejected) {
			const target = this.target(member);
			this.outcomes.set(member.change.itemIndex, {
				...baseOutcome(member.change, member.key, target),
				idempotencyKey: key,
				status: 'failed',
				error: {
					...describeChangeError(byChange.get(sending.indexOf(member))!, {
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
