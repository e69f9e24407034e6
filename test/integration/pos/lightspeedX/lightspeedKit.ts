import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PosSimulatorClient } from '../../../../simulator/pos/client';
import { PosSimulator, type PosSimulatorOptions } from '../../../../simulator/pos/posSimulator';

export type Json = Record<string, any>;

export interface LightspeedReply {
	status: number;
	headers: http.IncomingHttpHeaders;
	json: Json;
}

export const USER_AGENT = 'lightspeed-simulator-test/1.0';

/** A Lightspeed X-Series simulator on a free port with an injected clock the test moves by hand. */
export async function startLightspeed(options: PosSimulatorOptions = {}): Promise<{ sim: PosSimulator; clock: { now: number }; api: LightspeedApi; control: PosSimulatorClient }> {
	const clock = { now: Date.parse('2026-12-01T10:00:00Z') };
	const sim = new PosSimulator({ now: () => clock.now, ...options });
	await sim.start();
	return { sim, clock, api: new LightspeedApi(sim.origin), control: new PosSimulatorClient(sim.origin) };
}

/** Lightspeed's API over HTTP, as a client would call it (with a User-Agent unless told otherwise). */
export class LightspeedApi {
	constructor(private readonly origin: string) {}

	send(method: string, path: string, body?: unknown, headers: Record<string, string> = { 'user-agent': USER_AGENT }): Promise<LightspeedReply> {
		return new Promise((resolve, reject) => {
			const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
			const all = text === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) };
			const request = http.request(new URL(path, this.origin), { method, headers: all }, (response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json }));
			});
			request.on('error', reject);
			request.end(text);
		});
	}

	get = (path: string) => this.send('GET', path);
	post = (path: string, body: unknown) => this.send('POST', path, body);
}

/** The simulator's seeded setup, by name. */
export function setup(sim: PosSimulator) {
	const retailer = sim.lightspeed.retailer;
	return {
		outlet: retailer.outlets[0].id,
		register: retailer.named(retailer.registers, 'Main Register').id,
		online: retailer.named(retailer.registers, 'Online Sales (Shopify)').id,
		owner: retailer.named(retailer.users, 'Shop Owner').id,
		sync: retailer.named(retailer.users, 'Shopify Sync').id,
		cash: retailer.named(retailer.paymentTypes, 'Cash').id,
		shopify: retailer.named(retailer.paymentTypes, 'Shopify').id,
		noTax: retailer.named(retailer.taxes, 'No Tax').id,
		gst: retailer.named(retailer.taxes, 'GST').id,
	};
}

export type Setup = ReturnType<typeof setup>;

/** A date-versioned sale body for the online register: lines of [product id, quantity, unit price, unit tax]. */
export function saleBody(ids: Setup, lines: Array<[string, number, string, string?]>, payment: string | null, extra: Json = {}): Json {
	return {
		source: { author_id: ids.sync, register_id: ids.online },
		state: 'closed',
		line_items: lines.map(([id, quantity, price, tax]) => ({ product: { id }, quantity, pricing: { price }, tax: { id: tax ? ids.gst : ids.noTax, amount: tax ?? '0' } })),
		...(payment === null ? {} : { payments: [{ payment_type: { id: ids.shopify }, amount: payment }] }),
		...extra,
	};
}

export interface Received {
	url: string;
	contentType: string;
	form: URLSearchParams;
	payload: Json;
}

/** A webhook receiver: records each delivery and answers the next queued status (200 when none is queued). */
export async function startReceiver(): Promise<{ url: string; received: Received[]; answers: number[]; arrived: (count: number) => Promise<void>; close(): Promise<void> }> {
	const received: Received[] = [];
	const answers: number[] = [];
	const waiting: Array<{ count: number; resolve: () => void }> = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
			received.push({ url: request.url ?? '', contentType: String(request.headers['content-type']), form, payload: JSON.parse(form.get('payload') ?? 'null') as Json });
			response.writeHead(answers.shift() ?? 200).end();
			for (const waiter of waiting.filter((candidate) => received.length >= candidate.count)) waiter.resolve();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/lightspeed?token=s3cret`;
	const arrived = (count: number) => new Promise<void>((resolve) => (received.length >= count ? resolve() : waiting.push({ count, resolve })));
	return { url, received, answers, arrived, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
