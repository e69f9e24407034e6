import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { RequestContext, ResolverMap } from '../context';
import { idempotencyKeyOf, idempotencyRequired, type IdempotencyRecords } from '../idempotency';
import type { InventoryItemRecord, InventoryLevelRecord, StoredQuantityName } from '../../store/records';
import { gid, ShopStore } from '../../store/shopStore';

/** Shopify's documented reasons for an inventory change. */
export const INVENTORY_REASONS: readonly string[] = [
	'correction',
	'cycle_count_available',
	'damaged',
	'movement_created',
	'movement_updated',
	'movement_received',
	'movement_canceled',
	'other',
	'promotion',
	'quality_control',
	'received',
	'reservation_created',
	'reservation_deleted',
	'reservation_updated',
	'restock',
	'safety_stock',
	'shrinkage',
];
const ADJUSTABLE_NAMES = ['available', 'on_hand', 'damaged', 'incoming', 'quality_control', 'reserved', 'safety_stock'];
const SETTABLE_NAMES = ['available', 'on_hand'];
export const MAX_CHANGES_PER_CALL = 250;
const QUANTITY_LIMIT = 1_000_000_000;

interface UserError {
	field: string[];
	message: string;
	code: string;
}

interface ChangeRecord {
	name: string;
	delta: number;
	quantityAfterChange: number;
	inventoryItemId: string;
	locationId: string;
	ledgerDocumentUri: string | null;
}

interface AdjustmentGroupRecord {
	__typename: 'InventoryAdjustmentGroup';
	id: string;
	createdAt: string;
	reason: string;
	referenceDocumentUri: string | null;
	changeRecords: ChangeRecord[];
}

/** One requested change, normalised from either mutation's input. */
interface PlannedChange {
	index: number;
	inventoryItemId: string;
	locationId: string;
	/** absolute target (set) or null */
	quantity: number | null;
	delta: number | null;
	changeFromQuantity: number | null | undefined;
	compareQuantity?: number | null;
	ledgerDocumentUri: string | null;
}

const isUri = (value: string): boolean => /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value);

function inputListTooLong(info: GraphQLResolveInfo, listName: string, size: number): GraphQLError {
	return new GraphQLError(`The input array size of ${size} is greater than the maximum allowed of ${MAX_CHANGES_PER_CALL}.`, {
		path: [info.fieldName, 'input', listName],
		extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' },
	});
}

function applyQuantity(level: InventoryLevelRecord, name: string, delta: number): void {
	// on_hand is derived: moving it moves available, as Shopify's on_hand adjustments do
	const stored: StoredQuantityName = name === 'on_hand' ? 'available' : (name as StoredQuantityName);
	level.quantities[stored] += delta;
}

/**
 * inventoryAdjustQuantities (deltas) and inventorySetQuantities (absolute values) with Shopify's run-time
 * rules: the idempotency key (required from 2026-04), changeFromQuantity compare-and-set, ≤ 250 changes,
 * reason and name checks, and all-or-nothing application. userErrors carry the input path of the change
 * they refer to, e.g. ["input", "changes", "3", "inventoryItemId"].
 */
function runInventoryMutation(
	mode: 'adjust' | 'set',
	args: Record<string, any>,
	context: RequestContext,
	info: GraphQLResolveInfo,
): unknown {
	const input = args.input as Record<string, any>;
	const listName = mode === 'adjust' ? 'changes' : 'quantities';
	const entries = input[listName] as Array<Record<string, any>>;
	const key = idempotencyKeyOf(info);
	if (key === null && context.apiVersion >= '2026-04') throw idempotencyRequired(info.fieldName, context.apiVersion);
	if (entries.length > MAX_CHANGES_PER_CALL) throw inputListTooLong(info, listName, entries.length);
	if (context.apiVersion >= '2026-04')
		entries.forEach((entry, index) => {
			if (!('changeFromQuantity' in entry))
				throw new GraphQLError(
					`Every change must give changeFromQuantity from API version 2026-04: ${listName}[${index}] has none. Pass the quantity you expect the stock to have, or null to skip the check.`,
					{ path: [info.fieldName, 'input', listName, index, 'changeFromQuantity'], extensions: { code: 'BAD_REQUEST' } },
				);
		});

	const records = context.services.idempotency as IdempotencyRecords;
	const fingerprint = JSON.stringify(input);
	if (key !== null) {
		context.idempotencyKey = key;
		const previous = records.lookup(info.fieldName, key, fingerprint);
		if (previous === 'mismatch')
			return {
				inventoryAdjustmentGroup: null,
				userErrors: [
					{ field: ['input'], message: 'The same idempotency key cannot be used with different operation parameters.', code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH' },
				],
			};
		if (previous) return previous.replay;
	}

	const store = context.store;
	const errors: UserError[] = [];
	const name = input.name as string;
	if (!(mode === 'adjust' ? ADJUSTABLE_NAMES : SETTABLE_NAMES).includes(name))
		errors.push(
			mode === 'adjust'
				? { field: ['input', 'name'], message: `The quantity name '${name}' is not valid. Use one of: ${ADJUSTABLE_NAMES.join(', ')}.`, code: 'INVALID_QUANTITY_NAME' }
				: { field: ['input', 'name'], message: "The quantity name must be either 'available' or 'on_hand'.", code: 'INVALID_NAME' },
		);
	if (!INVENTORY_REASONS.includes(input.reason))
		errors.push({ field: ['input', 'reason'], message: `The reason '${input.reason}' is not valid. Use one of: ${INVENTORY_REASONS.join(', ')}.`, code: 'INVALID_REASON' });
	if (input.referenceDocumentUri !== undefined && input.referenceDocumentUri !== null && !isUri(input.referenceDocumentUri))
		errors.push({ field: ['input', 'referenceDocumentUri'], message: 'The reference document URI is invalid.', code: 'INVALID_REFERENCE_DOCUMENT' });

	const planned: PlannedChange[] = entries.map((entry, index) => ({
		index,
		inventoryItemId: entry.inventoryItemId,
		locationId: entry.locationId,
		quantity: mode === 'set' ? entry.quantity : null,
		delta: mode === 'adjust' ? entry.delta : null,
		changeFromQuantity: entry.changeFromQuantity,
		compareQuantity: mode === 'set' && input.ignoreCompareQuantity !== true ? entry.compareQuantity : undefined,
		ledgerDocumentUri: entry.ledgerDocumentUri ?? null,
	}));
	const levels: Array<{ item: InventoryItemRecord; level: InventoryLevelRecord } | null> = planned.map((change) => {
		const base = ['input', listName, String(change.index)];
		const item = store.inventoryItems.get(change.inventoryItemId);
		if (!item) {
			errors.push({ field: [...base, 'inventoryItemId'], message: 'The specified inventory item could not be found.', code: 'INVALID_INVENTORY_ITEM' });
			return null;
		}
		if (!store.locations.has(change.locationId)) {
			errors.push({ field: [...base, 'locationId'], message: 'The specified location could not be found.', code: 'INVALID_LOCATION' });
			return null;
		}
		return { item, level: store.ensureLevel(item, change.locationId) };
	});

	// compare-and-set against what is stored now, before anything in this call is applied
	const seen = new Set<string>();
	planned.forEach((change, position) => {
		const target = levels[position];
		if (!target) return;
		const base = ['input', listName, String(change.index)];
		const current = ShopStore.quantity(target.level, name) ?? 0;
		if (change.changeFromQuantity !== null && change.changeFromQuantity !== undefined && change.changeFromQuantity !== current)
			errors.push({
				field: [...base, 'changeFromQuantity'],
				message: `The changeFromQuantity argument no longer matches the persisted quantity (expected ${change.changeFromQuantity}, stored ${current}).`,
				code: 'CHANGE_FROM_QUANTITY_STALE',
			});
		if (change.compareQuantity !== undefined && change.compareQuantity !== null && change.compareQuantity !== current)
			errors.push({ field: [...base, 'compareQuantity'], message: 'The compareQuantity value does not match persisted value.', code: 'COMPARE_QUANTITY_STALE' });
		if (mode === 'set') {
			const pair = `${change.inventoryItemId}|${change.locationId}`;
			if (seen.has(pair))
				errors.push({ field: [...base, 'inventoryItemId'], message: 'The same inventory item and location may appear only once.', code: 'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR' });
			seen.add(pair);
			if ((change.quantity ?? 0) < 0)
				errors.push({ field: [...base, 'quantity'], message: 'The quantity can\'t be negative.', code: 'INVALID_QUANTITY_NEGATIVE' });
		}
		const after = mode === 'set' ? (change.quantity ?? 0) : current + (change.delta ?? 0);
		if (after > QUANTITY_LIMIT)
			errors.push({ field: [...base, mode === 'set' ? 'quantity' : 'delta'], message: `The quantity can't be higher than ${QUANTITY_LIMIT}.`, code: 'INVALID_QUANTITY_TOO_HIGH' });
		if (after < -QUANTITY_LIMIT)
			errors.push({ field: [...base, mode === 'set' ? 'quantity' : 'delta'], message: `The quantity can't be lower than -${QUANTITY_LIMIT}.`, code: 'INVALID_QUANTITY_TOO_LOW' });
	});

	let payload: unknown;
	if (errors.length > 0) {
		payload = { inventoryAdjustmentGroup: null, userErrors: errors };
	} else {
		const now = store.nowIso();
		const changeRecords: ChangeRecord[] = [];
		const touched = new Set<InventoryLevelRecord>();
		planned.forEach((change, position) => {
			const { level } = levels[position]!;
			const before = ShopStore.quantity(level, name);
			const delta = mode === 'set' ? (change.quantity ?? 0) - before : (change.delta ?? 0);
			const companionBefore = ShopStore.quantity(level, name === 'on_hand' ? 'available' : 'on_hand');
			applyQuantity(level, name, delta);
			level.updatedAt = now;
			touched.add(level);
			changeRecords.push({
				name,
				delta,
				quantityAfterChange: ShopStore.quantity(level, name),
				inventoryItemId: change.inventoryItemId,
				locationId: change.locationId,
				ledgerDocumentUri: change.ledgerDocumentUri,
			});
			// Shopify also reports the knock-on change to the other quantity the change moved
			const companion = name === 'on_hand' ? 'available' : name === 'incoming' ? null : 'on_hand';
			if (companion && delta !== 0)
				changeRecords.push({
					name: companion,
					delta: ShopStore.quantity(level, companion) - companionBefore,
					quantityAfterChange: ShopStore.quantity(level, companion),
					inventoryItemId: change.inventoryItemId,
					locationId: change.locationId,
					ledgerDocumentUri: null,
				});
		});
		const groupId = store.nextId('InventoryAdjustmentGroup');
		const group: AdjustmentGroupRecord = {
			__typename: 'InventoryAdjustmentGroup',
			id: gid('InventoryAdjustmentGroup', groupId),
			createdAt: now,
			reason: input.reason,
			referenceDocumentUri: input.referenceDocumentUri ?? null,
			changeRecords,
		};
		payload = { inventoryAdjustmentGroup: group, userErrors: [] };
		for (const level of touched) store.emit({ topic: 'inventory_levels/update', level });
	}
	if (key !== null) records.remember(info.fieldName, key, fingerprint, payload);
	return payload;
}

export const inventoryMutationResolvers: ResolverMap = {
	Mutation: {
		inventoryAdjustQuantities: (_root, args, context, info) => runInventoryMutation('adjust', args, context, info),
		inventorySetQuantities: (_root, args, context, info) => runInventoryMutation('set', args, context, info),
	},
	InventoryAdjustmentGroup: {
		changes: (group: AdjustmentGroupRecord, args) =>
			group.changeRecords.filter(
				(change) =>
					(!args.inventoryItemIds || args.inventoryItemIds.includes(change.inventoryItemId)) &&
					(!args.locationIds || args.locationIds.includes(change.locationId)) &&
					(!args.quantityNames || args.quantityNames.includes(change.name)),
			),
		app: () => null,
		staffMember: () => null,
	},
	InventoryChange: {
		item: (change: ChangeRecord, _args, context) => context.store.inventoryItems.get(change.inventoryItemId) ?? null,
		location: (change: ChangeRecord, _args, context) => context.store.locations.get(change.locationId) ?? null,
	},
};
