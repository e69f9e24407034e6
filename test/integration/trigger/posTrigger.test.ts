import { createHmac } from 'node:crypto';
import { WebhooksHelper } from 'square';
import type { ICredentialDataDecryptedObject, ICredentialTestFunctions, INodeParameters } from 'n8n-workflow';
import { PosTrigger } from '../../../nodes/PosTrigger/PosTrigger.node';
import { posWebhookSecretCheck } from '../../../nodes/PosTrigger/posWebhookCredentialTest';
import { RELOAD_AFTER_REJECTION_INTERVAL_MS } from '../../../lib/shopify/webhooks/verificationKeysCache';
import { readdirSync, readFileSync } from 'node:fs';
import { memoryFolderIn } from '../../../lib/shopify/webhooks/memory/fileMemories';
import { posEventFilePath } from '../../../lib/pos/webhooks/posEventMemory';
import { n8nFolderOf } from '../../../nodes/shared/memoryPlace';
import { post, TriggerWorkflowHarness, withUserFolder } from './triggerWorkflowHarness';

const NODE = 'POS Trigger';
const SIGNATURE_KEY = 'sq-sig-key-4Lm9pQ2x';
const URL_TOKEN = 'Zq8v1LxT0pR4nW2sYk6eQ';
const CLOVER_AUTH = '0307e264-b33a-4913-88aa-37b10014a0b8';
const LOYVERSE_SECRET = 'loyverse-client-secret-9f3';

async function withTrigger<T>(
	parameters: INodeParameters,
	credential: ICredentialDataDecryptedObject | undefined,
	run: (harness: TriggerWorkflowHarness, url: string) => Promise<T>,
): Promise<T> {
	const harness = new TriggerWorkflowHarness([{ name: NODE, type: new PosTrigger(), parameters }], credential ? { posWebhookApi: credential } : {});
	await harness.listen();
	try {
		return await run(harness, harness.webhookUrl(NODE));
	} finally {
		await harness.close();
	}
}

/** A Square `inventory.count.updated` notification as Square documents it (inventory-api/webhooks). */
function squareInventoryEvent(eventId: string, quantity = '19'): Buffer {
	return Buffer.from(
		JSON.stringify({
			merchant_id: 'MLSQ1',
			type: 'inventory.count.updated',
			event_id: eventId,
			created_at: '2026-11-20T10:00:01.123Z',
			data: {
				type: 'inventory_counts',
				id: `counts-${eventId}`,
				object: {
					inventory_counts: [
						{ calculated_at: '2026-11-20T10:00:00.900Z', catalog_object_id: 'VAR-TEE-S', catalog_object_type: 'ITEM_VARIATION', location_id: 'L1MAIN', quantity, state: 'IN_STOCK' },
					],
				},
			},
		}),
	);
}

/** Square's signature header for a body sent to `url`, checked with the square SDK before use. */
async function squareHeaders(body: Buffer, url: string, key = SIGNATURE_KEY): Promise<Record<string, string>> {
	const signature = createHmac('sha256', key).update(url).update(body).digest('base64');
	const sdkAccepts = await WebhooksHelper.verifySignature({ requestBody: body.toString('utf8'), signatureHeader: signature, signatureKey: key, notificationUrl: url });
	if (!sdkAccepts) throw new Error('the test signed differently from Square');
	return { 'x-square-hmacsha256-signature': signature };
}

function allTextOf(harness: TriggerWorkflowHarness): string {
	return JSON.stringify({ executions: harness.executions, warnings: harness.logger.warnings, staticData: harness.storedStaticData });
}

describe('POS Trigger (Square) inside n8n-core', () => {
	it('a signed inventory.count.updated runs once with the normalised event; redeliveries answer 200 and run nothing', async () => {
		await withTrigger({ pos: 'square' }, { secret: SIGNATURE_KEY }, async (harness, url) => {
			const body = squareInventoryEvent('evt-1');
			const headers = await squareHeaders(body, url);
			const first = await post(url, body, headers);
			expect(first).toEqual({ status: 200, body: JSON.stringify({ received: true }) });
			const repeats = await Promise.all(Array.from({ length: 6 }, () => post(url, body, headers)));
			expect(repeats).toEqual(Array(6).fill({ status: 200, body: JSON.stringify({ received: true, duplicate: true }) }));
			await harness.settled();
			expect(harness.executions).toHaveLength(1);
			expect(harness.executions[0].items).toEqual([
				{
					vendor: 'square',
					eventId: 'evt-1',
					eventType: 'inventory.count.updated',
					occurredAt: '2026-11-20T10:00:01.123Z',
					merchantId: 'MLSQ1',
					locationId: 'L1MAIN',
					objectIds: ['VAR-TEE-S'],
					stockLevels: [{ itemId: 'VAR-TEE-S', locationId: 'L1MAIN', state: 'IN_STOCK', quantity: 19, calculatedAt: '2026-11-20T10:00:00.900Z' }],
					body: JSON.parse(body.toString('utf8')),
				},
			]);
		});
	});

	it('lets exactly one of simultaneous first deliveries through', async () => {
		await withTrigger({ pos: 'square' }, { secret: SIGNATURE_KEY }, async (harness, url) => {
			const body = squareInventoryEvent('evt-race');
			const headers = await squareHeaders(body, url);
			await Promise.all(Array.from({ length: 10 }, () => post(url, body, headers)));
			await harness.settled();
			expect(harness.executions).toHaveLength(1);
		});
	});

	it('forged deliveries answer 401 and run nothing; the genuine one still runs afterwards', async () => {
		await withTrigger({ pos: 'square' }, { secret: SIGNATURE_KEY }, async (harness, url) => {
			const body = squareInventoryEvent('evt-forged');
			const good = await squareHeaders(body, url);
			const forgeries: Array<[string, Buffer, Record<string, string>]> = [
				['wrong key', body, await squareHeaders(body, url, 'another-signature-key')],
				['signed for another URL', body, await squareHeaders(body, 'http://10.0.0.7:5678/webhook/x/pos')],
				['body changed after signing', squareInventoryEvent('evt-forged', '999'), good],
				['no signature', body, {}],
				['body signature without the URL', body, { 'x-square-hmacsha256-signature': createHmac('sha256', SIGNATURE_KEY).update(body).digest('base64') }],
			];
			for (const [, forgedBody, headers] of forgeries) expect((await post(url, forgedBody, headers)).status).toBe(401);
			await harness.settled();
			expect(harness.executions).toHaveLength(0);
			expect((await post(url, body, good)).status).toBe(200);
			await harness.settled();
			expect(harness.executions).toHaveLength(1);
			expect(harness.logger.warnings.filter((line) => line.includes('refused a delivery'))).toHaveLength(forgeries.length);
			expect(allTextOf(harness)).not.toContain(SIGNATURE_KEY);
			expect(allTextOf(harness)).not.toContain(good['x-square-hmacsha256-signature']);
		});
	});

	it('checks against the Notification URL registered in Square when it differs from n8n\'s own', async () => {
		const registered = 'https://pos-hooks.example.com/webhook/square';
		await withTrigger({ pos: 'square', notificationUrl: registered }, { secret: SIGNATURE_KEY }, async (harness, url) => {
			const body = squareInventoryEvent('evt-proxy');
			expect((await post(url, body, await squareHeaders(body, url))).status).toBe(401);
			expect((await post(url, body, await squareHeaders(body, registered))).status).toBe(200);
			await harness.settled();
			expect(harness.executions).toHaveLength(1);
		});
	});

	/** An event accepted, then its repeat after a restart, then one first answered 400: two executions. */
	async function remembersAcrossRestart(harness: TriggerWorkflowHarness, url: string): Promise<void> {
		const body = squareInventoryEvent('evt-restart');
		const headers = await squareHeaders(body, url);
		expect((await post(url, body, headers)).status).toBe(200);
		await harness.settled();
		harness.restart();
		expect(await post(url, body, headers)).toEqual({ status: 200, body: JSON.stringify({ received: true, duplicate: true }) });
		const unreadable = Buffer.from('{"event_id":"evt-400",');
		expect((await post(url, unreadable, await squareHeaders(unreadable, url))).status).toBe(400);
		const readable = squareInventoryEvent('evt-400');
		expect((await post(url, readable, await squareHeaders(readable, url))).status).toBe(200);
		await harness.settled();
		expect(harness.executions.map((execution) => execution.items[0].eventId)).toEqual(['evt-restart', 'evt-400']);
	}

	it("remembers accepted events across a restart in a file in n8n's folder, not in static data; forgets nothing a 400 answered", async () => {
		await withTrigger({ pos: 'square' }, { secret: SIGNATURE_KEY }, async (harness, url) => {
			await remembersAcrossRestart(harness, url);
			expect(JSON.stringify(harness.storedStaticData)).not.toContain('posEvents');
			const folder = memoryFolderIn(n8nFolderOf(process.env));
			const file = posEventFilePath(folder, { workflowId: harness.id, nodeName: NODE, channel: 'live' });
			// One line per accepted event (the one answered 400 is not among them); no file name says whose it is.
			expect(readFileSync(file, 'latin1').split('\n').filter(Boolean)).toEqual([expect.stringMatching(/^e/), expect.stringMatching(/^e/)]);
			expect(readdirSync(folder).join(' ')).not.toMatch(new RegExp(`${harness.id}|POS`));
		});
	});

	it("keeps the memory in the node's static data when n8n's folder cannot be written, and says so in the log", async () => {
		await withUserFolder('/dev/null', async () => {
			await withTrigger({ pos: 'square' }, { secret: SIGNATURE_KEY }, async (harness, url) => {
				await remembersAcrossRestart(harness, url);
				expect(JSON.stringify(harness.storedStaticData)).toContain('posEvents:live');
				expect(harness.logger.warnings.join('\n')).toMatch(/static data, which costs time on every delivery: \/dev\/null\/\.n8n\/\S+ cannot be written/);
			});
		});
	});

	it('takes a rotated signature key at the first delivery signed with it; a flood of forgeries reads the credential at most once a second', async () => {
		await withTrigger({ pos: 'square' }, { secret: SIGNATURE_KEY }, async (harness, url) => {
			const first = squareInventoryEvent('evt-before-rotation');
			expect((await post(url, first, await squareHeaders(first, url))).status).toBe(200);
			const loadsBefore = harness.credentialLoads;
			const started = Date.now();
			for (let i = 0; i < 25; i++) {
				const forged = squareInventoryEvent(`evt-flood-${i}`);
				expect((await post(url, forged, await squareHeaders(forged, url, 'a-guessed-key'))).status).toBe(401);
			}
			// One reload per second of the flood at most (whatever the machine's speed), plus the one at its start.
			expect(harness.credentialLoads - loadsBefore).toBeLessThanOrEqual(2 + Math.ceil((Date.now() - started) / 1000));

			harness.editCredential('posWebhookApi', { secret: 'sq-rotated-key-8Xw' });
			const afterRotation = squareInventoryEvent('evt-after-rotation');
			// Rejections reload the credential at most once per RELOAD_AFTER_REJECTION_INTERVAL_MS.
			await new Promise((resolve) => setTimeout(resolve, RELOAD_AFTER_REJECTION_INTERVAL_MS));
			expect((await post(url, afterRotation, await squareHeaders(afterRotation, url, 'sq-rotated-key-8Xw'))).status).toBe(200);
			const old = squareInventoryEvent('evt-old-key');
			expect((await post(url, old, await squareHeaders(old, url))).status).toBe(401);
			await harness.settled();
			expect(harness.executions.map((execution) => execution.items[0].eventId)).toEqual(['evt-before-rotation', 'evt-after-rotation']);
		});
	});

	it('refuses to publish without a signature key, saying where to find it', async () => {
		await withTrigger({ pos: 'square' }, { secret: '' }, async (harness) => {
			await expect(harness.publish()).rejects.toThrow(/Signature Key is missing.*Developer Console/);
		});
	});
});

describe('POS Trigger (Loyverse)', () => {
	const body = Buffer.from(
		'{"merchant_id":"b1c2d3e4","type":"inventory_levels.update","created_at":"2026-11-20T10:00:00.000Z","inventory_levels":[{"variant_id":"0a1b2c3d-var-1","store_id":"5e6f-store-1","in_stock":7,"updated_at":"2026-11-20T09:59:58.000Z"}]}',
	);

	it('accepts the signature in hex and in base64 (one execution: the same event), refuses another secret', async () => {
		await withTrigger({ pos: 'loyverse' }, { secret: LOYVERSE_SECRET }, async (harness, url) => {
			// openssl dgst -sha1 -hmac loyverse-client-secret-9f3 (hex, then -binary | base64)
			expect((await post(url, body, { 'x-loyverse-signature': 'e64efdba4a4207d114629d72316c6cf61ebf04c0' })).status).toBe(200);
			expect(await post(url, body, { 'x-loyverse-signature': '5k79ukpCB9EUYp1yMWxs9h6/BMA=' })).toEqual({ status: 200, body: JSON.stringify({ received: true, duplicate: true }) });
			const forged = createHmac('sha1', 'another-secret').update(body).digest('hex');
			expect((await post(url, body, { 'x-loyverse-signature': forged })).status).toBe(401);
			await harness.settled();
			expect(harness.executions).toHaveLength(1);
			expect(harness.executions[0].items[0]).toMatchObject({
				vendor: 'loyverse',
				stockLevels: [{ itemId: '0a1b2c3d-var-1', locationId: '5e6f-store-1', state: 'in_stock', quantity: 7 }],
			});
		});
	});

	it('access-token webhooks: unsigned, so the URL token decides', async () => {
		await withTrigger({ pos: 'loyverse', loyverseAuthentication: 'urlToken' }, { urlToken: URL_TOKEN }, async (harness, url) => {
			expect((await post(url, body, {})).status).toBe(401);
			expect((await post(`${url}?token=${URL_TOKEN.slice(0, -1)}`, body, {})).status).toBe(401);
			expect((await post(`${url}?token=${URL_TOKEN}`, body, {})).status).toBe(200);
			await harness.settled();
			expect(harness.executions).toHaveLength(1);
			expect(allTextOf(harness)).not.toContain(URL_TOKEN);
		});
	});
});

describe('POS Trigger (Clover)', () => {
	const verification = Buffer.from('{"verificationCode":"ce7643c1-83ea-4218-abe6-da876c9c7a0a"}');
	const message = Buffer.from(JSON.stringify({ appId: 'APP1', merchants: { MERCH1234567A: [{ objectId: 'I:ITEM1', type: 'UPDATE', ts: 1795000000000 }] } }));

	it('before the auth code exists: publishes, answers the verification POST and shows the code as an item', async () => {
		await withTrigger({ pos: 'clover' }, { secret: '' }, async (harness, url) => {
			await harness.publish();
			expect(await post(url, verification, {})).toEqual({ status: 200, body: JSON.stringify({ received: true }) });
			// The same code again (Clover's "Resend", or a retry), this time with some X-Clover-Auth: one item.
			expect((await post(url, verification, { 'x-clover-auth': 'anything' })).body).toContain('duplicate');
			expect((await post(url, message, { 'x-clover-auth': CLOVER_AUTH })).status).toBe(401);
			await harness.settled();
			expect(harness.executions).toHaveLength(1);
			expect(harness.executions[0].items[0]).toMatchObject({
				vendor: 'clover',
				eventType: 'verification',
				verificationCode: 'ce7643c1-83ea-4218-abe6-da876c9c7a0a',
				nextStep: expect.stringContaining('Clover Auth Code'),
			});
		});
	});

	it('with the auth code: deliveries need X-Clover-Auth; a verification POST starts nothing', async () => {
		await withTrigger({ pos: 'clover' }, { secret: CLOVER_AUTH }, async (harness, url) => {
			expect((await post(url, verification, {})).status).toBe(200);
			expect((await post(url, message, { 'x-clover-auth': 'not-the-code' })).status).toBe(401);
			expect((await post(url, message, {})).status).toBe(401);
			expect((await post(url, message, { 'x-clover-auth': CLOVER_AUTH })).status).toBe(200);
			expect(await post(url, message, { 'x-clover-auth': CLOVER_AUTH })).toEqual({ status: 200, body: JSON.stringify({ received: true, duplicate: true }) });
			await harness.settled();
			expect(harness.executions).toHaveLength(1);
			expect(harness.executions[0].items[0]).toMatchObject({ vendor: 'clover', eventType: 'I:UPDATE', merchantId: 'MERCH1234567A', objectIds: ['I:ITEM1'] });
			expect(allTextOf(harness)).not.toContain(CLOVER_AUTH);
		});
	});
});

describe('POS Trigger (Lightspeed X)', () => {
	const payload = JSON.stringify({ id: 'inv-1', product_id: 'prod-1', outlet_id: 'out-1', count: 4 });
	const form = Buffer.from(new URLSearchParams({ type: 'inventory.update', payload }).toString());
	const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

	it('needs the URL token (query or header), parses the form-encoded payload, drops a repeat', async () => {
		await withTrigger({ pos: 'lightspeedX' }, { urlToken: URL_TOKEN }, async (harness, url) => {
			expect((await post(url, form, formHeaders)).status).toBe(401);
			expect((await post(`${url}?token=${URL_TOKEN}`, form, formHeaders)).status).toBe(200);
			expect((await post(url, form, { ...formHeaders, 'x-webhook-token': URL_TOKEN })).body).toBe(JSON.stringify({ received: true, duplicate: true }));
			await harness.settled();
			expect(harness.executions).toHaveLength(1);
			expect(harness.executions[0].items[0]).toMatchObject({
				vendor: 'lightspeedX',
				eventType: 'inventory.update',
				locationId: 'out-1',
				objectIds: ['inv-1'],
				body: { type: 'inventory.update', payload: JSON.parse(payload) },
			});
			expect(allTextOf(harness)).not.toContain(URL_TOKEN);
		});
	});

	it('refuses to publish with a token too short to be a secret', async () => {
		await withTrigger({ pos: 'lightspeedX' }, { urlToken: 'abc123' }, async (harness) => {
			const error = await harness.publish().then(() => undefined, (thrown: Error) => thrown);
			expect(error?.message).toMatch(/at least 16 characters.*it has 6/);
			expect(error?.message).not.toContain('abc123');
		});
	});
});

describe('POS Trigger (Generic HMAC and None)', () => {
	const body = Buffer.from('{"id":"evt_1001","type":"sale.completed","lines":[{"sku":"TEE-S","quantity":2}]}');

	it('Generic HMAC: header, prefix, algorithm as configured; the event id from the configured field', async () => {
		const parameters = { pos: 'genericHmac', signatureHeader: 'X-Pos-Signature', algorithm: 'sha256', encoding: 'hex', signaturePrefix: 'sha256=', eventIdPath: 'id' };
		await withTrigger(parameters, { secret: 'in-house-pos-key' }, async (harness, url) => {
			// openssl dgst -sha256 -hmac in-house-pos-key
			const signature = 'sha256=64fb31f49bcb9a47575fbf7aef73cba1048aeb8e8b500aa6112fb46657ec3630';
			expect((await post(url, body, { 'x-pos-signature': signature.slice(7) })).status).toBe(401);
			expect((await post(url, body, { 'x-pos-signature': signature })).status).toBe(200);
			expect((await post(url, body, { 'x-pos-signature': signature })).body).toContain('duplicate');
			await harness.settled();
			expect(harness.executions[0].items[0]).toMatchObject({ vendor: 'generic', eventId: 'evt_1001', eventType: 'sale.completed' });
			expect(harness.executions).toHaveLength(1);
		});
	});

	it('Generic HMAC over URL + body: the Signed URL as entered, SHA-512, base64', async () => {
		const signedUrl = 'https://n8n.example.com/webhook/abc/pos';
		const parameters = { pos: 'genericHmac', signatureHeader: 'X-Signature', algorithm: 'sha512', encoding: 'base64', signedContent: 'urlAndBody', notificationUrl: signedUrl };
		await withTrigger(parameters, { secret: 'in-house-pos-key' }, async (harness, url) => {
			// printf '%s%s' URL BODY | openssl dgst -sha512 -hmac in-house-pos-key -binary | base64
			const signature = 'N+lYI7YirY0aLxMhbrXIS59uSq5UE9JAAKAy5Btd59l7OVd4T3LJF+lmyHRrNx+vBuS0pPjLsWKhXUob0KGE/w==';
			expect((await post(url, body, { 'x-signature': signature })).status).toBe(200);
			await harness.settled();
			expect(harness.executions).toHaveLength(1);
			harness.setParameters(NODE, { ...parameters, notificationUrl: '' });
			const other = Buffer.from('{"id":"evt_1002"}');
			const signedForN8n = createHmac('sha512', 'in-house-pos-key').update(url).update(other).digest('base64');
			expect((await post(url, other, { 'x-signature': signedForN8n })).status).toBe(200);
			expect((await post(url, body, { 'x-signature': signature })).status).toBe(401);
		});
	});

	it('None: refused (401, and publishing fails) unless unauthenticated deliveries are accepted', async () => {
		await withTrigger({ pos: 'none' }, undefined, async (harness, url) => {
			await expect(harness.publish()).rejects.toThrow(/Accept Unauthenticated Deliveries/);
			expect((await post(url, body, {})).status).toBe(401);
			await harness.settled();
			expect(harness.executions).toHaveLength(0);
			harness.setParameters(NODE, { pos: 'none', acceptUnauthenticated: true });
			await harness.publish();
			expect((await post(url, body, {})).status).toBe(200);
			await harness.settled();
			expect(harness.executions).toHaveLength(1);
		});
	});
});

describe('POS Webhook Secret credential test', () => {
	const check = async (data: ICredentialDataDecryptedObject) =>
		await posWebhookSecretCheck.call({} as ICredentialTestFunctions, { id: 'c1', name: 'POS webhook secret', type: 'posWebhookApi', data });

	it('passes a filled-in secret or a long token; names the problem otherwise, without echoing the value', async () => {
		expect(await check({ secret: SIGNATURE_KEY })).toMatchObject({ status: 'OK' });
		expect(await check({ urlToken: URL_TOKEN })).toMatchObject({ status: 'OK' });
		expect(await check({})).toMatchObject({ status: 'Error', message: expect.stringContaining('Enter the Secret') });
		const short = await check({ urlToken: 'abc123' });
		expect(short).toMatchObject({ status: 'Error', message: expect.stringContaining('at least 16 characters') });
		expect(short.message).not.toContain('abc123');
	});
});
