import { ShopifyApiError } from '../errors';
import {
	INVENTORY_ADJUST_QUANTITIES,
	INVENTORY_QUANTITIES_AT_LOCATION,
	INVENTORY_SET_QUANTITIES,
} from '../operations/inventory';
import { batchKey, changeKey } from './idempotencyKey';
import { lookUpTargets, type GraphqlRequest } from './lookUpTargets';
import { planBatches, type BatchMember, type PlannedBatch } from './planBatches';
import { resolveTarget } from './resolveTargets';
import type { SkuSearchLimits } from './skuSearch';
import type {
	InventoryChangeOutcome,
	InventoryChangeRequest,
	ItemFailure,
	RawInventoryChange,
	ResolvedTarget,
} from './types';
import { describeChangeError, splitUserErrors, type InventoryUserError } from './userErrors';
import { validateChange } from './validateChange';

export type { GraphqlRequest };

export interface ApplyInventoryOptions {
	request: GraphqlRequest;
	/** Node without "continue on fail": when any item fails our own checks or lookups, send nothing at all. */
	allOrNothingBeforeSending?: boolean;
	skuLimits?: SkuSearchLimits;
	/** Re-sends of a batch's remaining changes after Shopify rejected some (each round drops ≥ 1 change). */
	maxRounds?: number;
	/** IDEMPOTENCY_CONCURRENT_REQUEST: the same key is still being processed; wait and ask again. */
	concurrentRetries?: number;
	sleep?: (ms: number) => Promise<void>;
}

export interface ApplyInventoryResult {
	outcomes: InventoryChangeOutcome[];
	/** Calls made, for the output's summary and the benchmark. */
	calls: { lookups: number; mutations: number };
}

interface MutationPayload {
	inventoryAdjustmentGroup: {
		id: string;
		changes: { name: string; delta: number; quantityAfterChange: number | null; item: { id: string } | null; location: { id: string } | null }[];
	} | null;
	userErrors: InventoryUserError[];
}

const NOT_SENT_MESSAGE =
	'Nothing was sent to Shopify because other items of this run failed their checks. Fix those items (or turn on "Continue On Fail") and run again.';

function describeItem(change: InventoryChangeRequest, target?: ResolvedTarget): string {
	if (change.identifierType === 'sku') return `SKU "${change.identifier}"`;
	const sku = target?.sku ? ` (SKU "${target.sku}")` : '';
	return `${change.identifierType === 'variantId' ? 'Variant' : 'Inventory item'} ${change.identifier}${sku}`;
}

function remoteFailure(error: unknown, what: string): ItemFailure {
	if (error instanceof ShopifyApiError) {
		return { code: error.code, message: `${what}: ${error.describe()}`, source: 'shopify', cause: error };
	}
	const message = error instanceof Error ? error.message : String(error);
	return { code: 'UNEXPECTED', message: `${what}: ${message}`, source: 'shopify', cause: error };
}

/**
 * Adjust or set inventory for every input item of a run, exactly once:
 * 1. check every item locally (quantity, names, reason, reference, IDs);
 * 2. resolve all SKUs / IDs / locations together (one `sku:'A' OR …` search per ≤ 250 SKUs; the locations
 *    ride along on the first call);
 * 3. plan mutations of ≤ 250 changes from the input alone, each with a key derived from its changes' keys;
 * 4. send them; when Shopify rejects some changes (its mutation is atomic), report those on their items and
 *    re-send the rest under the batch's next-round key, so nothing is applied twice and a re-run of the
 *    same input replays the same keys.
 */
export async function applyInventoryChanges(raws: ReadonlyArray<RawInventoryChange>, options: ApplyInventoryOptions): Promise<ApplyInventoryResult> {
	const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
	const maxRounds = options.maxRounds ?? 8;
	const concurrentRetries = options.concurrentRetries ?? 3;
	const calls = { lookups: 0, mutations: 0 };
	const outcomes = new Map<number, InventoryChangeOutcome>();

	// 1. Local checks and keys; an identical change (same key) later in the run is the same event, applied once.
	const valid: { change: InventoryChangeRequest; key: string }[] = [];
	const firstByKey = new Map<string, number>();
	const duplicates: { itemIndex: number; of: number; key: string }[] = [];
	for (const raw of raws) {
		const result = validateChange(raw);
		if (!result.ok) {
			outcomes.set(raw.itemIndex, { itemIndex: raw.itemIndex, status: 'failed', mode: raw.mode, error: { ...result.error, source: 'input' } });
			continue;
		}
		const key = changeKey(result.change);
		const first = firstByKey.get(key);
		if (first !== undefined) {
			duplicates.push({ itemIndex: raw.itemIndex, of: first, key });
			continue;
		}
		firstByKey.set(key, raw.itemIndex);
		valid.push({ change: result.change, key });
	}

	// 2. Lookups.
	const lookups = await lookUpTargets(valid.map((entry) => entry.change), options.request, calls, options.skuLimits);
	const targets = new Map<number, ResolvedTarget>();
	for (const { change, key } of valid) {
		const resolution = resolveTarget(change, lookups);
		if (resolution.ok) {
			targets.set(change.itemIndex, resolution.target);
			continue;
		}
		outcomes.set(change.itemIndex, {
			...baseOutcome(change, key),
			status: 'failed',
			error: { ...resolution.error, source: 'input' },
		});
	}

	const anyLocalFailure = outcomes.size > 0;
	if (options.allOrNothingBeforeSending && anyLocalFailure) {
		for (const { change, key } of valid) {
			if (outcomes.has(change.itemIndex)) continue;
			outcomes.set(change.itemIndex, {
				...baseOutcome(change, key, targets.get(change.itemIndex)),
				status: 'failed',
				error: { code: 'NOT_SENT', message: NOT_SENT_MESSAGE, source: 'input' },
			});
		}
	} else {
		// 3 + 4. Plan from the input alone, then send.
		const batches = planBatches(valid.map(({ change, key }): BatchMember => ({ change, key })));
		for (const batch of batches) {
			await sendBatch(batch, targets, outcomes, { ...options, sleep, maxRounds, concurrentRetries }, calls);
		}
	}

	for (const { itemIndex, of, key } of duplicates) {
		const original = outcomes.get(of);
		outcomes.set(itemIndex, {
			...(original ?? { mode: raws.find((raw) => raw.itemIndex === itemIndex)!.mode }),
			itemIndex,
			changeKey: key,
			status: original?.status === 'failed' ? 'failed' : 'duplicate',
			duplicateOf: of,
			error: original?.error,
		});
	}

	const ordered = raws.map(
		(raw) =>
			outcomes.get(raw.itemIndex) ?? {
				itemIndex: raw.itemIndex,
				status: 'failed' as const,
				mode: raw.mode,
				error: { code: 'NOT_SENT', message: NOT_SENT_MESSAGE, source: 'input' as const },
			},
	);
	return { outcomes: ordered, calls };
}

function baseOutcome(change: InventoryChangeRequest, key: string, target?: ResolvedTarget): InventoryChangeOutcome {
	return {
		itemIndex: change.itemIndex,
		status: 'failed',
		mode: change.mode,
		quantityName: change.quantityName,
		sku: target?.sku ?? (change.identifierType === 'sku' ? change.identifier : undefined),
		variantId: target?.variantId ?? (change.identifierType === 'variantId' ? change.identifier : undefined),
		inventoryItemId: target?.inventoryItemId ?? (change.identifierType === 'inventoryItemId' ? change.identifier : undefined),
		locationId: target?.locationId ?? (change.location.by === 'id' ? change.location.id : undefined),
		locationName: target?.locationName ?? (change.location.by === 'name' ? change.location.name : undefined),
		...(change.mode === 'adjust' ? { delta: change.quantity } : { quantity: change.quantity }),
		changeFromQuantity: change.changeFromQuantity,
		referenceDocumentUri: change.referenceDocumentUri,
		changeKey: key,
	};
}

interface SendContext extends ApplyInventoryOptions {
	sleep: (ms: number) => Promise<void>;
	maxRounds: number;
	concurrentRetries: number;
}

async function sendBatch(
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
