import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { adminGraphql } from './helpers/adminApi';

const ORDER_FIELDS = `
	id legacyResourceId name number createdAt updatedAt processedAt cancelledAt closed
	displayFinancialStatus displayFulfillmentStatus currencyCode tags note email sourceName test
	customer { id firstName lastName displayName defaultEmailAddress { emailAddress } }
	shippingAddress { name address1 city provinceCode countryCodeV2 zip }
	subtotalPriceSet { shopMoney { amount currencyCode } }
	totalDiscountsSet { shopMoney { amount } }
	totalTaxSet { shopMoney { amount } }
	totalShippingPriceSet { shopMoney { amount } }
	totalPriceSet { shopMoney { amount } presentmentMoney { amount currencyCode } }
	currentTotalPriceSet { shopMoney { amount } }
	taxLines { title rate ratePercentage priceSet { shopMoney { amount } } }
	discountCodes
	discountApplications(first: 5) { nodes { index ... on DiscountCodeApplication { code } value { ... on PricingPercentageValue { percentage } ... on MoneyV2 { amount } } } }
	shippingLines(first: 5) { nodes { title originalPriceSet { shopMoney { amount } } } }
	transactions(first: 5) { kind status gateway amountSet { shopMoney { amount } } }
	refunds { id totalRefundedSet { shopMoney { amount } } }
	lineItems(first: 10) {
		pageInfo { hasNextPage endCursor }
		nodes {
			id sku title name quantity currentQuantity unfulfilledQuantity
			originalUnitPriceSet { shopMoney { amount } }
			discountedTotalSet { shopMoney { amount } }
			taxLines { rate priceSet { shopMoney { amount } } }
			discountAllocations { allocatedAmountSet { shopMoney { amount } } discountApplication { index } }
			variant { id sku inventoryItem { id sku } }
			product { id title }
		}
	}
	fulfillmentOrders(first: 5) { nodes { id status assignedLocation { name location { id name } } lineItems(first: 10) { nodes { sku remainingQuantity } } } }
`;

describe('Shopify simulator: store queries', () => {
	let sim: RunningShopifySimulator;

	beforeAll(async () => {
		sim = await startShopifySimulator({
			seed: { seed: 7, orders: 60, products: 12, locations: 2, ordersFrom: '2026-10-01T00:00:00Z', ordersTo: '2026-11-01T00:00:00Z' },
			// These tests read the store, not the throttle (costAndThrottle.test.ts does): a bucket no run of them
			// can empty, so how fast the machine sends them back to back cannot make one THROTTLED.
			maximumAvailable: 1_000_000,
		});
	});
	afterAll(async () => {
		await sim.close();
	});

	it('rejects a missing or wrong token with Shopify 401 body', async () => {
		for (const token of [null, 'shpat_wrong']) {
			const response = await fetch(`${sim.url}/admin/api/2026-10/graphql.json`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...(token ? { 'x-shopify-access-token': token } : {}) },
				body: JSON.stringify({ query: '{ shop { name } }' }),
			});
			expect(response.status).toBe(401);
			expect(await response.json()).toEqual({
				errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
			});
		}
	});

	it('answers shop with version and request-id headers; unknown versions fall back to the oldest', async () => {
		const current = await adminGraphql<{ shop: { name: string; myshopifyDomain: string; currencyCode: string } }>(
			sim,
			'query ShopInfo { shop { id name myshopifyDomain currencyCode ianaTimezone url } }',
		);
		expect(current.status).toBe(200);
		expect(current.headers.get('x-shopify-api-version')).toBe('2026-10');
		expect(current.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		expect(current.body.data?.shop.myshopifyDomain).toBe(sim.shopDomain);
		const retired = await adminGraphql(sim, '{ shop { name } }', undefined, { version: '2023-04' });
		expect(retired.headers.get('x-shopify-api-version')).toBe(sim.apiVersions[0]);
	});

	it('reports a field it does not implement by name instead of inventing data', async () => {
		const response = await adminGraphql(sim, '{ shop { name checkoutApiSupported } }');
		expect(response.body.errors?.[0].message).toContain("'Shop.checkoutApiSupported' is not implemented");
		expect(response.body.data).toBeNull();
		const mutation = await adminGraphql(sim, 'mutation { orderUpdate(input: {id: "gid://shopify/Order/1", note: "x"}) { userErrors { message } } }');
		expect(mutation.body.errors?.[0]).toEqual(expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_IMPLEMENTED', field: 'Mutation.orderUpdate' }) }));
		const invalid = await adminGraphql(sim, '{ shop { colour } }');
		expect(invalid.status).toBe(200);
		expect(invalid.body.errors?.[0].message).toContain('Cannot query field "colour" on type "Shop"');
	});

	it('serves rich orders whose money adds up', async () => {
		const response = await adminGraphql<{ orders: { nodes: Array<Record<string, any>> } }>(
			sim,
			`query Rich { orders(first: 3, sortKey: UPDATED_AT) { nodes { ${ORDER_FIELDS} } } }`,
		);
		expect(response.body.errors).toBeUndefined();
		const orders = response.body.data!.orders.nodes;
		expect(orders).toHaveLength(3);
		for (const order of orders) {
			const cents = (bag: { shopMoney: { amount: string } }) => Math.round(Number(bag.shopMoney.amount) * 100);
			expect(cents(order.totalPriceSet)).toBe(
				cents(order.subtotalPriceSet) + cents(order.totalShippingPriceSet) + cents(order.totalTaxSet),
			);
			const lines = order.lineItems.nodes as Array<Record<string, any>>;
			expect(lines.length).toBeGreaterThan(0);
			expect(lines.reduce((sum, l) => sum + cents(l.discountedTotalSet), 0)).toBe(cents(order.subtotalPriceSet));
			for (const line of lines) expect(line.variant.inventoryItem.sku).toBe(line.sku);
			expect(order.fulfillmentOrders.nodes[0].assignedLocation.location.id).toMatch(/^gid:\/\/shopify\/Location\//);
		}
		for (let i = 1; i < orders.length; i++) expect(orders[i].updatedAt >= orders[i - 1].updatedAt).toBe(true);
	});

	it.each(['2026-01', '2026-04', '2026-07', '2026-10'])('serves the same rich order schema-conformant on %s', async (version) => {
		const response = await adminGraphql<{ orders: { nodes: unknown[] } }>(
			sim,
			`query Rich { orders(first: 2, reverse: true) { nodes { ${ORDER_FIELDS} } } locations(first: 5) { nodes { id name address { city } } } }`,
			undefined,
			{ version },
		);
		expect(response.headers.get('x-shopify-api-version')).toBe(version);
		expect(response.body.errors).toBeUndefined();
		expect(response.body.data!.orders.nodes).toHaveLength(2);
	});

	it('keeps refunded orders consistent: a refund for the total, a sale and a refund transaction, nothing left current', async () => {
		const response: any = await adminGraphql(
			sim,
			'{ orders(first: 5, query: "financial_status:refunded") { nodes { totalPriceSet { shopMoney { amount } } totalRefundedSet { shopMoney { amount } } currentSubtotalPriceSet { shopMoney { amount } } refunds { totalRefundedSet { shopMoney { amount } } } transactions { kind amountSet { shopMoney { amount } } } lineItems(first: 10) { nodes { quantity currentQuantity } } } } }',
		);
		const refunded = response.body.data.orders.nodes as any[];
		expect(refunded.length).toBeGreaterThan(0);
		for (const order of refunded) {
			expect(order.totalRefundedSet.shopMoney.amount).toBe(order.totalPriceSet.shopMoney.amount);
			expect(order.refunds[0].totalRefundedSet.shopMoney.amount).toBe(order.totalPriceSet.shopMoney.amount);
			expect(order.transactions.map((t: any) => t.kind)).toEqual(['SALE', 'REFUND']);
			expect(order.currentSubtotalPriceSet.shopMoney.amount).toBe('0.0');
			for (const line of order.lineItems.nodes) expect(line.currentQuantity).toBe(0);
		}
	});

	it('pages through every order forwards and backwards without gaps or repeats', async () => {
		const seen: string[] = [];
		let after: string | null = null;
		for (;;) {
			const page: any = await adminGraphql(
				sim,
				'query Page($after: String) { orders(first: 7, after: $after, sortKey: CREATED_AT) { pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id createdAt } } } }',
				{ after },
			);
			const connection = page.body.data.orders;
			seen.push(...connection.edges.map((e: any) => e.node.id));
			expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
			if (!connection.pageInfo.hasNextPage) break;
			after = connection.pageInfo.endCursor;
		}
		expect(seen).toHaveLength(60);
		expect(new Set(seen).size).toBe(60);
		const backwards: string[] = [];
		let before: string | null = null;
		for (;;) {
			const page: any = await adminGraphql(
				sim,
				'query Back($before: String) { orders(last: 9, before: $before, sortKey: CREATED_AT) { pageInfo { hasPreviousPage startCursor } nodes { id } } }',
				{ before },
			);
			backwards.unshift(...page.body.data.orders.nodes.map((n: any) => n.id));
			if (!page.body.data.orders.pageInfo.hasPreviousPage) break;
			before = page.body.data.orders.pageInfo.startCursor;
		}
		expect(backwards).toEqual(seen);
		const reversed: any = await adminGraphql(sim, '{ orders(first: 60, reverse: true, sortKey: CREATED_AT) { nodes { id } } }');
		expect(reversed.body.data.orders.nodes.map((n: any) => n.id)).toEqual([...seen].reverse());
	});

	it('filters with Shopify search syntax', async () => {
		const all: any = await adminGraphql(
			sim,
			'{ orders(first: 60) { nodes { id name updatedAt createdAt displayFinancialStatus displayFulfillmentStatus tags sourceName lineItems(first: 10) { nodes { sku } } } } }',
		);
		const orders = all.body.data.orders.nodes as any[];
		const query = async (q: string): Promise<string[]> => {
			const response: any = await adminGraphql(sim, 'query Search($q: String) { orders(first: 100, query: $q) { nodes { id } } }', { q });
			return response.body.data.orders.nodes.map((n: any) => n.id);
		};
		const pivot = orders[30].updatedAt;
		expect(await query(`updated_at:>='${pivot}'`)).toEqual(orders.filter((o) => o.updatedAt >= pivot).map((o) => o.id));
		expect(await query(`updated_at:<${pivot}`)).toEqual(orders.filter((o) => o.updatedAt < pivot).map((o) => o.id));
		expect(await query('financial_status:paid')).toEqual(orders.filter((o) => o.displayFinancialStatus === 'PAID').map((o) => o.id));
		expect(await query('financial_status:paid AND fulfillment_status:shipped')).toEqual(
			orders.filter((o) => o.displayFinancialStatus === 'PAID' && o.displayFulfillmentStatus === 'FULFILLED').map((o) => o.id),
		);
		expect(await query('source_name:pos OR financial_status:pending')).toEqual(
			orders.filter((o) => o.sourceName === 'pos' || o.displayFinancialStatus === 'PENDING').map((o) => o.id),
		);
		expect(await query('-source_name:pos')).toEqual(orders.filter((o) => o.sourceName !== 'pos').map((o) => o.id));
		expect(await query('NOT (source_name:pos)')).toEqual(orders.filter((o) => o.sourceName !== 'pos').map((o) => o.id));
		const tagged = orders.find((o) => o.tags.length > 0);
		expect(await query(`tag:'${tagged.tags[0]}'`)).toEqual(orders.filter((o) => o.tags.includes(tagged.tags[0])).map((o) => o.id));
		expect(await query(`tag_not:${tagged.tags[0]}`)).toEqual(orders.filter((o) => !o.tags.includes(tagged.tags[0])).map((o) => o.id));
		expect(await query(`name:${orders[3].name}`)).toEqual([orders[3].id]);
		expect(await query(`name:${orders[3].name.slice(1)}`)).toEqual([orders[3].id]);
		const sku = orders[5].lineItems.nodes[0].sku;
		expect(await query(`sku:"${sku}"`)).toEqual(orders.filter((o) => o.lineItems.nodes.some((l: any) => l.sku === sku)).map((o) => o.id));
		const legacy = orders[10].id.split('/').pop();
		expect(await query(`id:>${legacy}`)).toEqual(orders.filter((o) => Number(o.id.split('/').pop()) > Number(legacy)).map((o) => o.id));
		expect(await query(`created_at:>='2026-10-15' created_at:<'2026-10-20'`)).toEqual(
			orders.filter((o) => o.createdAt >= '2026-10-15' && o.createdAt < '2026-10-20').map((o) => o.id),
		);
	});

	it('pages a date window on the sort key exactly like a full scan would', async () => {
		const all: any = await adminGraphql(sim, '{ orders(first: 60, sortKey: UPDATED_AT) { nodes { id updatedAt displayFinancialStatus } } }');
		const orders = all.body.data.orders.nodes as any[];
		const low = orders[12].updatedAt;
		const high = orders[47].updatedAt;
		for (const [q, keep] of [
			[`updated_at:>'${low}' updated_at:<='${high}' financial_status:paid`, (o: any) => o.updatedAt > low && o.updatedAt <= high && o.displayFinancialStatus === 'PAID'],
			[`updated_at:>=${low.slice(0, 10)} AND updated_at:<${high.slice(0, 10)}`, (o: any) => o.updatedAt >= low.slice(0, 10) && o.updatedAt < high.slice(0, 10)],
		] as const) {
			for (const reverse of [false, true]) {
				const ids: string[] = [];
				let after: string | null = null;
				do {
					const page: any = await adminGraphql(
						sim,
						'query W($q: String, $after: String, $reverse: Boolean) { orders(first: 4, after: $after, reverse: $reverse, sortKey: UPDATED_AT, query: $q) { pageInfo { hasNextPage endCursor } nodes { id } } }',
						{ q, after, reverse },
					);
					ids.push(...page.body.data.orders.nodes.map((n: any) => n.id));
					after = page.body.data.orders.pageInfo.hasNextPage ? page.body.data.orders.pageInfo.endCursor : null;
				} while (after);
				const expected = orders.filter(keep).map((o) => o.id);
				expect(ids).toEqual(reverse ? expected.reverse() : expected);
			}
		}
	});

	it('warns about, and ignores, a search field it does not know, in the shape Shopify reports it', async () => {
		// Shape and wording as recorded from a live store: airhorns/shopify-draft-proxy,
		// fixtures/conformance/harry-test-heelo.myshopify.com/2025-01/customers/customers-count.json
		const response: any = await adminGraphql(sim, '{ orders(first: 3, query: "finacial_status:refunded") { nodes { id } } matching: ordersCount(query: "colour:red") { count } }');
		expect(response.body.data.orders.nodes).toHaveLength(3);
		expect(response.body.extensions.search).toEqual([
			{
				path: ['orders'],
				query: 'finacial_status:refunded',
				parsed: { field: 'finacial_status', match_all: 'refunded' },
				warnings: [{ field: 'finacial_status', message: 'Invalid search field for this query.', code: 'invalid_field' }],
			},
			{
				path: ['matching'],
				query: 'colour:red',
				parsed: { field: 'colour', match_all: 'red' },
				warnings: [{ field: 'colour', message: 'Invalid search field for this query.', code: 'invalid_field' }],
			},
		]);
		const clean: any = await adminGraphql(sim, '{ orders(first: 3, query: "financial_status:paid") { nodes { id } } }');
		expect(clean.body.extensions.search).toBeUndefined();
	});

	it('filters by sales_channel (the Online Store and POS handles) without a warning', async () => {
		const all: any = await adminGraphql(sim, '{ orders(first: 60) { nodes { id sourceName } } }');
		const pos: any = await adminGraphql(sim, '{ orders(first: 60, query: "sales_channel:pos") { nodes { id } } }');
		const web: any = await adminGraphql(sim, '{ orders(first: 60, query: "sales_channel:online_store") { nodes { id } } }');
		const nodes = all.body.data.orders.nodes as Array<{ id: string; sourceName: string }>;
		expect(pos.body.data.orders.nodes.map((n: any) => n.id)).toEqual(nodes.filter((n) => n.sourceName === 'pos').map((n) => n.id));
		expect(web.body.data.orders.nodes.map((n: any) => n.id)).toEqual(nodes.filter((n) => n.sourceName === 'web').map((n) => n.id));
		expect(pos.body.data.orders.nodes.length).toBeGreaterThan(0);
		expect(pos.body.data.orders.nodes.length).toBeLessThan(nodes.length);
		expect(pos.body.extensions.search).toBeUndefined();
	});

	it('counts orders, fetches one by id and many through nodes', async () => {
		const list: any = await adminGraphql(sim, '{ orders(first: 3) { nodes { id name } } }');
		const ids = list.body.data.orders.nodes.map((n: any) => n.id);
		const count: any = await adminGraphql(sim, '{ ordersCount(query: "status:open") { count precision } all: ordersCount { count } }');
		expect(count.body.data.all).toEqual({ count: 60 });
		expect(count.body.data.ordersCount.precision).toBe('EXACT');
		const one: any = await adminGraphql(sim, 'query One($id: ID!) { order(id: $id) { name } }', { id: ids[1] });
		expect(one.body.data.order.name).toBe(list.body.data.orders.nodes[1].name);
		const many: any = await adminGraphql(
			sim,
			'query Many($ids: [ID!]!) { nodes(ids: $ids) { id ... on Order { name } } }',
			{ ids: [...ids, 'gid://shopify/Order/1'] },
		);
		expect(many.body.data.nodes.slice(0, 3).map((n: any) => n.id)).toEqual(ids);
		expect(many.body.data.nodes[3]).toBeNull();
		const lines: any = await adminGraphql(sim, 'query L($id: ID!) { order(id: $id) { lineItems(first: 2) { nodes { id sku } } fulfillmentOrders(first: 1) { nodes { id } } } }', { id: ids[0] });
		const lineId = lines.body.data.order.lineItems.nodes[0].id;
		const fulfillmentOrderId = lines.body.data.order.fulfillmentOrders.nodes[0].id;
		const byNode: any = await adminGraphql(
			sim,
			'query N($ids: [ID!]!) { nodes(ids: $ids) { id ... on LineItem { sku } ... on FulfillmentOrder { orderId } } }',
			{ ids: [lineId, fulfillmentOrderId] },
		);
		expect(byNode.body.data.nodes).toEqual([
			{ id: lineId, sku: lines.body.data.order.lineItems.nodes[0].sku },
			{ id: fulfillmentOrderId, orderId: ids[0] },
		]);
		const missing: any = await adminGraphql(sim, '{ order(id: "gid://shopify/Order/42") { id } }');
		expect(missing.body.data.order).toBeNull();
	});

	it('finds variants and inventory items by SKU and reads levels and quantities', async () => {
		const locations: any = await adminGraphql(sim, '{ locations(first: 10) { nodes { id name isActive address { city countryCode } } } location { id } }');
		const locationId = locations.body.data.locations.nodes[1].id;
		expect(locations.body.data.locations.nodes).toHaveLength(2);
		const [level] = await sim.control.inventory({ locationId });
		const response: any = await adminGraphql(
			sim,
			`query BySku($q: String!, $loc: ID!) {
				productVariants(first: 5, query: $q) { nodes { id sku price displayName inventoryItem { id } } }
				inventoryItems(first: 5, query: $q) { nodes { id sku tracked duplicateSkuCount
					inventoryLevel(locationId: $loc) { id location { id } quantities(names: ["available", "on_hand", "committed"]) { name quantity } } } }
			}`,
			{ q: `sku:'${level.sku}'`, loc: locationId },
		);
		const variants = response.body.data.productVariants.nodes;
		expect(variants).toHaveLength(1);
		const item = response.body.data.inventoryItems.nodes[0];
		expect(item.id).toBe(variants[0].inventoryItem.id);
		const quantities = Object.fromEntries(item.inventoryLevel.quantities.map((q: any) => [q.name, q.quantity]));
		expect(quantities).toEqual({ available: level.quantities.available, on_hand: level.quantities.on_hand, committed: level.quantities.committed });
		const bad: any = await adminGraphql(
			sim,
			'query Bad($loc: ID!, $item: ID!) { inventoryItem(id: $item) { inventoryLevel(locationId: $loc) { quantities(names: ["sold"]) { quantity } } } }',
			{ loc: locationId, item: item.id },
		);
		expect(bad.body.errors?.[0].message).toContain("'sold' is not a valid inventory quantity name");
	});

	it('creates and updates orders through the control API, moving stock to committed', async () => {
		const locationId = (await sim.control.inventory())[0].locationId;
		const [before] = await sim.control.inventory({ locationId });
		const created = await sim.control.createOrder({
			lineItems: [{ sku: before.sku!, quantity: 2 }, { title: 'Gift wrap', quantity: 1, price: '3.50' }],
			email: 'buyer@example.com',
			tags: ['b', 'a'],
			taxRate: 0.1,
			locationId,
		});
		expect(created.name).toBe('#1061');
		expect(created.tags).toEqual(['a', 'b']);
		const [after] = await sim.control.inventory({ sku: before.sku!, locationId });
		expect(after.quantities.available).toBe(before.quantities.available - 2);
		expect(after.quantities.committed).toBe(before.quantities.committed + 2);
		expect(after.quantities.on_hand).toBe(before.quantities.on_hand);

		const updated = await sim.control.updateOrder(created.id, { note: 'leave at door', tags: ['vip'] });
		expect(updated.note).toBe('leave at door');
		const latest: any = await adminGraphql(sim, '{ orders(first: 1, reverse: true, sortKey: UPDATED_AT) { nodes { id note tags } } }');
		expect(latest.body.data.orders.nodes[0]).toEqual({ id: created.id, note: 'leave at door', tags: ['vip'] });
		await expect(sim.control.createOrder({ lineItems: [{ sku: 'NO-SUCH-SKU', quantity: 1 }] })).rejects.toThrow(/NO-SUCH-SKU/);
	});

	it('issues client-credentials tokens (form or JSON) that work until they expire', async () => {
		const form = await fetch(`${sim.url}/admin/oauth/access_token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sim.clientId, client_secret: sim.clientSecret }).toString(),
		});
		const grant = (await form.json()) as { access_token: string; scope: string; expires_in: number };
		expect(form.status).toBe(200);
		expect(grant.expires_in).toBe(86399);
		expect(grant.scope).toContain('read_orders');
		const ok = await adminGraphql(sim, '{ shop { name } }', undefined, { token: grant.access_token });
		expect(ok.status).toBe(200);
		const json = await fetch(`${sim.url}/admin/oauth/access_token`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ grant_type: 'client_credentials', client_id: sim.clientId, client_secret: 'not-the-secret-9f3a' }),
		});
		expect(json.status).toBe(400);
		expect(((await json.json()) as { error: string }).error).toBe('invalid_client');
		expect((await sim.control.expireTokens()).expired).toBeGreaterThanOrEqual(1);
		expect((await adminGraphql(sim, '{ shop { name } }', undefined, { token: grant.access_token })).status).toBe(401);
		expect((await adminGraphql(sim, '{ shop { name } }')).status).toBe(200);
		// neither the request log nor any answer repeats a token or the client secret
		const log = JSON.stringify(await sim.control.requests());
		for (const secret of [sim.accessToken, sim.clientSecret, grant.access_token, 'not-the-secret-9f3a']) expect(log).not.toContain(secret);
	});
});
