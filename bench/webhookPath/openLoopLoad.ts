import * as http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadResult {
	sent: number;
	accepted: number;
	/** Status → count for every answer that was not 200, plus `error:<code>` for requests that got none. */
	refused: Record<string, number>;
	/** The keys of the requests answered 200. */
	acceptedKeys: string[];
	/** Response times of the accepted deliveries, milliseconds, sorted. */
	latenciesMs: number[];
	/** Seconds from the first send to the last answer. */
	seconds: number;
	/** How far behind schedule the sender ever was, milliseconds (a busy client, not n8n). */
	maxSendLagMs: number;
}

export interface LoadPlan {
	url: string;
	ratePerSecond: number;
	count: number;
	/** Body, headers and identifying key of the i-th request, built just before it is sent. */
	request: (index: number) => { headers: Record<string, string>; body: Buffer; key: string };
	/** An answer later than this counts as refused (`error:TIMEOUT`). */
	timeoutMs: number;
}

/**
 * Open-loop load: request i leaves at start + i/rate whatever happened to the earlier ones, as Shopify's
 * deliveries do (a slow answer does not slow the sender), so a server that falls behind shows it in its
 * latency instead of quietly lowering the rate.
 */
export async function runOpenLoop(plan: LoadPlan): Promise<LoadResult> {
	const target = new URL(plan.url);
	if (target.hostname !== '127.0.0.1') throw new Error(`the benchmark only sends to 127.0.0.1, not ${target.hostname}`);
	const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
	const latencies: number[] = [];
	const refused: Record<string, number> = {};
	const acceptedKeys: string[] = [];
	let accepted = 0;
	let maxSendLagMs = 0;
	const started = performance.now();
	let lastAnswer = started;

	const sendOne = (index: number) =>
		new Promise<void>((resolve) => {
			const { headers, body, key } = plan.request(index);
			const sentAt = performance.now();
			let settled = false;
			const settle = (outcome: string | number) => {
				if (settled) return;
				settled = true;
				clearTimeout(deadline);
				lastAnswer = performance.now();
				if (outcome === 200) {
					accepted++;
					acceptedKeys.push(key);
					latencies.push(lastAnswer - sentAt);
				} else {
					refused[String(outcome)] = (refused[String(outcome)] ?? 0) + 1;
				}
				resolve();
			};
			const req = http.request(
				{ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { ...headers, 'content-length': String(body.length) } },
				(res) => {
					res.resume();
					res.on('end', () => settle(res.statusCode ?? 0));
					res.on('error', (error: NodeJS.ErrnoException) => settle(`error:${error.code ?? error.message}`));
				},
			);
			// The whole answer (waiting for a socket included) must come within the limit, as Shopify counts it.
			const deadline = setTimeout(() => {
				settle('error:TIMEOUT');
				req.destroy();
			}, plan.timeoutMs);
			req.on('error', (error: NodeJS.ErrnoException) => settle(`error:${error.code ?? error.message}`));
			req.end(body);
		});

	const pending: Array<Promise<void>> = [];
	for (let index = 0; index < plan.count; index++) {
		const due = started + (index * 1000) / plan.ratePerSecond;
		const wait = due - performance.now();
		if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
		maxSendLagMs = Math.max(maxSendLagMs, performance.now() - due);
		pending.push(sendOne(index));
	}
	await Promise.all(pending);
	agent.destroy();
	latencies.sort((a, b) => a - b);
	return { sent: plan.count, accepted, acceptedKeys, refused, latenciesMs: latencies, seconds: (lastAnswer - started) / 1000, maxSendLagMs };
}

/** The q-quantile (0..1) of sorted values, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
