import { checkQuantityNames } from './quantityNames';

/**
 * The bulk query for a whole catalogue's stock: every inventory item with its first variant and its levels
 * at every location. Bulk queries take no variables, so the quantity names are written in (only names from
 * Shopify's list, checked here, ever reach the text). Each variant and level becomes a JSONL line of its own
 * with `__parentId` = the item.
 */
export function bulkInventoryQuery(names: ReadonlyArray<string>): string {
	const checked = checkQuantityNames(names);
	if (!checked.ok) throw new Error(checked.message);
	const nameList = checked.names.map((name) => `"${name}"`).join(', ');
	return `{
	inventoryItems {
		edges {
			node {
				id
				sku
				tracked
				variants {
					edges {
						node {
							id
						}
					}
				}
				inventoryLevels {
					edges {
						node {
							updatedAt
							location {
								id
							}
							quantities(names: [${nameList}]) {
								name
								quantity
							}
						}
					}
				}
			}
		}
	}
}`;
}
