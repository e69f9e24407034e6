import { createHmac } from 'node:crypto';

import { PosSimulator } from '../../simulator/pos/posSimulator';
import { startShopifySimulator, type ControlOrder, type RunningShopifySimulator } from '../../simulator/shopify';
import { N8nInstance } from './harness';
import { nodeOfType, posCredentialImport, readTemplate, shopifyCredentialImport, wireToSimulators, type TemplateExport } from './templates/templateWorkflows';
import { VENDOR_TEMPLATES, type PlacedOrder, type VendorTemplate } from './templates/vendorTemplates';
import { waitFor as waitUntil } from './harness';

// Every POS template in templates/ that records orders through POS HTTP Request (Square's stock loop has its
// own file, squareLoop.test.ts), imported into one real n8n 2.41.1 as a user would (credentials and the
// Shopify location picked, nothing else changed), published side by side against the Shopify store simulator
// and one POS simulator that serves every vendor's paths. Outcomes are read from the simulators.
const POS_TOKEN = 'pos-template-e2e-token-5d2e';
const RETRY_TABLE = 'shopify_pos_retry_queue';

const waitFor = async <T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> => await waitUntil(what, probe, timeoutMs);

const workflowId = (vendor: VendorTemplate) => `tpl${vendor.slug.replace(/\W/g, '')}`;

describe('POS templates inside n8n (published, against the simulators)', () => {
	let n8n: N8nInstance;
	let shop: RunningShopifySimulator;
	let pos: PosSimulator;
	let sku: string;
	let locationId: string;
	const templates = new Map<string, TemplateExport>();
	/** How far the store's clock runs ahead of n8n's (see the dropped-webhook test). */
	let storeClockAheadMs = 0;

	/** Creates a Shopify order: one line of the test SKU (3 × 12.50) and a custom line without a SKU. */
	async function placeOrder(extra: { sourceName?: string; tags?: string[] } = {}): Promise<{ control: ControlOrder; placed: PlacedOrder }> {
		const control = await shop.control.createOrder({
			lineItems: [
				{ sku, quantity: 3, price: '12.50' },
				{ title: 'Gift wrap', quantity: 1, price: '2.00' },
			],
			sourceName: extra.sourceName ?? 'web',
			tags: extra.tags,
			financialStatus: 'PAID',
		});
		const placed: PlacedOrder = {
			legacyId: String(control.id).split('/').pop() ?? '',
			name: control.name,
			currency: 'USD',
			lines: [
				{ sku, title: '', quantity: 3, unitMinor: 1250, unitAmount: '12.50' },
				{ sku: null, title: 'Gift wrap', quantity: 1, unitMinor: 200, unitAmount: '2.00' },
			],
		};
		return { control, placed };
	}

	async function everyVendorHasIt(placed: PlacedOrder, timeoutMs = 30_000): Promise<void> {
		for (const vendor of VENDOR_TEMPLATES) {
			await waitFor(`order ${placed.name} in ${vendor.slug}`, () => (vendor.recordsOf(pos, placed).length > 0 ? true : undefined), timeoutMs);
		}
	}

	async function successfulExecutions(vendor: VendorTemplate): Promise<number> {
		const response = await n8n.rest.publicApi<{ data: unknown[] }>('GET', `/executions?workflowId=${workflowId(vendor)}&status=success&limit=250`);
		return response.body.data.length;
	}

	beforeAll(async () => {
		shop = await startShopifySimulator({ seed: false, clock: () => Date.now() + storeClockAheadMs });
		const seeded = await shop.control.seed({ seed: 11, locations: 2, products: 5, orders: 3, posShare: 0 });
		await shop.control.configureWebhooks({ retryDelaysMs: [200, 200, 200, 200, 200, 200, 200, 200], timeoutMs: 5000 });
		const counts = new Map<string, number>();
		for (const variant of seeded.variants) if (variant.sku) counts.set(variant.sku, (counts.get(variant.sku) ?? 0) + 1);
		const unique = seeded.variants.find((variant) => variant.sku && counts.get(variant.sku) === 1)?.sku;
		if (!unique) throw new Error('the seeded store has no SKU that belongs to one variant');
		sku = unique;
		locationId = seeded.locations[0].id;

		pos = new PosSimulator({ config: { auth: { type: 'bearer', token: POS_TOKEN } } });
		const posOrigin = await pos.start();

		n8n = await N8nInstance.create({ log: (line) => process.stdout.write(`${line}\n`) });
		await n8n.importCredentials([
			shopifyCredentialImport('shopifySim', shop),
			...VENDOR_TEMPLATES.map((vendor) => posCredentialImport(`pos${vendor.slug.replace(/\W/g, '')}`, posOrigin, POS_TOKEN, vendor.extraHeaders, vendor.testPath)),
		]);
		const workflows = VENDOR_TEMPLATES.map((vendor) => {
			const template = readTemplate(vendor.file);
			templates.set(vendor.slug, template);
			return wireToSimulators(template, {
				workflowId: workflowId(vendor),
				shopifyCredentialId: 'shopifySim',
				posCredentialId: `pos${vendor.slug.replace(/\W/g, '')}`,
				shopifyLocationId: locationId,
			});
		});
		await n8n.importWorkflows(workflows);
		await n8n.start();
		// What the templates' "Run once: create the retry table" branch does (n8n execute would start the run at
		// an order trigger, not at that Manual Trigger): the table its Data Table node names, with its columns.
		const createTable = templates.get(VENDOR_TEMPLATES[0].slug)!.nodes.find((node) => node.name === 'Create retry table')!;
		const created = await n8n.rest.publicApi('POST', '/data-tables', {
			name: createTable.parameters.tableName,
			columns: (createTable.parameters.columns as { column: Array<{ name: string; type: string }> }).column,
		});
		if (created.status >= 300) throw new Error(`creating the retry table: HTTP ${created.status} ${JSON.stringify(created.body)}`);
		for (const vendor of VENDOR_TEMPLATES) await n8n.rest.publishWorkflow(workflowId(vendor));
	}, 420_000);

	afterAll(async () => {
		await n8n?.dispose();
		await pos?.stop();
		await shop?.close();
	}, 60_000);

	const orderWebhookPath = (vendor: VendorTemplate) =>
		`/webhook/${nodeOfType(templates.get(vendor.slug)!, 'n8n-nodes-shopify-pos.shopifyOrderTrigger').webhookId}/shopify-orders`;
	const saleWebhookPath = (vendor: VendorTemplate) =>
		`/webhook/${nodeOfType(templates.get(vendor.slug)!, 'n8n-nodes-base.webhook').parameters.path as string}`;

	it('each POS credential passes n8n\'s credential Test with the Test Path templates/README.md gives its vendor', async () => {
		for (const vendor of VENDOR_TEMPLATES) {
			const credential = posCredentialImport(`pos${vendor.slug.replace(/\W/g, '')}`, pos.origin, POS_TOKEN, vendor.extraHeaders, vendor.testPath);
			const result = await n8n.rest.rest<{ status: string; message: string }>('POST', '/credentials/test', { credentials: credential });
			expect({ vendor: vendor.slug, ...result }).toMatchObject({ vendor: vendor.slug, status: 'OK' });
		}
	});

	it('the retry table exists; publishing subscribes each template once to orders/create', async () => {
		const tables = await n8n.rest.publicApi<{ data: Array<{ name: string }> }>('GET', '/data-tables');
		expect(tables.body.data.map((table) => table.name)).toContain(RETRY_TABLE);
		const subscriptions = await shop.control.webhookSubscriptions();
		expect(subscriptions.map((subscription) => subscription.uri).sort()).toEqual(
			VENDOR_TEMPLATES.map((vendor) => `${n8n.baseUrl}${orderWebhookPath(vendor)}`).sort(),
		);
	});

	it('a new Shopify order reaches every vendor\'s POS once, with its lines, quantities, money and key', async () => {
		const { placed } = await placeOrder();
		await everyVendorHasIt(placed);
		await shop.control.settleWebhooks();
		for (const vendor of VENDOR_TEMPLATES) {
			const records = vendor.recordsOf(pos, placed);
			expect({ vendor: vendor.slug, records: records.length }).toEqual({ vendor: vendor.slug, records: 1 });
			expect(vendor.dedupeKeyOf(records[0])).toBe(vendor.expectedDedupeKey(placed));
			expect(vendor.linesOf(records[0])).toEqual(placed.lines.map(({ sku: lineSku, quantity, unitMinor }) => ({ sku: lineSku, quantity, unitMinor })));
		}
	});

	it('orders from the POS (source pos, or tagged pos-sale) are not sent back to it', async () => {
		const before = pos.store.orders.length;
		const runsBefore = await Promise.all(VENDOR_TEMPLATES.map(successfulExecutions));
		const fromPos = await placeOrder({ sourceName: 'pos' });
		const tagged = await placeOrder({ tags: ['pos-sale'] });
		await shop.control.settleWebhooks();
		// The tagged order starts each workflow and stops at the filter; wait for those runs to end before looking.
		for (const [index, vendor] of VENDOR_TEMPLATES.entries()) {
			await waitFor(`the ${vendor.slug} run`, async () => ((await successfulExecutions(vendor)) > runsBefore[index] ? true : undefined));
		}
		for (const vendor of VENDOR_TEMPLATES) {
			expect(vendor.recordsOf(pos, fromPos.placed)).toHaveLength(0);
			expect(vendor.recordsOf(pos, tagged.placed)).toHaveLength(0);
		}
		expect(pos.store.orders.length).toBe(before);
	});

	it('duplicated deliveries create nothing more', async () => {
		await shop.control.webhookChaos({ duplicate: VENDOR_TEMPLATES.length });
		const { placed } = await placeOrder();
		await everyVendorHasIt(placed);
		const { deliveries } = await shop.control.settleWebhooks();
		expect(deliveries.filter((delivery) => delivery.duplicate).length).toBeGreaterThan(0);
		for (const vendor of VENDOR_TEMPLATES) expect(vendor.recordsOf(pos, placed)).toHaveLength(1);
	});

	it('forged deliveries are refused and run nothing in the POS (the first per workflow shows as a failed execution)', async () => {
		const before = pos.store.orders.length;
		const body = JSON.stringify({ id: 990001, admin_graphql_api_id: 'gid://shopify/Order/990001', name: '#FORGED', line_items: [] });
		for (const vendor of VENDOR_TEMPLATES) {
			const statuses = [];
			for (const attempt of [1, 2]) {
				const response = await fetch(`${n8n.baseUrl}${orderWebhookPath(vendor)}`, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						'x-shopify-hmac-sha256': createHmac('sha256', 'not-the-app-secret').update(body).digest('base64'),
						'x-shopify-topic': 'orders/create',
						'x-shopify-shop-domain': shop.shopDomain,
						'x-shopify-webhook-id': `forged-${vendor.slug}-${attempt}`,
						'x-shopify-event-id': `forged-${vendor.slug}-${attempt}`,
					},
					body,
				});
				statuses.push(response.status);
			}
			// It names this store and a subscribed topic: the first refusal is raised (n8n answers 500), then 401.
			expect(statuses).toEqual([500, 401]);
		}
		// A real order sent after them reaching every POS proves the forged ones had their chance to run.
		const { placed } = await placeOrder();
		await everyVendorHasIt(placed);
		await shop.control.settleWebhooks();
		expect(pos.store.orders.length).toBe(before + VENDOR_TEMPLATES.length);
		for (const vendor of VENDOR_TEMPLATES) expect(vendor.recordsOf(pos, placed)).toHaveLength(1);
	});

	it('an order the POS refuses is kept in the retry table with its key and the POS\'s answer', async () => {
		const tables = await n8n.rest.publicApi<{ data: Array<{ id: string; name: string }> }>('GET', '/data-tables');
		const table = tables.body.data.find((candidate) => candidate.name === RETRY_TABLE)!;
		pos.config.auth = { type: 'bearer', token: 'a-token-n8n-does-not-have' };
		let placed: PlacedOrder;
		try {
			placed = (await placeOrder()).placed;
			await shop.control.settleWebhooks();
			const rows = await waitFor('a retry row per template', async () => {
				const response = await n8n.rest.publicApi<{ data: Array<Record<string, unknown>> }>('GET', `/data-tables/${table.id}/rows?limit=250`);
				const mine = response.body.data.filter((row) => row.shopifyOrder === placed.name);
				return mine.length >= VENDOR_TEMPLATES.length ? mine : undefined;
			});
			expect(rows).toHaveLength(VENDOR_TEMPLATES.length);
			const keys = rows.map((row) => row.idempotencyKey).sort();
			// The generic POS carries a key.
			expect(keys).toEqual([`shopify-${placed.legacyId}`]);
			for (const row of rows) {
				expect(String(row.error)).toMatch(/401/);
			}
		} finally {
			pos.config.auth = { type: 'bearer', token: POS_TOKEN };
		}
		for (const vendor of VENDOR_TEMPLATES) expect(vendor.recordsOf(pos, placed)).toHaveLength(0);
	});

	it('a POS sale takes stock in Shopify once per template; replaying it and sales that came from Shopify change nothing', async () => {
		for (const vendor of VENDOR_TEMPLATES) {
			const url = `${n8n.baseUrl}${saleWebhookPath(vendor)}`;
			const sale = { saleId: `${vendor.slug}-S1`, reference: '', lines: [{ lineId: '1', sku, quantity: 2 }] };
			const send = async (payload: unknown) => {
				const runsBefore = await successfulExecutions(vendor);
				const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
				expect(response.status).toBe(200);
				await waitFor(`the ${vendor.slug} sale run`, async () => ((await successfulExecutions(vendor)) > runsBefore ? true : undefined));
			};
			const before = await shop.control.quantity(sku, locationId);
			await send(sale);
			expect(await shop.control.quantity(sku, locationId)).toBe(before - 2);
			await send(sale);
			expect(await shop.control.quantity(sku, locationId)).toBe(before - 2);
			await send({ ...sale, saleId: `${vendor.slug}-S2`, reference: 'shopify-1001' });
			expect(await shop.control.quantity(sku, locationId)).toBe(before - 2);
		}
	});

	it('a dropped webhook is caught by the polling trigger beside it, once', async () => {
		// A poller reports only changes from its first poll on (it watches from then), and that poll comes about
		// a minute after publishing, later on a busy machine. So the store's clock moves 10 minutes ahead: the
		// order is changed after every poller's first poll however late that poll runs, with no wait for it.
		storeClockAheadMs = 10 * 60_000;
		await shop.control.webhookChaos({ drop: VENDOR_TEMPLATES.length });
		const { placed } = await placeOrder();
		const { deliveries } = await shop.control.settleWebhooks();
		expect(deliveries.filter((delivery) => delivery.state === 'dropped').length).toBeGreaterThanOrEqual(VENDOR_TEMPLATES.length);
		// Caught by the first poll after each poller's first one: at the latest about two minutes after publishing.
		await everyVendorHasIt(placed, 200_000);
		for (const vendor of VENDOR_TEMPLATES) expect(vendor.recordsOf(pos, placed)).toHaveLength(1);
	}, 300_000);

	it('every order went to each POS at most once across webhooks and polls', () => {
		for (const vendor of VENDOR_TEMPLATES) {
			const keys = pos.store.orders.filter((record) => record.flavour === vendor.flavour).map((record) => vendor.dedupeKeyOf(record));
			expect(new Set(keys).size).toBe(keys.length);
		}
	});

	it('restarting n8n keeps one subscription per template; unpublishing removes them', async () => {
		await n8n.stop();
		await n8n.start();
		expect(await shop.control.webhookSubscriptions()).toHaveLength(VENDOR_TEMPLATES.length);
		for (const vendor of VENDOR_TEMPLATES) await n8n.rest.unpublishWorkflow(workflowId(vendor));
		expect(await shop.control.webhookSubscriptions()).toHaveLength(0);
	}, 240_000);
});
