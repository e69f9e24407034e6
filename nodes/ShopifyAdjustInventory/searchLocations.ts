import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { LOCATIONS_LIST } from '../../lib/shopify/operations/locations';
import { shopifyClientFor } from '../shared/shopifyClient';

interface LocationsPage {
	locations: { nodes: { id: string; name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** The store's active locations for the Location list; the search box filters by name on this side. */
export async function searchLocations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await shopifyClientFor(this);
	const { data } = await client.request<LocationsPage>(LOCATIONS_LIST, { first: 250, after: paginationToken ?? null, query: null });
	const wanted = filter?.trim().toLowerCase() ?? '';
	const results = data.locations.nodes
		.filter((location) => wanted === '' || location.name.toLowerCase().includes(wanted))
		.map((location) => ({ name: location.name, value: location.id }));
	const { hasNextPage, endCursor } = data.locations.pageInfo;
	return { results, paginationToken: hasNextPage && endCursor ? endCursor : undefined };
}
