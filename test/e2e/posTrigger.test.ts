import { createHmac } from 'node:crypto';
import { WebhooksHelper } from 'square';

import { N8nInstance } from './harness';
import { executionsOf, waitForExecutionsToSettle, type ExecutionSummary } from './queue/executions';
import { POS_TRIGGER_WEBHOOK_ID, posWebhookCredential, squarePosTriggerWorkflow } from './workflows/posWorkflows';
import { waitFor as waitUntil } from './harness';

// The POS Trigger inside a real n8n 2.41.1: a published workflow receives Square's signed
// `inventory.count.updated` notifications at n8n's production URL (the URL Square signs).
const SIGNATURE_KEY = 'e2e-square-signature-key-Qw7';
const WORKFLOW_ID = 'e2ePosTriggerSquare';

function inventoryEvent(eventId: string, quantity: string): Buffer {
	return Buffer.from(
		JSON.stringify({
			merchant_id: 'MLE2E',
			type: 'inventory.count.updated',
			event_id: eventId,
			created_at: '2026-11-20T10:00:01.123Z',
			data: {
				type: 'inventory_counts',
				id: `counts-${eventId}`,
				object: {
					inventory_counts: [
						{ calculated_at: '2026-11-20T10:00:00.900Z', catalog_object_id: 'VAR-TEE-S', catalog_object_type: 'ITEM_VARIATION', location_id: 'L1MAIN', quantity, state: 'IN_STOCK' },
						{ calculated_at: '2026-11-20T10:00:00.900Z', catalog_object_id: 'VAR-TEE-S', catalog_object_type: 'ITEM_VARIATION', location_id: 'L1MAIN', quantity: '2', state: 'SOLD' },
					],
				},
			},
		}),
	);
}

const waitFor = async <T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 60_000): Promise<T> => await waitUntil(what, probe, timeoutMs);

describe('POS Trigger inside n8n (Square preset, published)', () => {
	let n8n: N8nInstance;
	let url: string;

	async function deliver(body: Buffer, signature: string): Promise<{ status: number; text: string }> {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-square-hmacsha256-signature': signature },
			body: new Uint8Array(body),
		});
		return { status: response.status, text: await response.text() };
	}

	/** Signed as Square signs: the notification URL as registered, then the body; checked with Square's SDK. */
	async function squareSignature(body: Buffer, key = SIGNATURE_KEY): Promise<string> {
		const signature = createHmac('sha256', key).update(url).update(body).digest('base64');
		const valid = await WebhooksHelper.verifySignature({ requestBody: body.toString('utf8'), signatureHeader: signature, signatureKey: key, notificationUrl: url });
		if (key === SIGNATURE_KEY && !valid) throw new Error('the test signed differently from Square');
		return signature;
	}

	async function executionCount(atLeast: number): Promise<ExecutionSummary[]> {
		return await waitFor(`${atLeast} execution(s)`, async () => {
			const executions = await executionsOf(n8n.rest, WORKFLOW_ID);
			return executions.length >= atLeast ? executions : undefined;
		});
	}

	beforeAll(async () => {
		n8n = await N8nInstance.create({ log: (line) => process.stdout.write(`${line}\n`) });
		await n8n.importCredentials([posWebhookCredential('posWebhookSquare', SIGNATURE_KEY)]);
		await n8n.importWorkflows([squarePosTriggerWorkflow(WORKFLOW_ID, 'posWebhookSquare')]);
		await n8n.start();
		await n8n.rest.publishWorkflow(WORKFLOW_ID);
		// n8n's production URL (WEBHOOK_URL + webhook/<id>/pos): what the user registers in Square.
		url = `${n8n.baseUrl}/webhook/${POS_TRIGGER_WEBHOOK_ID}/pos`;
	}, 300_000);

	afterAll(async () => {
		await n8n?.dispose();
	}, 60_000);

	it('a signed inventory.count.updated delivered twice answers 200 both times and runs once', async () => {
		const body = inventoryEvent('e2e-event-1', '17');
		const signature = await squareSignature(body);
		expect(await deliver(body, signature)).toEqual({ status: 200, text: JSON.stringify({ received: true }) });
		await executionCount(1);
		expect(await deliver(body, signature)).toEqual({ status: 200, text: JSON.stringify({ received: true, duplicate: true }) });
		const settled = await waitForExecutionsToSettle(n8n.rest, WORKFLOW_ID);
		expect(settled).toHaveLength(1);
		expect(settled[0].status).toBe('success');

		const execution = await n8n.rest.publicApi<Record<string, unknown>>('GET', `/executions/${settled[0].id}?includeData=true`);
		const text = JSON.stringify(execution.body);
		expect(text).toContain('"eventId":"e2e-event-1"');
		expect(text).toContain('"stockLevels"');
		expect(text).toContain('"quantity":17');
		expect(text).not.toContain(SIGNATURE_KEY);
	});

	it('a forged delivery gets 401 and runs nothing (the next genuine event is the only new execution)', async () => {
		const forgedBody = inventoryEvent('e2e-forged', '999');
		expect((await deliver(forgedBody, await squareSignature(forgedBody, 'not-the-signature-key'))).status).toBe(401);
		const genuineBody = inventoryEvent('e2e-event-2', '16');
		const genuineSignature = await squareSignature(genuineBody);
		// The forged body with the genuine event's signature: a changed body.
		expect((await deliver(forgedBody, genuineSignature)).status).toBe(401);
		expect((await deliver(genuineBody, genuineSignature)).status).toBe(200);
		await executionCount(2);
		const settled = await waitForExecutionsToSettle(n8n.rest, WORKFLOW_ID);
		expect(settled).toHaveLength(2);
		expect(n8n.logTail(100_000)).not.toContain(SIGNATURE_KEY);
	});

	it('remembers accepted events across a restart: Square redelivering one afterwards runs nothing', async () => {
		// Only what n8n saved in its database survives: the trigger's in-process memory is gone.
		await n8n.stop();
		await n8n.start();
		const body = inventoryEvent('e2e-event-1', '17');
		expect(await deliver(body, await squareSignature(body))).toEqual({ status: 200, text: JSON.stringify({ received: true, duplicate: true }) });
		const next = inventoryEvent('e2e-event-3', '15');
		expect((await deliver(next, await squareSignature(next))).status).toBe(200);
		await executionCount(3);
		expect(await waitForExecutionsToSettle(n8n.rest, WORKFLOW_ID)).toHaveLength(3);
	}, 180_000);
});
