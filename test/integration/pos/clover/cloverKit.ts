import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { nodeHttpSend } from '../../../../lib/http/nodeHttpSend';
import { PosSimulatorClient } from '../../../../simulator/pos/client';
import { PosSimulator, type PosSimulatorOptions } from '../../../../simulator/pos/posSimulator';

export type Json = Record<string, any>;

export interface CloverReply {
	status: number;
	headers: Record<string, string>;
	json: Json;
}

/** A Clover simulator on a free port, with an injected clock the test moves by hand and a control client. */
export async function startClover(options: PosSimulatorOptions = {}): Promise<{ sim: PosSimulator; clock: { now: number }; api: CloverApi; control: PosSimulatorClient; merchant: string }> {
	const clock = { now: Date.parse('2026-12-01T10:00:00Z') };
	const sim = new PosSimulator({ now: () => clock.now, ...options });
	await sim.start();
	return { sim, clock, api: new CloverApi(sim), control: new PosSimulatorClient(sim.origin), merchant: sim.clover.merchantId };
}

/** Clover's API over HTTP, as a client would call it. */
export class CloverApi {
	constructor(private readonly sim: PosSimulator) {}

	async send(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<CloverReply> {
		const text = body === undefined ? undefined : JSON.stringify(body);
		const response = await nodeHttpSend({ method, url: `${this.sim.origin}${path}`, headers: { ...(text ? { 'content-type': 'application/json' } : {}), ...headers }, body: text });
		const lower: Record<string, string> = {};
		for (const [name, value] of Object.entries(response.headers ?? {})) lower[name.toLowerCase()] = String(value);
		return { status: response.status, headers: lower, json: JSON.parse(response.body) as Json };
	}

	get = (path: string, headers?: Record<string, string>) => this.send('GET', path, undefined, headers);
	post = (path: string, body: unknown, headers?: Record<string, string>) => this.send('POST', path, body, headers);
}

export interface Received {
	json: Json;
	auth: string | undefined;
}

/** A webhook receiver: records each POST with its X-Clover-Auth and answers the next queued status (200 by default). */
export async function startReceiver(): Promise<{ url: string; received: Received[]; answers: number[]; close(): Promise<void> }> {
	const received: Received[] = [];
	const answers: number[] = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			received.push({ json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json, auth: request.headers['x-clover-auth'] as string | undefined });
			response.writeHead(answers.shift() ?? 200).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/clover-pos`;
	return { url, received, answers, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
