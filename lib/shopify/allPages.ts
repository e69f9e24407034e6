/** A GraphQL connection's pageInfo, as every paged query of the package asks for it. */
export interface PageInfo {
	hasNextPage: boolean;
	endCursor: string | null;
}

/** What a page reader gives back: what it keeps of the page, and the connection's pageInfo. */
export interface Page<T> {
	items: T[];
	pageInfo: PageInfo;
}

/** The pageInfo of a connection with nothing more to read. */
export const LAST_PAGE: PageInfo = { hasNextPage: false, endCursor: null };

/**
 * The one cursor loop of the package: each page of a GraphQL connection, in order, as it arrives. `readPage`
 * asks for the page after `after` (null: the first) and decides its own size and retries. Starts after
 * `after` when the first page came with another query. Stops at the last page, or where Shopify says there
 * is more but gives no cursor to ask with (asking again from the start would loop).
 */
export async function* eachPage<T>(readPage: (after: string | null) => Promise<Page<T>>, after: string | null = null): AsyncGenerator<T[]> {
	for (;;) {
		const page = await readPage(after);
		yield page.items;
		if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
		after = page.pageInfo.endCursor;
	}
}

/** Every page's items, collected (see eachPage). */
export async function allPages<T>(readPage: (after: string | null) => Promise<Page<T>>, after: string | null = null): Promise<T[]> {
	const items: T[] = [];
	for await (const page of eachPage(readPage, after)) items.push(...page);
	return items;
}
