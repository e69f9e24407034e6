import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { nodeHttpSend } from '../../../../lib/http/nodeHttpSend';
import { PosSimulatorClient } from '../../../../simulator/pos/client';
import { PosSimulator, type PosSimulatorOptions } from '../../../../simulator/pos/posSimulator';

export type Json = Record<string, any>;

export interface LoyverseReply {
	status: number;
	headers: Record<string, string>;
	json: Json;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A Loyverse simulator on a free port with an injected clock the test moves by hand, and its control client. */
export async function startLoyverse(options: PosSimulatorOptions = {}): Promise<{ sim: PosSimulator; clock: { now: number }; api: LoyverseApi; control: PosSimulatorClient }> {
	const clock = { now: Date.parse('2026-12-06T10:00:00.000Z') };
	const sim = new PosSimulator({ now: () => clock.now, ...options });
	await sim.start();
	return { sim, clock, api: new LoyverseApi(sim), control: new PosSimulatorClient(sim.origin) };
}

/** Loyverse's API over HTTP, as a client would call it. */
export class LoyverseApi {
	constructor(private readonly sim: PosSimulator) {}

	private async send(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<LoyverseReply> {
		const text = body === undefined ? undefined : JSON.stringify(body);
		const response = await nodeHttpSend({ method, url: `${this.sim.origin}${path}`, headers: text ? { 'content-type': 'application/json', authorization: 'Bearer token' } : { authorization: 'Bearer token' }, body: text });
		return { status: response.status, headers: response.headers, json: JSON.parse(response.body) as Json };
	}

	post = (path: string, body: unknown) => this.send('POST', path, body);
	get = (path: string) => this.send('GET', path);
	delete = (path: string) => this.send('DELETE', path);

	/** Every page of a GET list, following `cursor` (sent alone, as a client continuing a query does). */
	async allPages(path: string, listKey: string, limit: number): Promise<{ items: Json[]; pages: number }> {
		const items: Json[] = [];
		let next = `${path}${path.includes('?') ? '&' : '?'}limit=${limit}`;
		let pages = 0;
		for (;;) {
			const reply = await this.get(next);
			expect(reply.status).toBe(200);
			items.push(...(reply.json[listKey] as Json[]));
			pages++;
			if (!reply.json.cursor) return { items, pages };
			next = `${path.split('?')[0]}?cursor=${encodeURIComponent(reply.json.cursor as string)}&limit=${limit}`;
		}
	}
}

/** Seeds two items over the control API: a T-shirt in two sizes (10 and 4 in stock) and a mug (no stock). */
export async function seedShop(control: PosSimulatorClient): Promise<{ tee: Json; mug: Json; small: string; large: string; cup: string }> {
	const [tee, mug] = await control.loyverseItems([
		{ name: 'T-shirt', variants: [{ sku: 'TEE-S', price: 20, stock: 10, option1_value: 'S' }, { sku: 'TEE-L', price: 22.5, stock: 4, option1_value: 'L' }] },
		{ name: 'Mug', variants: [{ sku: 'MUG', price: 8, barcode: '4006381333931' }] },
	]);
	return { tee, mug, small: tee.variants[0].variant_id, large: tee.variants[1].variant_id, cup: mug.variants[0].variant_id };
}

interface Received {
	url: string;
	body: string;
	signature: string | undefined;
}

/** A webhook receiver: records each delivery and answers the next queued status (200 when none is queued). */
export async function startReceiver(): Promise<{ url: string; received: Received[]; answers: number[]; close(): Promise<void> }> {
	const received: Received[] = [];
	const answers: number[] = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const signature = request.headers['x-loyverse-signature'];
			received.push({ url: request.url ?? '', body: Buffer.concat(chunks).toString('utf8'), signature: Array.isArray(signature) ? signature[0] : signature });
			response.writeHead(answers.shift() ?? 200).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/loyverse-pos`;
	return { url, received, answers, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export const level = (sim: PosSimulator, variantId: string, storeId = sim.loyverse.stores.main().id) => sim.loyverse.inventory.level(variantId, storeId).in_stock;
