import { parse, type OperationDefinitionNode } from 'graphql';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { operationFragments, requestedQueryCost } from '../../../simulator/shopify/graphql/queryCost';
import { adminSchema } from '../../../simulator/shopify/schemas';
import { adminGraphql } from './helpers/adminApi';

function costOf(document: string, variables: Record<string, unknown> = {}): number {
	const parsed = parse(document);
	return requestedQueryCost({
		schema: adminSchema('2026-10'),
		operation: parsed.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode,
		fragments: operationFragments(parsed),
		variables,
	});
}

describe('Shopify simulator: query cost', () => {
	it.each([
		['scalar fields only on an object', '{ shop { name email } }', 1],
		['connection of 250 nodes with an id', '{ productVariants(first: 250) { nodes { id } } }', 252],
		['the same through edges', '{ productVariants(first: 250) { edges { cursor node { id } } pageInfo { hasNextPage } } }', 252],
		['page size from a variable', 'query Q($n: Int) { orders(first: $n) { nodes { id } } }', 52],
		['nested connection multiplies', '{ orders(first: 10) { nodes { id lineItems(first: 5) { nodes { sku } } } } }', 2 + 10 * (1 + 2 + 5)],
		['object inside a node', '{ orders(first: 10) { nodes { totalPriceSet { shopMoney { amount } } } } }', 2 + 10 * 3],
		['a mutation', 'mutation { inventoryAdjustQuantities(input: {name: "available", reason: "correction", changes: []}) { userErrors { code } } }', 10],
		['alternative fragments take the larger', '{ nodes(ids: ["a", "b"]) { ... on Order { customer { id } } ... on Location { id } } }', 2 * (1 + 1)],
		['too expensive', '{ orders(first: 250) { nodes { lineItems(first: 10) { nodes { id } } } } }', 2 + 250 * 13],
	])('%s: %s costs %d', (_label, document, expected) => {
		expect(costOf(document, { n: 50 })).toBe(expected);
	});
});

describe('Shopify simulator: throttle, faults, scopes', () => {
	let sim: RunningShopifySimulator;
	let now = Date.parse('2026-11-20T12:00:00Z');
	const clock = () => now;

	beforeAll(async () => {
		sim = await startShopifySimulator({ clock, seed: { orders: 30, products: 5 }, maximumAvailable: 1000, restoreRate: 50 });
	});
	afterAll(async () => {
		await sim.close();
	});
	beforeEach(async () => {
		await sim.control.clearFaults();
		await sim.control.setAvailablePoints(1000);
	});

	it('charges the requested cost, refunds down to the actual cost and reports extensions.cost every time', async () => {
		const response = await adminGraphql(sim, '{ orders(first: 100) { nodes { id } } }');
		const cost = response.body.extensions!.cost!;
		expect(cost.requestedQueryCost).toBe(102);
		expect(cost.actualQueryCost).toBe(32);
		expect(cost.throttleStatus).toEqual({ maximumAvailable: 1000, currentlyAvailable: 1000 - 32, restoreRate: 50 });
		const mutation = await adminGraphql(
			sim,
			'mutation { inventoryAdjustQuantities(input: {name: "available", reason: "correction", changes: []}) @idempotent(key: "c1") { userErrors { code } } }',
		);
		expect(mutation.body.extensions!.cost!.actualQueryCost).toBe(10);
	});

	it('refuses a document above 1000 points with Shopify message, and answers THROTTLED when the bucket is short', async () => {
		const tooBig = await adminGraphql(sim, '{ orders(first: 250) { nodes { lineItems(first: 10) { nodes { id } } } } }');
		expect(tooBig.body.errors![0].extensions!.code).toBe('MAX_COST_EXCEEDED');
		expect(tooBig.body.errors![0].message).toMatch(/^Query cost is 3252, which exceeds the single query max cost limit \(1000\)/);
		await sim.control.setAvailablePoints(40);
		const throttled = await adminGraphql(sim, '{ orders(first: 50) { nodes { id } } }');
		expect(throttled.status).toBe(200);
		expect(throttled.body.errors![0]).toEqual(expect.objectContaining({ message: 'Throttled', extensions: expect.objectContaining({ code: 'THROTTLED' }) }));
		expect(throttled.body.extensions!.cost!.throttleStatus.currentlyAvailable).toBe(40);
		now += 1000; // restores 50 points a second
		const after = await adminGraphql(sim, '{ orders(first: 50) { nodes { id } } }');
		expect(after.body.errors).toBeUndefined();
		expect(after.body.extensions!.cost!.throttleStatus.currentlyAvailable).toBe(90 - 32);
	});

	it('plays scheduled faults once each, in order', async () => {
		await sim.control.injectFaults([
			{ kind: 'http429', retryAfterSeconds: 3 },
			{ kind: 'http503' },
			{ kind: 'http500' },
			{ kind: 'throttled' },
			{ kind: 'unauthorized' },
		]);
		const statuses: Array<[number, string | null]> = [];
		for (let i = 0; i < 6; i++) {
			const response = await adminGraphql(sim, '{ shop { name } }');
			statuses.push([response.status, response.headers.get('retry-after') ?? (response.body.errors?.[0]?.extensions?.code as string) ?? null]);
		}
		expect(statuses).toEqual([[429, '3'], [503, null], [500, null], [200, 'THROTTLED'], [401, null], [200, null]]);
		const log = await sim.control.requests();
		expect(log.slice(-6).map((e) => e.outcome)).toEqual(['http429', 'http503', 'http500', 'THROTTLED', 'unauthorized', 'ok']);
	});

	it('drops the connection, or commits a mutation and then drops it', async () => {
		await sim.control.injectFaults({ kind: 'drop' });
		await expect(adminGraphql(sim, '{ shop { name } }')).rejects.toThrow();
		const [level] = await sim.control.inventory();
		await sim.control.injectFaults({ kind: 'commitThenDrop', operationName: 'Adjust' });
		const adjust = `mutation Adjust($id: ID!, $loc: ID!) { inventoryAdjustQuantities(input: {name: "available", reason: "correction", changes: [{inventoryItemId: $id, locationId: $loc, delta: 3, changeFromQuantity: null}]}) @idempotent(key: "drop-1") { userErrors { code } } }`;
		await expect(adminGraphql(sim, adjust, { id: level.inventoryItemId, loc: level.locationId })).rejects.toThrow();
		expect((await sim.control.inventory({ inventoryItemId: level.inventoryItemId, locationId: level.locationId }))[0].quantities.available).toBe(
			level.quantities.available + 3,
		);
		// the retry with the same key is answered from the first attempt and does not apply twice
		const retry = await adminGraphql(sim, adjust, { id: level.inventoryItemId, loc: level.locationId });
		expect(retry.body.errors).toBeUndefined();
		expect((await sim.control.inventory({ inventoryItemId: level.inventoryItemId, locationId: level.locationId }))[0].quantities.available).toBe(
			level.quantities.available + 3,
		);
	});

	it('delays an answer on a latency fault', async () => {
		await sim.control.injectFaults({ kind: 'latency', latencyMs: 150 });
		const started = process.hrtime.bigint();
		const response = await adminGraphql(sim, '{ shop { name } }');
		expect(response.status).toBe(200);
		expect(Number(process.hrtime.bigint() - started) / 1e6).toBeGreaterThanOrEqual(140);
	});

	it('denies fields outside the granted scopes with ACCESS_DENIED naming the scope', async () => {
		await sim.control.configure({ scopes: ['read_products'] });
		try {
			const response = await adminGraphql(sim, '{ shop { name } orders(first: 1) { nodes { id } } }');
			expect(response.status).toBe(200);
			const error = response.body.errors![0];
			expect(error.message).toBe('Access denied for orders field. Required access: `read_orders` access scope.');
			expect(error.extensions).toEqual(expect.objectContaining({ code: 'ACCESS_DENIED', requiredAccess: '`read_orders` access scope.' }));
		} finally {
			await sim.control.configure({ scopes: ['read_orders', 'read_products', 'read_inventory', 'write_inventory', 'read_locations', 'read_customers'] });
		}
	});

	it('hides orders older than 60 days without read_all_orders and lists the granted scopes', async () => {
		const [level] = await sim.control.inventory();
		const old = await sim.control.createOrder({ lineItems: [{ sku: level.sku!, quantity: 1 }], createdAt: '2026-08-01T10:00:00Z', tags: ['archived'] });
		const probe = 'query Probe($id: ID!) { order(id: $id) { id } nodes(ids: [$id]) { id } orders(first: 5, query: "tag:archived") { nodes { id } } ordersCount(query: "tag:archived") { count } currentAppInstallation { accessScopes { handle } } }';
		const granted = (await sim.control.config()).scopes;
		await sim.control.configure({ scopes: granted.filter((scope) => scope !== 'read_all_orders') });
		try {
			const hidden: any = await adminGraphql(sim, probe, { id: old.id });
			expect(hidden.body.data).toEqual(
				expect.objectContaining({ order: null, nodes: [null], orders: { nodes: [] }, ordersCount: { count: 0 } }),
			);
			expect(hidden.body.data.currentAppInstallation.accessScopes.map((s: any) => s.handle)).not.toContain('read_all_orders');
		} finally {
			await sim.control.configure({ scopes: [...granted, 'read_all_orders'] });
		}
		const visible: any = await adminGraphql(sim, probe, { id: old.id });
		expect(visible.body.data.order).toEqual({ id: old.id });
		expect(visible.body.data.ordersCount).toEqual({ count: 1 });
	});

	it('plays app_not_installed and shop_not_permitted on the token endpoint and honours the token lifetime', async () => {
		const exchange = () =>
			fetch(`${sim.url}/admin/oauth/access_token`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: `grant_type=client_credentials&client_id=${sim.clientId}&client_secret=${sim.clientSecret}`,
			});
		for (const failure of ['app_not_installed', 'shop_not_permitted'] as const) {
			await sim.control.configure({ oauthFailure: failure });
			const response = await exchange();
			expect(response.status).toBe(400);
			expect(((await response.json()) as { error: string }).error).toBe(failure);
		}
		await sim.control.configure({ oauthFailure: null, tokenLifetimeSeconds: 60 });
		const grant = (await (await exchange()).json()) as { access_token: string; expires_in: number };
		expect(grant.expires_in).toBe(60);
		expect((await adminGraphql(sim, '{ shop { name } }', undefined, { token: grant.access_token })).status).toBe(200);
		now += 61_000;
		expect((await adminGraphql(sim, '{ shop { name } }', undefined, { token: grant.access_token })).status).toBe(401);
	});
});
