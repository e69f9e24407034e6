/** A GraphQL connection's pageInfo, as every paged query of the package asks for it. */
export interface PageInfo {
	hasNextPage: boolean;
	endCursor: string | null;
}

/**
 * Every page of a GraphQL connection, in order: `readPage` asks for the page after `after` (null: the first)
 * and gives back what it keeps of it with the connection's pageInfo. Stops at the last page, or where Shopify
 * says there is more but gives no cursor to ask with.
 */
export async function allPages<T>(readPage: (after: string | null) => Promise<{ items: T[]; pageInfo: PageInfo }>): Promise<T[]> {
	const items: T[] = [];
	let after: string | null = null;
	for (;;) {
		const page = await readPage(after);
		items.push(...page.items);
		if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return items;
		after = page.pageInfo.endCursor;
	}
}
