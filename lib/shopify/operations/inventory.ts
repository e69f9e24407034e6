/**
 * Inventory documents. Both mutations carry `@idempotent(key:)` on the mutation field: the schema shows the
 * directive as optional, but from 2026-04 Shopify rejects these mutations without it at run time.
 */

/**
 * Everything the Adjust Inventory node must know before writing, in as few calls as possible: the inventory
 * items of a chunk of SKUs (`sku:'A' OR sku:'B' …`, 1 point per item, where variants would cost 2), the
 * variants / inventory items given by ID, and, on the first call only, the store's active locations. Parts
 * not needed are skipped with @include. Requested cost ≤ (2 + 250) + 250 × 2 + (2 + 50) = 806.
 */
export const INVENTORY_TARGETS_LOOKUP = /* GraphQL */ `
	query InventoryTargetsLookup(
		$skuQuery: String!
		$withSkus: Boolean!
		$first: Int!
		$after: String
		$ids: [ID!]!
		$withIds: Boolean!
		$withLocations: Boolean!
		$locationsAfter: String
	) {
		inventoryItems(first: $first, after: $after, query: $skuQuery) @include(if: $withSkus) {
			nodes {
				id
				sku
			}
			pageInfo {
				hasNextPage
				endCursor
			}
		}
		nodes(ids: $ids) @include(if: $withIds) {
			__typename
			id
			... on ProductVariant {
				sku
				displayName
				inventoryItem {
					id
				}
			}
			... on InventoryItem {
				sku
			}
		}
		locations(first: 50, after: $locationsAfter, includeInactive: false) @include(if: $withLocations) {
			nodes {
				id
				name
			}
			pageInfo {
				hasNextPage
				endCursor
			}
		}
	}
`;

/** Which variant owns each inventory item: only to name the variants of a SKU that several of them share. */
export const INVENTORY_ITEM_VARIANTS = /* GraphQL */ `
	query InventoryItemVariants($ids: [ID!]!) {
		nodes(ids: $ids) {
			id
			... on InventoryItem {
				variants(first: 1) {
					nodes {
						id
						displayName
					}
				}
			}
		}
	}
`;

const ADJUSTMENT_GROUP_SELECTION = /* GraphQL */ `
			inventoryAdjustmentGroup {
				id
				createdAt
				reason
				referenceDocumentUri
				changes(quantityNames: $quantityNames) {
					name
					delta
					quantityAfterChange
					item {
						id
					}
					location {
						id
					}
				}
			}
			userErrors {
				field
				message
				code
			}
`;

/** Delta changes (≤ 250 per call). Every change carries changeFromQuantity: an Int for compare-and-set, or null. */
export const INVENTORY_ADJUST_QUANTITIES = /* GraphQL */ `
	mutation InventoryAdjustQuantities(
		$input: InventoryAdjustQuantitiesInput!
		$idempotencyKey: String!
		$quantityNames: [String!]
	) {
		inventoryAdjustQuantities(input: $input) @idempotent(key: $idempotencyKey) {
${ADJUSTMENT_GROUP_SELECTION}
		}
	}
`;

/** Absolute quantities (≤ 250 per call, one per item and location). changeFromQuantity as above. */
export const INVENTORY_SET_QUANTITIES = /* GraphQL */ `
	mutation InventorySetQuantities(
		$input: InventorySetQuantitiesInput!
		$idempotencyKey: String!
		$quantityNames: [String!]
	) {
		inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) {
${ADJUSTMENT_GROUP_SELECTION}
		}
	}
`;

/** Current quantities of some items at one location: to tell the user what a stale compare-and-set found. */
export const INVENTORY_QUANTITIES_AT_LOCATION = /* GraphQL */ `
	query InventoryQuantitiesAtLocation($inventoryItemIds: [ID!]!, $locationId: ID!, $quantityNames: [String!]!) {
		nodes(ids: $inventoryItemIds) {
			id
			... on InventoryItem {
				inventoryLevel(locationId: $locationId) {
					quantities(names: $quantityNames) {
						name
						quantity
					}
				}
			}
		}
	}
`;
