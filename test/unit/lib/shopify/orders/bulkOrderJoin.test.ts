import { parse, validate } from 'graphql';
import { joinBulkOrders } from '../../../../../lib/shopify/orders/bulkOrderJoin';
import { bulkOrdersQuery } from '../../../../../lib/shopify/orders/bulkOrdersQuery';
import { jsonlLines } from '../../../../../lib/shopify/orders/jsonlLines';
import { orderSearchQuery } from '../../../../../lib/shopify/orders/searchQuery';
import { SUPPORTED_API_VERSIONS } from '../../../../../lib/shopify/apiVersions';
import { adminSchema } from '../../../../helpers/adminSchema';

async function* chunks(...parts: Array<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
	for (const part of parts) yield part;
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
	const result: T[] = [];
	for await (const value of source) result.push(value);
	return result;
}

describe('jsonlLines', () => {
	it('splits lines across chunk boundaries, including inside a UTF-8 character', async () => {
		const text = '{"a":"é"}\n{"b":2}\r\n\n{"c":"€"}';
		const bytes = Buffer.from(text, 'utf8');
		// Cut inside the two-byte é and the three-byte €.
		const cut1 = bytes.indexOf(0xc3) + 1;
		const cut2 = bytes.indexOf(0xe2) + 2;
		const lines = await collect(jsonlLines(chunks(bytes.subarray(0, cut1), bytes.subarray(cut1, cut2), bytes.subarray(cut2))));
		expect(lines).toEqual(['{"a":"é"}', '{"b":2}', '{"c":"€"}']);
	});
});

describe('joinBulkOrders', () => {
	const lines = [
		{ id: 'gid://shopify/Order/1', name: '#1001' },
		{ __typename: 'LineItem', id: 'gid://shopify/LineItem/1', __parentId: 'gid://shopify/Order/1' },
		{ __typename: 'LineItem', id: 'gid://shopify/LineItem/2', __parentId: 'gid://shopify/Order/1' },
		{ __typename: 'DiscountCodeApplication', index: 0, code: 'X', __parentId: 'gid://shopify/Order/1' },
		{ __typename: 'ShippingLine', title: 'Post', __parentId: 'gid://shopify/Order/1' },
		{ __typename: 'FulfillmentOrder', id: 'gid://shopify/FulfillmentOrder/1', __parentId: 'gid://shopify/Order/1' },
		{ id: 'gid://shopify/Order/2', name: '#1002' },
	].map((line) => JSON.stringify(line));

	it('joins children to their order in the paged shape', async () => {
		const orders = await collect(joinBulkOrders(chunks(...lines) as AsyncIterable<string>));
		expect(orders).toHaveLength(2);
		expect(orders[0]).toEqual({
			id: 'gid://shopify/Order/1',
			name: '#1001',
			lineItems: { nodes: [{ id: 'gid://shopify/LineItem/1' }, { id: 'gid://shopify/LineItem/2' }] },
			discountApplications: { nodes: [{ __typename: 'DiscountCodeApplication', index: 0, code: 'X' }] },
			shippingLines: { nodes: [{ title: 'Post' }] },
			fulfillmentOrders: { nodes: [{ id: 'gid://shopify/FulfillmentOrder/1' }] },
		});
		expect(orders[1].lineItems.nodes).toEqual([]);
	});

	it('refuses a child of another order instead of attaching it wrongly', async () => {
		const shuffled = [lines[0], lines[6], lines[1]];
		await expect(collect(joinBulkOrders(chunks(...shuffled) as AsyncIterable<string>))).rejects.toThrow('not grouped by order');
	});

	it('says which line is broken', async () => {
		await expect(collect(joinBulkOrders(chunks(lines[0], '{"id": "gid://sho') as AsyncIterable<string>))).rejects.toThrow('Line 2');
	});
});

describe('bulkOrdersQuery', () => {
	it.each(SUPPORTED_API_VERSIONS)('is valid on the %s schema, with an embedded search string', (version) => {
		const search = orderSearchQuery({ createdSince: '2026-01-01', tagsAny: ['a "quoted" tag'], skipPosOrders: true });
		const document = bulkOrdersQuery(search, 'UPDATED_AT', true);
		expect(validate(adminSchema(version), parse(document))).toEqual([]);
		expect(document).toContain('query: "created_at:>=\'2026-01-01T00:00:00Z\' tag:\'a \\"quoted\\" tag\' -source_name:pos"');
	});
});
