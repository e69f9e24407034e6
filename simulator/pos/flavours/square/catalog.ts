import type { Reply } from '../../routeContext';
import { invalidValue, notFound, squareError } from './errors';
import type { SquareIds } from './ids';
import { cursorOffset, page, queryFingerprint } from './paging';

/** A variation to seed: Square generates the id unless one is given. */
export interface SquareVariationSeed {
	id?: string;
	name?: string;
	sku?: string | null;
	/** Minor units; absent = variable pricing. */
	priceAmount?: number;
	currency?: string;
	/** Square moves stock for sales only of tracked variations (default true). */
	trackInventory?: boolean;
}

export interface SquareItemSeed {
	id?: string;
	name: string;
	variations: SquareVariationSeed[];
}

export interface CatalogVariationRecord {
	id: string;
	itemId: string;
	name: string;
	sku: string | null;
	price: { amount: number; currency: string } | null;
	trackInventory: boolean;
	ordinal: number;
}

interface CatalogItemRecord {
	id: string;
	name: string;
	variationIds: string[];
}

type Json = Record<string, unknown>;

/** Square's SearchCatalogObjects returns 1,000 objects a page by default (staff answer, Square forums). */
const DEFAULT_PAGE = 1000;
/** CatalogQuerySet: "A maximum of 250 values may be searched in a request." */
const MAX_SET_VALUES = 250;
/** With no `object_types`, Square searches top-level types only: ITEM_VARIATION must be asked for. */
const TOP_LEVEL_TYPES = ['ITEM', 'CATEGORY', 'TAX', 'DISCOUNT', 'MODIFIER_LIST'];

interface SearchRequest {
	cursor?: string;
	object_types?: string[];
	include_related_objects?: boolean;
	query?: { exact_query?: { attribute_name: string; attribute_value: string }; set_query?: { attribute_name: string; attribute_values: string[] } } & Json;
	limit?: number;
}

/** Items with variations (SKU, price, inventory tracking), searchable and retrievable as Square's catalog. */
export class SquareCatalog {
	private readonly items = new Map<string, CatalogItemRecord>();
	private readonly variations = new Map<string, CatalogVariationRecord>();
	/** Every object id in creation order: the order search pages through. */
	private readonly sequence: string[] = [];
	private updatedAt: string;

	constructor(
		private readonly ids: SquareIds,
		private readonly timestamp: () => string,
	) {
		this.updatedAt = timestamp();
	}

	seed(items: SquareItemSeed[]): Json[] {
		this.updatedAt = this.timestamp();
		return items.map((seed) => {
			const item: CatalogItemRecord = { id: seed.id ?? this.ids.catalogObject(), name: seed.name, variationIds: [] };
			this.items.set(item.id, item);
			this.sequence.push(item.id);
			for (const [ordinal, variation] of seed.variations.entries()) {
				const record: CatalogVariationRecord = {
					id: variation.id ?? this.ids.catalogObject(),
					itemId: item.id,
					name: variation.name ?? 'Regular',
					sku: variation.sku ?? null,
					price: variation.priceAmount === undefined ? null : { amount: variation.priceAmount, currency: variation.currency ?? 'USD' },
					trackInventory: variation.trackInventory ?? true,
					ordinal: ordinal + 1,
				};
				this.variations.set(record.id, record);
				this.sequence.push(record.id);
				item.variationIds.push(record.id);
			}
			return this.itemObject(item);
		});
	}

	variation(id: string): CatalogVariationRecord | undefined {
		return this.variations.get(id);
	}

	allVariations(): CatalogVariationRecord[] {
		return [...this.variations.values()];
	}

	itemName(variation: CatalogVariationRecord): string {
		return this.items.get(variation.itemId)?.name ?? variation.name;
	}

	reset(): void {
		this.items.clear();
		this.variations.clear();
		this.sequence.length = 0;
	}

	private base(id: string, type: string): Json {
		return { type, id, updated_at: this.updatedAt, version: 1, is_deleted: false, present_at_all_locations: true };
	}

	private variationObject(record: CatalogVariationRecord): Json {
		const data: Json = {
			item_id: record.itemId,
			name: record.name,
			ordinal: record.ordinal,
			pricing_type: record.price ? 'FIXED_PRICING' : 'VARIABLE_PRICING',
			track_inventory: record.trackInventory,
			sellable: true,
			stockable: true,
		};
		if (record.sku !== null) data.sku = record.sku;
		if (record.price) data.price_money = { ...record.price };
		return { ...this.base(record.id, 'ITEM_VARIATION'), item_variation_data: data };
	}

	private itemObject(item: CatalogItemRecord): Json {
		const variations = item.variationIds.map((id) => this.variationObject(this.variations.get(id)!));
		return { ...this.base(item.id, 'ITEM'), item_data: { name: item.name, product_type: 'REGULAR', variations } };
	}

	objectOf(id: string): Json | undefined {
		const item = this.items.get(id);
		if (item) return this.itemObject(item);
		const variation = this.variations.get(id);
		return variation ? this.variationObject(variation) : undefined;
	}

	/** For variations among `objects`, their items: what Square returns as `related_objects`. */
	private relatedTo(objects: Json[]): Json[] {
		const itemIds = new Set(objects.filter((object) => object.type === 'ITEM_VARIATION').map((object) => (object.item_variation_data as Json).item_id as string));
		return [...itemIds].map((id) => this.objectOf(id)).filter((object): object is Json => object !== undefined);
	}

	/** Values of a searchable attribute: `sku` on variations, `name` on items and variations. */
	private attribute(id: string, name: string): string | null {
		const variation = this.variations.get(id);
		if (variation) return name === 'sku' ? variation.sku : name === 'name' ? variation.name : null;
		const item = this.items.get(id);
		return item && name === 'name' ? item.name : null;
	}

	private matches(id: string, query: SearchRequest['query']): boolean {
		if (query?.exact_query) {
			// CatalogQueryExact: "case insensitive and can be partial" ("sma" finds "Small").
			const value = this.attribute(id, query.exact_query.attribute_name);
			if (value === null || !value.toLowerCase().startsWith(query.exact_query.attribute_value.toLowerCase())) return false;
		}
		if (query?.set_query) {
			// CatalogQuerySet: "Matching of the attribute values is exact and case insensitive."
			const value = this.attribute(id, query.set_query.attribute_name);
			const wanted = new Set(query.set_query.attribute_values.map((candidate) => candidate.toLowerCase()));
			if (value === null || !wanted.has(value.toLowerCase())) return false;
		}
		return true;
	}

	search(request: SearchRequest): Reply {
		const unsupported = Object.keys(request.query ?? {}).filter((kind) => kind !== 'exact_query' && kind !== 'set_query');
		if (unsupported.length > 0) return squareError(400, 'INVALID_REQUEST_ERROR', 'BAD_REQUEST', `The simulator answers exact_query and set_query only, not ${unsupported.join(', ')}`, 'query');
		const values = request.query?.set_query?.attribute_values ?? [];
		if (values.length > MAX_SET_VALUES) return invalidValue(`A maximum of ${MAX_SET_VALUES} values may be searched in a request; got ${values.length}.`, 'query.set_query.attribute_values');
		const types = new Set(request.object_types ?? TOP_LEVEL_TYPES);
		const fingerprint = queryFingerprint(request);
		const offset = cursorOffset(request.cursor, fingerprint);
		if (offset === null) return squareError(400, 'INVALID_REQUEST_ERROR', 'INVALID_CURSOR', 'The cursor does not belong to this query.', 'cursor');
		const limit = request.limit !== undefined && request.limit > 0 && request.limit <= DEFAULT_PAGE ? request.limit : DEFAULT_PAGE;
		const matching = this.sequence.filter((id) => types.has(this.objectOf(id)!.type as string) && this.matches(id, request.query));
		const { items, cursor } = page(matching, offset, limit, fingerprint);
		const objects = items.map((id) => this.objectOf(id)!);
		const body: Json = { objects, latest_time: this.updatedAt };
		if (cursor) body.cursor = cursor;
		if (request.include_related_objects) body.related_objects = this.relatedTo(objects);
		return { status: 200, body };
	}

	batchRetrieve(request: { object_ids: string[]; include_related_objects?: boolean }): Reply {
		// Ids Square does not know are left out of `objects`, not an error.
		const objects = request.object_ids.map((id) => this.objectOf(id)).filter((object): object is Json => object !== undefined);
		return { status: 200, body: request.include_related_objects ? { objects, related_objects: this.relatedTo(objects) } : { objects } };
	}

	retrieve(id: string, includeRelated: boolean): Reply {
		const object = this.objectOf(id);
		if (!object) return notFound(`Object with ID \`${id}\` not found.`, 'object_id');
		return { status: 200, body: includeRelated ? { object, related_objects: this.relatedTo([object]) } : { object } };
	}
}
