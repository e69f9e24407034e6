/**
 * `npm run bench queueMode`: a backfill of the seeded orders (Shopify Get Orders → POS HTTP Request) in
 * n8n 2.41.1 queue mode, run by one worker (the whole window in one execution: the single-process run)
 * and then split across two workers (two half windows at once), on the same Shopify bucket. Prints
 * orders/s and what Shopify answered THROTTLED, side by side. Boots PostgreSQL, Redis and five n8n
 * processes (~1 min), so it is never part of `npm test`.
 *
 * BENCH_QUEUE_ORDERS (default 200), BENCH_QUEUE_BUCKET / BENCH_QUEUE_RESTORE (default 2000 / 100, the
 * Standard plan) size the run.
 */
import e2eGlobalSetup from '../test/e2e/globalSetup';
import { removeE2eRunDir } from '../test/e2e/harness';
import { runBackfill, startQueueWorld, tokenFigures } from '../test/e2e/queue/queueScenarios';

function numberFromEnv(name: string, fallback: number): number {
	const value = Number(process.env[name]);
	return Number.isFinite(value) && value > 0 ? value : fallback;
}

export async function run(): Promise<void> {
	const orders = numberFromEnv('BENCH_QUEUE_ORDERS', 200);
	const maximumAvailable = numberFromEnv('BENCH_QUEUE_BUCKET', 2000);
	const restoreRate = numberFromEnv('BENCH_QUEUE_RESTORE', 100);
	await e2eGlobalSetup();
	const world = await startQueueWorld({ backfillOrders: orders, cluster: { log: (line) => console.log(line) } });
	try {
		await world.shop.control.configure({ maximumAvailable, restoreRate });
		const rows = [];
		for (const windows of [1, 2]) {
			await world.shop.control.setAvailablePoints(maximumAvailable);
			const result = await runBackfill(world, windows);
			rows.push(result);
			console.log(
				`${windows === 1 ? 'one worker (single process)' : 'two workers'}: ${result.ordersInWindow} orders in ${result.seconds.toFixed(1)} s = ` +
					`${result.ordersPerSecond.toFixed(1)} orders/s; executions ${JSON.stringify(result.executions)} on ${result.workersUsed.join(', ')}; ` +
					`Shopify queries ${result.shopifyQueries}, THROTTLED answers ${result.throttledAnswers}; ` +
					`${result.posOrders}/${result.ordersInWindow} orders in the POS`,
			);
		}
		const [one, two] = rows;
		console.log(
			`bucket ${maximumAvailable} points, restore ${restoreRate}/s: two workers / one worker throughput = ` +
				`${(two.ordersPerSecond / one.ordersPerSecond).toFixed(2)}x (both read one shared Shopify bucket)`,
		);
		console.log(`token requests over the whole run: ${(await tokenFigures(world)).tokenRequests}`);
	} finally {
		await world.stop();
		removeE2eRunDir();
	}
}
