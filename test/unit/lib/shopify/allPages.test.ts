import { allPages, eachPage, LAST_PAGE, type Page } from '../../../../lib/shopify/allPages';

/** A connection of `total` numbers, `size` a page, cursors "c<index of the last node>". */
function connection(total: number, size: number) {
	const asked: Array<string | null> = [];
	const readPage = async (after: string | null): Promise<Page<number>> => {
		asked.push(after);
		const start = after === null ? 0 : Number(after.slice(1)) + 1;
		const items = Array.from({ length: Math.min(size, total - start) }, (_, index) => start + index);
		const hasNextPage = start + items.length < total;
		return { items, pageInfo: { hasNextPage, endCursor: items.length > 0 ? `c${start + items.length - 1}` : null } };
	};
	return { readPage, asked };
}

describe('allPages / eachPage: the one cursor loop', () => {
	it('reads every page in order, asking each with the cursor of the one before', async () => {
		const { readPage, asked } = connection(7, 3);
		expect(await allPages(readPage)).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(asked).toEqual([null, 'c2', 'c5']);
	});

	it('starts after a cursor when the first page came with another query', async () => {
		const { readPage, asked } = connection(7, 3);
		expect(await allPages(readPage, 'c2')).toEqual([3, 4, 5, 6]);
		expect(asked).toEqual(['c2', 'c5']);
	});

	it('yields page by page, and stops where Shopify says there is more but gives no cursor (never re-reads from the start)', async () => {
		let calls = 0;
		const pages: number[][] = [];
		for await (const page of eachPage(async () => {
			calls++;
			return { items: [calls], pageInfo: calls === 1 ? { hasNextPage: true, endCursor: 'c0' } : { hasNextPage: true, endCursor: null } };
		})) {
			pages.push(page);
		}
		expect(pages).toEqual([[1], [2]]);
		expect(await allPages(async () => ({ items: [], pageInfo: LAST_PAGE }))).toEqual([]);
	});
});
