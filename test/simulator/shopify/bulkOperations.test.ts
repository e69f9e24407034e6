import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { adminGraphql } from './helpers/adminApi';

const RUN = `mutation Run($query: String!) { bulkOperationRunQuery(query: $query, groupObjects: false) { bulkOperation { id status } userErrors { field message code } } }`;
const POLL = `query Poll($id: ID!) { bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount fileSize url partialDataUrl createdAt completedAt } }`;

describe('Shopify simulator: bulk operations', () => {
	let sim: RunningShopifySimulator;

	// Polls until the operation ends, as a client would; the test's timeout bounds it, not a count of polls
	// (how far the operation gets between two polls depends on the machine's speed).
	const waitDone = async (id: string) => {
		for (;;) {
			const poll: any = await adminGraphql(sim, POLL, { id });
			const op = poll.body.data.bulkOperation;
			if (op.status !== 'CREATED' && op.status !== 'RUNNING') return op;
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	};

	beforeAll(async () => {
		sim = await startShopifySimulator({ seed: { seed: 5, orders: 620, products: 10 } });
	});
	afterAll(async () => {
		await sim.close();
	});

	it('runs an orders query with nested line items and serves JSONL with children after their parent', async () => {
		const query = `{ orders(query: "financial_status:paid", sortKey: CREATED_AT) { edges { node { id name totalPriceSet { shopMoney { amount } } lineItems { edges { node { id sku quantity } } } } } } }`;
		const started: any = await adminGraphql(sim, RUN, { query });
		expect(started.body.data.bulkOperationRunQuery.userErrors).toEqual([]);
		const op = await waitDone(started.body.data.bulkOperationRunQuery.bulkOperation.id);
		expect(op.status).toBe('COMPLETED');
		const text = await (await fetch(op.url)).text();
		const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line));
		const paid: any = await adminGraphql(sim, '{ ordersCount(query: "financial_status:paid") { count } }');
		const roots = lines.filter((line) => !('__parentId' in line));
		expect(roots).toHaveLength(paid.body.data.ordersCount.count);
		expect(roots.length).toBeGreaterThan(250);
		expect(op.rootObjectCount).toBe(String(roots.length));
		expect(op.objectCount).toBe(String(lines.length));
		expect(op.fileSize).toBe(String(Buffer.byteLength(text)));
		expect(new Set(roots.map((r) => r.id)).size).toBe(roots.length);
		expect(roots[0]).toEqual({ id: expect.stringMatching(/^gid:\/\/shopify\/Order\//), name: expect.any(String), totalPriceSet: { shopMoney: { amount: expect.any(String) } } });
		let currentParent: string | null = null;
		for (const line of lines) {
			if (!('__parentId' in line)) currentParent = line.id;
			else {
				expect(line.__parentId).toBe(currentParent);
				expect(Object.keys(line).sort()).toEqual(['__parentId', 'id', 'quantity', 'sku']);
			}
		}
	});

	it('allows one bulk query at a time, rejects invalid queries and gives no file for no results', async () => {
		// The first query stays RUNNING until released, however long the second request takes to arrive.
		let release = () => {};
		sim.simulator.bulk.completionGate = new Promise<void>((resolve) => (release = resolve));
		try {
			const first: any = await adminGraphql(sim, RUN, { query: '{ orders(query: "name:#1001") { nodes { id } } }' });
			const second: any = await adminGraphql(sim, RUN, { query: '{ orders { nodes { id } } }' });
			expect(second.body.data.bulkOperationRunQuery.userErrors[0].code).toBe('OPERATION_IN_PROGRESS');
			release();
			const done = await waitDone(first.body.data.bulkOperationRunQuery.bulkOperation.id);
			expect(done.rootObjectCount).toBe('1');
		} finally {
			release();
			sim.simulator.bulk.completionGate = undefined;
		}
		const invalid: any = await adminGraphql(sim, RUN, { query: '{ orders { nodes { nope } } }' });
		expect(invalid.body.data.bulkOperationRunQuery.userErrors[0].code).toBe('INVALID');
		const two: any = await adminGraphql(sim, RUN, { query: '{ shop { name } orders { nodes { id } } }' });
		expect(two.body.data.bulkOperationRunQuery.userErrors[0].message).toMatch(/exactly one top-level connection/);
		const none: any = await adminGraphql(sim, RUN, { query: '{ orders(query: "tag:no-such-tag") { nodes { id } } }' });
		const empty = await waitDone(none.body.data.bulkOperationRunQuery.bulkOperation.id);
		expect(empty).toEqual(expect.objectContaining({ status: 'COMPLETED', url: null, objectCount: '0' }));
	});

	it('fails with ACCESS_DENIED when the app lacks the scope for the inner query', async () => {
		const scopes = (await sim.control.config()).scopes;
		await sim.control.configure({ scopes: ['read_products'] });
		try {
			const started: any = await adminGraphql(sim, RUN, { query: '{ orders { nodes { id } } }' });
			const op = await waitDone(started.body.data.bulkOperationRunQuery.bulkOperation.id);
			expect(op).toEqual(expect.objectContaining({ status: 'FAILED', errorCode: 'ACCESS_DENIED', url: null }));
		} finally {
			await sim.control.configure({ scopes });
		}
	});
});
