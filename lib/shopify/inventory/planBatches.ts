import type { InventoryChangeRequest, InventoryMode } from './types';

/** Shopify accepts at most 250 changes in one inventoryAdjustQuantities / inventorySetQuantities call. */
export const MAX_CHANGES_PER_MUTATION = 250;

export interface BatchMember {
	change: InventoryChangeRequest;
	key: string;
}

/** What one mutation states once for all its changes. */
export interface MutationParams {
	mode: InventoryMode;
	quantityName: string;
	reason: string;
	referenceDocumentUri: string;
}

export interface PlannedBatch {
	params: MutationParams;
	/** Every change the batch was formed with, valid or not: the batch key derives from all of them. */
	members: BatchMember[];
}

function paramsKey(change: InventoryChangeRequest): string {
	return JSON.stringify([change.mode, change.quantityName, change.reason, change.referenceDocumentUri]);
}

/** The same item at the same location, as the user named them (the batch plan must not depend on lookups). */
function targetKey(change: InventoryChangeRequest): string {
	const location = change.location.by === 'id' ? change.location.id : `name:${change.location.name.toLowerCase()}`;
	return `${change.identifierType}:${change.identifier}|${location}`;
}

/**
 * Changes that share mode, quantity name, reason and reference document can share a mutation (those are
 * stated once per mutation). Within a group, input order, first fit, ≤ 250 per batch, and never the same item
 * at the same location twice in one batch: Shopify refuses that for set, and for adjust it would make
 * `quantityAfterChange` ambiguous. A later change to the same target goes to a later batch, so sets apply in
 * input order. The plan is a function of the input alone (not of lookups), so a re-run forms the same batches.
 */
export function planBatches(members: ReadonlyArray<BatchMember>, maxPerBatch = MAX_CHANGES_PER_MUTATION): PlannedBatch[] {
	const groups = new Map<string, { params: MutationParams; batches: { members: BatchMember[]; targets: Set<string> }[] }>();
	for (const member of members) {
		const { change } = member;
		const groupId = paramsKey(change);
		let group = groups.get(groupId);
		if (!group) {
			group = {
				params: {
					mode: change.mode,
					quantityName: change.quantityName,
					reason: change.reason,
					referenceDocumentUri: change.referenceDocumentUri,
				},
				batches: [],
			};
			groups.set(groupId, group);
		}
		const target = targetKey(change);
		let batch = group.batches.find((candidate) => candidate.members.length < maxPerBatch && !candidate.targets.has(target));
		if (!batch) {
			batch = { members: [], targets: new Set() };
			group.batches.push(batch);
		}
		batch.members.push(member);
		batch.targets.add(target);
	}
	const planned: PlannedBatch[] = [];
	for (const group of groups.values()) {
		for (const batch of group.batches) planned.push({ params: group.params, members: batch.members });
	}
	return planned;
}
