import type { ShopifyResponse } from '../client';
import type { GraphqlClient } from '../orders/graphqlClient';
import { INVENTORY_LEVELS_AT_LOCATION } from '../operations/inventoryLevels';
import { locationLevelCost, PageSizer } from './levelPageSize';
import { quantitiesOf, type GqlLevel } from './levelRows';
import { recordCall, type InventoryLevelRow, type ReadStats } from './levelTypes';
import type { LocationRecord } from './resolveTargets';
import { allPages, type PageInfo } from '../allPages';

interface LocationPage {
	location: {
		id: string;
		name: string;
		inventoryLevels: {
			nodes: (GqlLevel & { item: { id: string; sku: string | null; tracked: boolean; variants: { nodes: { id: string }[] } | null } })[];
			pageInfo: PageInfo;
		};
	} | null;
}

/**
 * Every tracked item stocked at one location (a full read), page by page to the end, each page sized so its
 * requested cost fits the budget (≈ 160 levels a page with the model's cost, more once Shopify reports less).
 * Items whose stock Shopify does not track are left out: their quantities mean nothing.
 */
export async function readLocationInventory(
	client: GraphqlClient,
	location: LocationRecord,
	names: ReadonlyArray<string>,
	stats: ReadStats,
): Promise<InventoryLevelRow[]> {
	const sizer = new PageSizer({ fixed: 3, perNode: locationLevelCost(names.length) });
	return await allPages(async (after) => {
		const first = sizer.size();
		const response: ShopifyResponse<LocationPage> = await client.request<LocationPage>(
			INVENTORY_LEVELS_AT_LOCATION,
			{ locationId: location.id, first, after, names },
			{ estimatedCost: sizer.estimate(first) },
		);
		recordCall(stats, response);
		sizer.observe(response.extensions?.cost?.requestedQueryCost, first);
		const page: LocationPage['location'] = response.data.location;
		if (!page) throw new Error(`Location ${location.id} ("${location.name}") no longer exists in this store.`);
		const rows = page.inventoryLevels.nodes
			.filter((level) => level.item.tracked)
			.map((level): InventoryLevelRow => ({
				sku: level.item.sku,
				variantId: level.item.variants?.nodes[0]?.id ?? null,
				inventoryItemId: level.item.id,
				locationId: page.id,
				locationName: page.name,
				tracked: true,
				quantities: quantitiesOf(level),
				updatedAt: level.updatedAt ?? null,
			}));
		return { items: rows, pageInfo: page.inventoryLevels.pageInfo };
	});
}
