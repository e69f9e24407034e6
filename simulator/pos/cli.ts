/**
 * `npx ts-node --transpile-only simulator/pos/cli.ts [--port 8790] [--token T] [--idempotency header|body:PATH|none]`:
 * starts the POS simulator (all vendor flavours) and prints how to connect. Runs until interrupted.
 */
import type { SimulatedIdempotency } from './config';
import { PosSimulator } from './posSimulator';

function option(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? undefined : process.argv[index + 1];
}

function idempotencyOption(value: string | undefined): SimulatedIdempotency {
	if (value === undefined || value === 'header') return { in: 'header', name: 'Idempotency-Key', onRepeat: 'replay' };
	if (value === 'none') return { in: 'none' };
	if (value.startsWith('body:') && value.length > 5) return { in: 'body', path: value.slice(5), onRepeat: 'replay' };
	throw new Error(`--idempotency must be header, none or body:<path>, got "${value}"`);
}

async function main(): Promise<void> {
	const port = Number(option('port') ?? 8790);
	if (!Number.isInteger(port)) throw new Error('--port needs a number');
	const token = option('token') ?? 'pos-simulator-token';
	const simulator = new PosSimulator({ port, config: { auth: { type: 'bearer', token }, idempotency: idempotencyOption(option('idempotency')) } });
	const origin = await simulator.start();
	console.log(
		[
			'Simulated POS is running.',
			`  Base URL (credential "baseUrl"):  ${origin}`,
			`  Bearer token:                     ${token}`,
			'  Generic REST:                     POST /api/orders, GET /api/orders?externalId=, GET /api/stock?locationId=',
			'  Square:                           /v2/catalog/search, /v2/catalog/batch-retrieve, /v2/catalog/object/{id}, /v2/locations,',
			'                                    /v2/inventory/changes/batch-create, /v2/inventory/changes/batch-retrieve, /v2/inventory/counts/batch-retrieve,',
			'                                    /v2/orders, /v2/orders/{id}, /v2/orders/{id}/pay, /v2/payments (seed with /_pos/square/catalog and /locations)',
			'  Clover / Loyverse / Lightspeed X: /v3/merchants/{mId}/atomic_order/orders + /orders, /v1.0/receipts, /api/register_sales',
			`  Control API:                      ${origin}/_pos/state, /_pos/faults, /_pos/outage, /_pos/config`,
			'Press Ctrl+C to stop.',
		].join('\n'),
	);
	const stop = (): void => {
		void simulator.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
