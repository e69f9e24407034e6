/**
 * 200 orders pushed to a flaky POS: 1 in 20 creates commits and loses its answer (commit-then-drop), 1 in 25
 * answers 429 with Retry-After 0, and an outage of 50 dropped connections hits mid-burst (counted in
 * requests, so both contenders meet the same outage however busy the machine is). Measured: the
 * POS HTTP Request policy (idempotency key derived from the order, retries within a budget, Failed output
 * re-sent once) against a naive HTTP push that retries any error three times without a key (what a generic
 * HTTP node with "Retry On Fail" does). Figures: orders in the POS per order pushed (1.00 is right), orders
 * lost, orders doubled, requests sent.
 */
import { nodeHttpSend } from '../lib/http/nodeHttpSend';
import { NetworkError, type HttpSend } from '../lib/http/types';
import { buildPosRequest } from '../lib/pos/buildRequest';
import { NO_DUPLICATES } from '../lib/pos/classifyResponse';
import { deriveIdempotencyKey, placeIdempotencyKey } from '../lib/pos/idempotencyKey';
import { systemClock } from '../lib/pos/rateLimiter';
import { DEFAULT_RETRY_POLICY } from '../lib/pos/retryPolicy';
import { sendPosRequest } from '../lib/pos/sendPosRequest';
import { PosSimulator } from '../simulator/pos/posSimulator';

const ORDERS = 200;
const CONCURRENCY = 10;

interface Figures {
	inPos: number;
	lost: number;
	doubled: number;
	requests: number;
	ms: number;
}

async function flakyPos(): Promise<PosSimulator> {
	const sim = new PosSimulator({ config: { idempotency: { in: 'header', name: 'Idempotency-Key', onRepeat: 'replay' } } });
	await sim.start();
	for (let i = 0; i < ORDERS; i++) {
		if (i % 20 === 7) sim.faults.add({ kind: 'commitThenDrop', method: 'POST' });
		if (i % 25 === 3) sim.faults.add({ kind: 'http429', retryAfterSeconds: 0 });
	}
	sim.faults.addOutage({ startsAfterRequests: 60, requests: 50, kind: 'drop' });
	return sim;
}

function orderBody(index: number) {
	return { externalId: `shopify-${9000 + index}`, locationId: 'L1', lines: [{ sku: `SKU-${index % 9}`, quantity: 1 }] };
}

async function inParallel(count: number, worker: (index: number) => Promise<void>): Promise<void> {
	let next = 0;
	await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
		while (next < count) await worker(next++);
	}));
}

function figuresOf(sim: PosSimulator, started: number): Figures {
	const perOrder = new Map<string, number>();
	for (const order of sim.store.orders) perOrder.set(order.externalRef ?? '', (perOrder.get(order.externalRef ?? '') ?? 0) + 1);
	return {
		inPos: sim.store.orders.length,
		lost: ORDERS - perOrder.size,
		doubled: [...perOrder.values()].filter((count) => count > 1).length,
		requests: sim.requests.length,
		ms: Date.now() - started,
	};
}

async function withPolicy(): Promise<Figures> {
	const sim = await flakyPos();
	const started = Date.now();
	const credentials = { baseUrl: sim.origin, authType: 'none' as const };
	const policy = { ...DEFAULT_RETRY_POLICY, initialDelayMs: 5, maxDelayMs: 100, maxTotalWaitMs: 200 };
	const push = async (indexes: number[]): Promise<number[]> => {
		const failed: number[] = [];
		await inParallel(indexes.length, async (position) => {
			const index = indexes[position];
			const body = orderBody(index);
			const key = deriveIdempotencyKey({ orderId: `gid://shopify/Order/${9000 + index}` }, { method: 'POST', path: '/api/orders' });
			const placed = placeIdempotencyKey({ in: 'header', name: 'Idempotency-Key' }, key, {}, body);
			const request = buildPosRequest(credentials, { method: 'POST', path: '/api/orders', headers: placed.headers, body: placed.body });
			const result = await sendPosRequest({ request, safeToRepeat: true, duplicate: NO_DUPLICATES }, { send: nodeHttpSend, clock: systemClock, random: Math.random, policy });
			if (result.outcome === 'failed') failed.push(index);
		});
		return failed;
	};
	const failed = await push(Array.from({ length: ORDERS }, (_, index) => index));
	// The Failed output, re-sent once the POS is back.
	if (sim.faults.outageNow() !== null) throw new Error('The outage outlasted the first push; the re-send would measure the outage, not the policy.');
	const stillFailed = await push(failed);
	const figures = figuresOf(sim, started);
	console.log(`  policy: ${failed.length} items on the Failed output, ${stillFailed.length} still failed after one re-send`);
	await sim.stop();
	return figures;
}

async function naive(): Promise<Figures> {
	const sim = await flakyPos();
	const started = Date.now();
	const send: HttpSend = nodeHttpSend;
	await inParallel(ORDERS, async (index) => {
		for (let attempt = 1; attempt <= 3; attempt++) {
			try {
				const response = await send({ method: 'POST', url: `${sim.origin}/api/orders`, headers: { 'content-type': 'application/json' }, body: JSON.stringify(orderBody(index)) });
				if (response.status < 300) return;
			} catch (error) {
				if (!(error instanceof NetworkError)) throw error;
			}
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	});
	const figures = figuresOf(sim, started);
	await sim.stop();
	return figures;
}

export async function run(): Promise<void> {
	const ours = await withPolicy();
	const baseline = await naive();
	const line = (name: string, figures: Figures) =>
		`  ${name.padEnd(8)} orders in POS ${figures.inPos}/${ORDERS} (${(figures.inPos / ORDERS).toFixed(2)}×), lost ${figures.lost}, doubled ${figures.doubled}, requests ${figures.requests}, ${figures.ms} ms`;
	console.log(line('policy', ours));
	console.log(line('naive', baseline));
	console.log(`  requests per order: policy ${(ours.requests / ORDERS).toFixed(2)}, naive ${(baseline.requests / ORDERS).toFixed(2)}`);
}
