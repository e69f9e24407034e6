import { changeKey } from './idempotencyKey';
import type { GraphqlClient } from '../orders/graphqlClient';
import { lookUpTargets } from './lookUpTargets';
import { baseOutcome } from './outcomes';
import { planBatches, type BatchMember } from './planBatches';
import { resolveTarget } from './resolveTargets';
import type { SkuSearchLimits } from './skuSearch';
import type {
	InventoryChangeOutcome,
	InventoryChangeRequest,
	RawInventoryChange,
	ResolvedTarget,
} from './types';
import { sendBatch } from './sendBatch';
import { validateChange } from './validateChange';

export interface ApplyInventoryOptions {
	/** How to reach Shopify: a ShopifyClient's request. */
	request: GraphqlClient['request'];
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

const NOT_SENT_MESSAGE =
	'Nothing was sent to Shopify because other items of this run failed their checks. Fix those items (or turn on "Continue On Fail") and run again.';

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
	const calls = { lookups: 0, mutations: 0 };
	const outcomes = new Map<number, InventoryChangeOutcome>();
	const { valid, duplicates } = checkEach(raws, outcomes);
	const targets = await resolveEach(valid, options, calls, outcomes);
	if (options.allOrNothingBeforeSending && outcomes.size > 0) {
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
		const context = { request: options.request, sleep, maxRounds: options.maxRounds ?? 8, concurrentRetries: options.concurrentRetries ?? 3 };
		for (const batch of planBatches(valid.map(({ change, key }): BatchMember => ({ change, key })))) {
			await sendBatch(batch, targets, outcomes, context, calls);
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

type KeyedChange = { change: InventoryChangeRequest; key: string };

/** 1. Local checks and keys; an identical change (same key) later in the run is the same event, applied once. */
function checkEach(raws: ReadonlyArray<RawInventoryChange>, outcomes: Map<number, InventoryChangeOutcome>): { valid: KeyedChange[]; duplicates: Array<{ itemIndex: number; of: number; key: string }> } {
	const valid: KeyedChange[] = [];
	const firstByKey = new Map<string, number>();
	const duplicates: Array<{ itemIndex: number; of: number; key: string }> = [];
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
	return { valid, duplicates };
}

/** 2. Every SKU, ID and location looked up together; a change that resolves to nothing fails here. */
async function resolveEach(
	valid: ReadonlyArray<KeyedChange>,
	options: ApplyInventoryOptions,
	calls: { lookups: number; mutations: number },
	outcomes: Map<number, InventoryChangeOutcome>,
): Promise<Map<number, ResolvedTarget>> {
	const lookups = await lookUpTargets(valid.map((entry) => entry.change), options.request, calls, options.skuLimits);
	const targets = new Map<number, ResolvedTarget>();
	for (const { change, key } of valid) {
		const resolution = resolveTarget(change, lookups);
		if (resolution.ok) targets.set(change.itemIndex, resolution.target);
		else outcomes.set(change.itemIndex, { ...baseOutcome(change, key), status: 'failed', error: { ...resolution.error, source: 'input' } });
	}
	return targets;
}
