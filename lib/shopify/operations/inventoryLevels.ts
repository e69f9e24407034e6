/**
 * Reading stock levels. Each item read comes in two forms: the level at ONE location
 * (`inventoryLevel(locationId:)`, 1 point) or the levels at every location (`inventoryLevels(first:)`,
 * 2 + first × level). Two documents rather than one with @include, because a static cost analysis counts
 * both branches and would halve the page size. Quantity names are a variable: `available`, `on_hand`,
 * `committed`, `incoming`, `reserved`, `damaged`, `safety_stock`, `quality_control` (Shopify's inventory
 * states). Needs read_inventory and read_products.
 */
const LEVEL_AT_LOCATION = /* GraphQL */ `
					inventoryLevel(locationId: $locationId) {
						updatedAt
						quantities(names: $names) {
							name
							quantity
						}
					}
`;

const LEVELS_AT_EVERY_LOCATION = /* GraphQL */ `
					inventoryLevels(first: $levelsFirst) {
						nodes {
							updatedAt
							location {
								id
							}
							quantities(names: $names) {
								name
								quantity
							}
						}
					}
`;

const bySku = (name: string, levelArguments: string, levels: string) => /* GraphQL */ `
	query ${name}($query: String!, $first: Int!, $after: String, ${levelArguments}, $names: [String!]!) {
		productVariants(first: $first, after: $after, query: $query) {
			nodes {
				id
				sku
				inventoryItem {
					id
					tracked
${levels}
				}
			}
			pageInfo {
				hasNextPage
				endCursor
			}
		}
	}
`;

const byId = (name: string, levelArguments: string, levels: string) => /* GraphQL */ `
	query ${name}($ids: [ID!]!, ${levelArguments}, $names: [String!]!) {
		nodes(ids: $ids) {
			__typename
			id
			... on ProductVariant {
				sku
				inventoryItem {
					id
					tracked
${levels}
				}
			}
			... on InventoryItem {
				sku
				tracked
				variants(first: 1) {
					nodes {
						id
					}
				}
${levels}
			}
		}
	}
`;

/** Variants found by `sku:'A' OR sku:'B' …`, each with its inventory item's level at one location. */
export const INVENTORY_LEVELS_BY_SKU = bySku('InventoryLevelsBySku', '$locationId: ID!', LEVEL_AT_LOCATION);

/** The same, with the item's levels at every location. */
export const INVENTORY_LEVELS_BY_SKU_ALL_LOCATIONS = bySku('InventoryLevelsBySkuAllLocations', '$levelsFirst: Int!', LEVELS_AT_EVERY_LOCATION);

/** Variants or inventory items given by ID (≤ 250 per call), with the level at one location. */
export const INVENTORY_LEVELS_BY_ID = byId('InventoryLevelsById', '$locationId: ID!', LEVEL_AT_LOCATION);

/** The same, with the levels at every location. */
export const INVENTORY_LEVELS_BY_ID_ALL_LOCATIONS = byId('InventoryLevelsByIdAllLocations', '$levelsFirst: Int!', LEVELS_AT_EVERY_LOCATION);

/** Every item stocked at one location, page by page (a full read). */
export const INVENTORY_LEVELS_AT_LOCATION = /* GraphQL */ `
	query InventoryLevelsAtLocation($locationId: ID!, $first: Int!, $after: String, $names: [String!]!) {
		location(id: $locationId) {
			id
			name
			inventoryLevels(first: $first, after: $after) {
				nodes {
					updatedAt
					quantities(names: $names) {
						name
						quantity
					}
					item {
						id
						sku
						tracked
						variants(first: 1) {
							nodes {
								id
							}
						}
					}
				}
				pageInfo {
					hasNextPage
					endCursor
				}
			}
		}
	}
`;

/** How big the catalogue is, to choose between paging and a bulk operation for a full read. */
export const PRODUCT_VARIANTS_COUNT = /* GraphQL */ `
	query ProductVariantsCount($limit: Int) {
		productVariantsCount(limit: $limit) {
			count
			precision
		}
	}
`;
