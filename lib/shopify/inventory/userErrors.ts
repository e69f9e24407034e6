import type { ItemFailure } from './types';

export interface InventoryUserError {
	field?: string[] | null;
	message: string;
	code?: string | null;
}

/**
 * Shopify names the offending change in `field`, e.g. ["input", "changes", "3", "delta"] (adjust) or
 * ["input", "quantities", "0", "changeFromQuantity"] (set): the index is the change's position in the list
 * we sent. Undefined when the error concerns the whole mutation (reason, reference, idempotency key).
 */
export function changeIndexOf(error: InventoryUserError): number | undefined {
	const field = error.field ?? [];
	for (let i = 0; i < field.length - 1; i++) {
		if ((field[i] === 'changes' || field[i] === 'quantities') && /^\d+$/.test(field[i + 1])) return Number(field[i + 1]);
	}
	return undefined;
}

export interface SplitUserErrors {
	/** Change position → its errors. */
	byChange: Map<number, InventoryUserError[]>;
	/** Errors about the mutation as a whole. */
	general: InventoryUserError[];
}

export function splitUserErrors(errors: ReadonlyArray<InventoryUserError>, changeCount: number): SplitUserErrors {
	const byChange = new Map<number, InventoryUserError[]>();
	const general: InventoryUserError[] = [];
	for (const error of errors) {
		const index = changeIndexOf(error);
		if (index === undefined || index >= changeCount) {
			general.push(error);
			continue;
		}
		const list = byChange.get(index) ?? [];
		list.push(error);
		byChange.set(index, list);
	}
	return { byChange, general };
}

export interface ChangeContext {
	what: string;
	locationName?: string;
	changeFromQuantity: number | null;
	/** The quantity Shopify holds now, when it could be read after a stale compare-and-set. */
	currentQuantity?: number | null;
	quantityName: string;
}

/** Shopify's per-change error as a sentence for the shop owner: what, which item, what to do. */
export function describeChangeError(errors: ReadonlyArray<InventoryUserError>, context: ChangeContext): ItemFailure {
	const [first] = errors;
	const code = first.code ?? 'SHOPIFY_USER_ERROR';
	const where = context.locationName ? ` at "${context.locationName}"` : '';
	const shopifySays = errors.map((error) => error.message).join(' ');
	switch (code) {
		case 'CHANGE_FROM_QUANTITY_STALE':
		case 'COMPARE_QUANTITY_STALE': {
			const current =
				context.currentQuantity === undefined || context.currentQuantity === null
					? 'a different quantity'
					: `${context.currentQuantity}`;
			return {
				code: 'CHANGE_FROM_QUANTITY_STALE',
				message: `${context.what}${where}: the expected current ${context.quantityName} quantity was ${context.changeFromQuantity}, but Shopify has ${current}, so nothing was changed for this item (compare-and-set). Someone or something changed the stock meanwhile: read the quantity again and run this item with the new expected quantity, or leave Expected Current Quantity empty to change it regardless.`,
				value: context.currentQuantity ?? undefined,
			};
		}
		case 'INVALID_QUANTITY_TOO_HIGH':
		case 'INVALID_QUANTITY_TOO_LOW':
		case 'INVALID_QUANTITY_NEGATIVE':
			return { code, message: `${context.what}${where}: Shopify refused the quantity: ${shopifySays} Nothing was changed for this item.` };
		case 'INVALID_INVENTORY_ITEM':
		case 'NON_MUTABLE_INVENTORY_ITEM':
			return {
				code,
				message: `${context.what}: Shopify will not change this item's inventory (${shopifySays}) Bundles and items without tracked inventory cannot be adjusted through the API; turn on "Track quantity" for the variant.`,
			};
		case 'INVALID_LOCATION':
		case 'ITEM_NOT_STOCKED_AT_LOCATION':
			return {
				code,
				message: `${context.what}${where}: Shopify refused the location (${shopifySays}) Make sure the product is stocked at this location (Shopify admin → product → Inventory → Edit locations).`,
			};
		default:
			return { code, message: `${context.what}${where}: Shopify refused this change: ${shopifySays}` };
	}
}
