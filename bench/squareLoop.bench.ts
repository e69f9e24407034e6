/**
 * `npm run bench squareLoop`: the Square template in a real n8n 2.41.1 (test/e2e/templates/squareWorld.ts), one
 * change at a time, so each latency is that change's alone:
 * - Shopify order → Square's stock moved, and register sale → Shopify's stock moved, each with the webhooks
 *   (Shopify Order Trigger; Square's signed `inventory.count.updated` into the POS Trigger), then by the polls
 *   alone with every webhook dropped (Shopify Order Polling Trigger, every minute; the template's 5-minute
 *   schedule set to 1 minute here, so the poll figures scale with the interval you choose). The poll is the
 *   baseline: ratio = webhook latency / poll latency.
 * - Square API calls per Shopify order once the SKU map is warm (target ≤ 1), against a per-line relay (one
 *   catalog search and one stock write per line, what a hand-built HTTP workflow does).
 * BENCH_SQUARE_SAMPLES (default 20) webhook samples per direction, BENCH_SQUARE_POLL_SAMPLES (default 3) per
 * direction by the polls.
 */
import e2eGlobalSetup from '../test/e2e/globalSetup';
import { removeE2eRunDir } from '../test/e2e/harness';
import { executionsOf, failuresOf } from '../test/e2e/queue/executions';
import { SQUARE_WORKFLOW_ID, SquareWorld } from '../test/e2e/templates/squareWorld';
import { quantile } from './webhookPath/openLoopLoad';

const SAMPLES = Math.max(1, Number(process.env.BENCH_SQUARE_SAMPLES ?? 20));
const POLL_SAMPLES = Math.max(1, Number(process.env.BENCH_SQUARE_POLL_SAMPLES ?? 3));
const TARGET_CALLS_PER_ORDER = 1;
/** Square's Orders and Inventory calls the Shopify → Square path makes (reads of the other path excluded). */
const SHOPIFY_TO_SQUARE_PATHS = new Set(['/v2/catalog/search', '/v2/inventory/changes/batch-create']);

interface Latencies {
	samples: number[];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function summary(label: string, latencies: Latencies, baseline?: Latencies): string {
	const sorted = [...latencies.samples].sort((a, b) => a - b);
	const p50 = quantile(sorted, 0.5);
	const p99 = quantile(sorted, 0.99);
	let line = `${label.padEnd(44)} n=${String(sorted.length).padStart(2)}  p50 ${seconds(p50).padStart(8)}  p99 ${seconds(p99).padStart(8)}`;
	if (baseline) {
		const base = quantile([...baseline.samples].sort((a, b) => a - b), 0.5);
		line += `  p50 ratio to the poll alone ${(p50 / base).toFixed(3)}`;
	}
	return line;
}

async function until(what: string, probe: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await probe())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

export async function run(): Promise<void> {
	await e2eGlobalSetup();
	const world = await SquareWorld.create({
		log: () => undefined,
		editWorkflow: (workflow) => {
			const schedule = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger')!;
			schedule.parameters.rule = { interval: [{ field: 'minutes', minutesInterval: 1 }] };
		},
	});
	try {
		// Square delivers every webhook once, on time: the webhook figures are the path's own.
		await world.square.squareWebhookKnobs({ dropShare: 0, duplicateShare: 0, forgeShare: 0, autoDeliver: true });
		const expected = new Map(world.start);
		let turn = 0;
		const nextSku = () => world.skus[turn++ % world.skus.length];

		/** One Shopify order of one line; ms until Square's stock for it moved. */
		const shopifyOrder = async (timeoutMs: number): Promise<number> => {
			const sku = nextSku();
			expected.set(sku, expected.get(sku)! - 1);
			const started = Date.now();
			await world.shop.control.createOrder({ lineItems: [{ sku, quantity: 1 }], sourceName: 'web', financialStatus: 'PAID' });
			await until(`Square's stock of ${sku}`, () => world.squareStock().get(sku) === expected.get(sku), timeoutMs);
			return Date.now() - started;
		};
		/** One register sale of one unit; ms until Shopify's stock for it moved. */
		const registerSale = async (timeoutMs: number): Promise<number> => {
			const sku = nextSku();
			expected.set(sku, expected.get(sku)! - 1);
			const started = Date.now();
			await world.square.squareActivity('sale', { location_id: world.squareLocationId, lines: [{ sku, quantity: 1 }] });
			await until(`Shopify's stock of ${sku}`, async () => (await world.shop.control.quantity(sku, world.shopifyLocationId)) === expected.get(sku), timeoutMs);
			return Date.now() - started;
		};
		/** Lets the other path's runs (Square's webhooks for our own writes) finish before the next sample. */
		const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

		// Warm-up: the SKU map fills (one catalog search), n8n's first executions load the nodes.
		for (let index = 0; index < world.skus.length; index++) await shopifyOrder(60_000);
		const requestsBefore = world.pos.requests.length;
		const viaWebhook = { samples: [] as number[] };
		for (let index = 0; index < SAMPLES; index++) {
			viaWebhook.samples.push(await shopifyOrder(60_000));
			await settle();
		}
		const squareCalls = world.pos.requests.slice(requestsBefore).filter((request) => SHOPIFY_TO_SQUARE_PATHS.has(request.path)).length;
		const saleViaWebhook = { samples: [] as number[] };
		for (let index = 0; index < SAMPLES; index++) {
			saleViaWebhook.samples.push(await registerSale(90_000));
			await settle();
		}

		// The polls alone: every webhook dropped from here on.
		await world.shop.control.webhookChaos({ drop: 1_000_000 });
		await world.square.squareWebhookKnobs({ dropShare: 1 });
		const viaPoll = { samples: [] as number[] };
		for (let index = 0; index < POLL_SAMPLES; index++) viaPoll.samples.push(await shopifyOrder(180_000));
		const saleViaPoll = { samples: [] as number[] };
		for (let index = 0; index < POLL_SAMPLES; index++) saleViaPoll.samples.push(await registerSale(180_000));

		const shopifyStock = await world.shopifyStock();
		const drift = world.skus.filter((sku) => shopifyStock.get(sku) !== expected.get(sku) || world.squareStock().get(sku) !== expected.get(sku));
		console.log(summary('Shopify order → Square stock, webhook', viaWebhook, viaPoll));
		console.log(summary('Shopify order → Square stock, poll alone (1 min)', viaPoll));
		console.log(summary('register sale → Shopify stock, webhook', saleViaWebhook, saleViaPoll));
		console.log(summary('register sale → Shopify stock, poll alone (1 min)', saleViaPoll));
		const perOrder = squareCalls / SAMPLES;
		// A per-line relay: a catalog search and a stock write for each line (one line per order here).
		const perLineRelay = 2;
		console.log(
			`Square calls per Shopify order, SKU map warm: ${perOrder.toFixed(2)} (per-line relay ${perLineRelay}; ratio ${(perOrder / perLineRelay).toFixed(3)}; target ≤ ${TARGET_CALLS_PER_ORDER}: ${perOrder <= TARGET_CALLS_PER_ORDER ? 'met' : 'MISSED'})`,
		);
		console.log(`stock equal in both systems and to what the events imply: ${drift.length === 0 ? 'yes' : `NO (${drift.join(', ')})`}`);
		if (drift.length > 0 || perOrder > TARGET_CALLS_PER_ORDER) process.exitCode = 1;
	} catch (error) {
		// What n8n ran, so a stall says where it stopped.
		const executions = await executionsOf(world.n8n.rest, SQUARE_WORKFLOW_ID);
		console.error(`executions: ${executions.length}, failed: ${JSON.stringify(await failuresOf(world.n8n.rest, executions))}`);
		for (const execution of executions.slice(0, 6)) {
			const full = await world.n8n.rest.publicApi<{ mode?: string; startedAt?: string; data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<unknown[] | null> } }>> } } }>('GET', `/executions/${execution.id}?includeData=true`);
			const runData = full.body.data?.resultData?.runData ?? {};
			const nodes = Object.entries(runData).map(([name, runs]) => `${name}: ${(runs[0]?.data?.main ?? []).map((items) => items?.length ?? 0).join('/')}`);
			console.error(`  ${execution.id} ${full.body.mode} ${full.body.startedAt} ${execution.status} ${nodes.join('; ')}`);
		}
		throw error;
	} finally {
		await world.dispose();
		removeE2eRunDir();
	}
}
