import { serialization } from 'square';

import { PosSimulator } from '../../simulator/pos/posSimulator';
import { expectExitedCleanly, N8nInstance, nodeOutput } from './harness';
import { genericPosWorkflow, posCredential, SAMPLE_ORDER, squarePosWorkflow } from './workflows/posWorkflows';

// A Manual Trigger workflow with the POS HTTP Request node, run by real n8n's `n8n execute` (as a user's
// "Execute workflow" would), against the POS simulator in this process. Outcomes are read from the simulator.
const TOKEN = 'pos-e2e-secret-token-7f3a';
const SQUARE_VERSION = '2025-10-16';

describe('POS HTTP Request inside n8n (n8n execute)', () => {
	let n8n: N8nInstance;
	let pos: PosSimulator;

	beforeAll(async () => {
		pos = new PosSimulator({
			config: {
				auth: { type: 'bearer', token: TOKEN },
				idempotency: { in: 'header', name: 'Idempotency-Key', onRepeat: 'replay' },
				squareVersion: SQUARE_VERSION,
			},
		});
		const origin = await pos.start();
		n8n = await N8nInstance.create({ log: (line) => process.stdout.write(`${line}\n`) });
		await n8n.importCredentials([
			posCredential('posGeneric', origin, TOKEN),
			posCredential('posSquare', origin, TOKEN, `Square-Version: ${SQUARE_VERSION}`),
		]);
		await n8n.importWorkflows([genericPosWorkflow('e2ePosGeneric', 'posGeneric'), squarePosWorkflow('e2ePosSquare', 'posSquare')]);
	}, 300_000);

	afterAll(async () => {
		await n8n?.dispose();
		await pos?.stop();
	}, 60_000);

	it('creates the order once in a generic REST POS, and a second run changes nothing', async () => {
		const first = await n8n.execute('e2ePosGeneric');
		expectExitedCleanly(first);
		const [created] = nodeOutput(first, 'POS HTTP Request');
		expect(created).toMatchObject({ outcome: 'success', statusCode: 201, idempotencyKey: 'shopify-1001-loc-main' });

		const second = await n8n.execute('e2ePosGeneric');
		expectExitedCleanly(second);
		const [replayed] = nodeOutput(second, 'POS HTTP Request');
		expect(replayed).toMatchObject({ idempotencyKey: 'shopify-1001-loc-main' });
		expect((replayed.body as { id: string }).id).toBe((created.body as { id: string }).id);

		const orders = pos.store.orders.filter((order) => order.flavour === 'generic');
		expect(orders).toHaveLength(1);
		expect(orders[0].idempotencyKey).toBe('shopify-1001-loc-main');
		expect(orders[0].body).toEqual({
			externalId: '#1001',
			locationId: 'loc-main',
			currency: 'USD',
			lines: [
				{ sku: 'TEE-BLK-M', quantity: 2, unitPrice: 1999 },
				{ sku: 'MUG-01', quantity: 1, unitPrice: 850 },
			],
		});
		// The sale took stock at the POS location exactly once.
		expect(pos.store.quantity('loc-main', 'TEE-BLK-M')).toBe(-2);
		const posts = pos.requests.filter((request) => request.method === 'POST' && request.path === '/api/orders');
		expect(posts.map((request) => request.headers['idempotency-key'])).toEqual(['shopify-1001-loc-main', 'shopify-1001-loc-main']);
		expect(posts.every((request) => request.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
		// What n8n printed for the runs never shows the credential's token.
		for (const run of [first, second]) expect(`${run.stdout}${run.stderr}`).not.toContain(TOKEN);
	});

	it('sends Square a CreateOrderRequest that passes Square\'s own schema, once', async () => {
		for (let run = 0; run < 2; run++) {
			const result = await n8n.execute('e2ePosSquare');
			expectExitedCleanly(result);
			expect(nodeOutput(result, 'POS HTTP Request')[0]).toMatchObject({ outcome: 'success', statusCode: 200 });
		}
		const posts = pos.requests.filter((request) => request.method === 'POST' && request.path === '/v2/orders');
		expect(posts).toHaveLength(2);
		for (const request of posts) {
			expect(request.headers['square-version']).toBe(SQUARE_VERSION);
			const body = JSON.parse(request.body) as unknown;
			expect(serialization.CreateOrderRequest.parse(body, { unrecognizedObjectKeys: 'fail' })).toMatchObject({ ok: true });
			expect(body).toMatchObject({ idempotency_key: 'shopify-1001' });
		}
		const orders = pos.store.orders.filter((order) => order.flavour === 'square');
		expect(orders).toHaveLength(1);
		const order = orders[0].body as { reference_id: string; line_items: unknown[]; total_money: unknown };
		expect(order.reference_id).toBe(SAMPLE_ORDER.name);
		expect(order.line_items).toMatchObject([
			{ name: 'T-shirt black M', quantity: '2', base_price_money: { amount: 1999, currency: 'USD' } },
			{ name: 'Mug', quantity: '1', base_price_money: { amount: 850, currency: 'USD' } },
		]);
		expect(order.total_money).toEqual({ amount: 2 * 1999 + 850, currency: 'USD' });
	});
});
