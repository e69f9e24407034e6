import { createServer } from 'node:net';

import { PosSimulator } from '../../simulator/pos/posSimulator';
import { startShopifySimulator, type RunningShopifySimulator } from '../../simulator/shopify';
import { buildAndPack, ensureN8nRuntime, N8nInstance, prepareCommunityNodesFolder, removeE2eRunDir } from './harness';
import { DEMO_POS_LOCATION, demoTemplateWorkflow } from './templates/demoWiring';
import { nodeOfType, readTemplate } from './templates/templateWorkflows';
import { posCredential } from './workflows/posWorkflows';
import { getOrdersWorkflow, shopifyCredential } from './workflows/shopifyWorkflows';

// `npm start`: real n8n with the package installed as a community package, the Shopify and POS simulators
// with a seeded store, an owner account, working credentials, the generic POS template published (with its
// retry table) and a few orders so executions show up. Ctrl-C stops everything.
const POS_TOKEN = 'demo-pos-token';
// The harness speaks of test runs ("[e2e] …"); here the same steps are the demo's.
const log = (line: string) => process.stdout.write(`${line.replace(/^\[e2e\] /, '[demo] ').replace(/ \(user folder [^)]*\)/, '')}\n`);

async function portIsFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

export async function runDemo(): Promise<void> {
	const started = Date.now();
	log('n8n-nodes-shopify-pos demo — real n8n 2.41.1 + local Shopify and POS simulators\n');
	await ensureN8nRuntime(log);
	await prepareCommunityNodesFolder(await buildAndPack(log));

	const cleanups: Array<() => Promise<void>> = [async () => removeE2eRunDir()];
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		log('\nStopping n8n and the simulators…');
		for (const cleanup of cleanups.reverse()) await cleanup().catch((error: Error) => log(`  ${error.message}`));
		log('Stopped.');
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	try {
		const shop: RunningShopifySimulator = await startShopifySimulator({ seed: false });
		cleanups.push(() => shop.close());
		const seeded = await shop.control.seed({ seed: 42, locations: 2, products: 8, orders: 20, posShare: 0.2 });
		const pos = new PosSimulator({ config: { auth: { type: 'bearer', token: POS_TOKEN } } });
		const posOrigin = await pos.start();
		cleanups.push(() => pos.stop());
		// The POS starts with the stock Shopify has at the location it sells from, as on the first day of a sync.
		const shopLocation = seeded.locations[0];
		for (const level of await shop.control.inventory({ locationId: shopLocation.id })) {
			if (level.sku) pos.store.setQuantity(DEMO_POS_LOCATION, level.sku, level.quantities.available);
		}
		log(`[demo] Shopify simulator ${shop.url} (${seeded.shop.name}: ${seeded.orders} orders, ${seeded.variants.length} variants, ${seeded.locations.length} locations)`);
		log(`[demo] POS simulator ${posOrigin} (generic REST POS at /api/orders; state at ${posOrigin}/_pos/state)`);

		const n8n = await N8nInstance.create({ log, port: (await portIsFree(5678)) ? 5678 : undefined });
		cleanups.push(() => n8n.dispose());
		const template = readTemplate('generic-rest.json');
		await n8n.importCredentials([shopifyCredential('demoShopify', shop), posCredential('demoPos', posOrigin, POS_TOKEN)]);
		await n8n.importWorkflows([
			// What a user does after importing the template: pick the credentials and the Shopify location.
			demoTemplateWorkflow(template, { workflowId: 'demoGenericPos', shopifyCredentialId: 'demoShopify', posCredentialId: 'demoPos' }, shopLocation),
			{ ...getOrdersWorkflow('demoGetOrders', 'demoShopify'), name: 'Shopify Get Orders (run by hand)' },
		]);
		await n8n.start();
		// The template's "Run once: create the retry table" branch, done through the public API.
		const createTable = template.nodes.find(
			(node) => node.type === 'n8n-nodes-base.dataTable' && node.parameters.resource === 'table' && node.parameters.operation === 'create',
		);
		if (createTable) {
			const created = await n8n.rest.publicApi('POST', '/data-tables', {
				name: createTable.parameters.tableName,
				columns: (createTable.parameters.columns as { column: Array<{ name: string; type: string }> }).column,
			});
			if (created.status >= 300) throw new Error(`creating the retry table: HTTP ${created.status} ${JSON.stringify(created.body)}`);
		}
		await n8n.rest.publishWorkflow('demoGenericPos');
		log(`[demo] imported and published "${template.name}": the Shopify simulator now sends orders/create to n8n`);

		const withSku = seeded.variants.filter((variant) => variant.sku).slice(0, 3);
		for (const [index, variant] of withSku.entries()) {
			await shop.control.createOrder({ lineItems: [{ sku: variant.sku!, quantity: index + 1 }], sourceName: 'web', financialStatus: 'PAID' });
		}
		await shop.control.settleWebhooks(15_000);
		const deadline = Date.now() + 15_000;
		while (pos.store.orders.length < withSku.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
		log(`[demo] created ${withSku.length} Shopify orders; the POS received ${pos.store.orders.length}`);

		const owner = n8n.owner!;
		const saleUrl = `${n8n.baseUrl}/webhook/${nodeOfType(template, 'n8n-nodes-base.webhook').parameters.path as string}`;
		const saleSku = withSku[0]?.sku ?? 'SKU';
		const shopifyStock = `${shop.url}/_sim/inventory?sku=${encodeURIComponent(saleSku)}&locationId=${encodeURIComponent(shopLocation.id)}`;
		const posStock = `${posOrigin}/_pos/state`;
		const [before] = await shop.control.inventory({ sku: saleSku, locationId: shopLocation.id });
		const shopifyNow = before?.quantities.available ?? 0;
		const posNow = pos.store.quantity(DEMO_POS_LOCATION, saleSku);
		log(
			[
				'',
				`Ready in ${Math.round((Date.now() - started) / 1000)} s.`,
				`  n8n editor:     ${n8n.baseUrl}`,
				`  login:          ${owner.email}`,
				`  password:       ${owner.password}`,
				`  workflows:      "${template.name}" (published; open it, then Executions),`,
				'                  "Shopify Get Orders (run by hand)"',
				`  Shopify stock:  ${shopifyStock}`,
				`                  (${saleSku} at ${shopLocation.name}: available ${shopifyNow} now)`,
				`  POS stock:      ${posStock}`,
				`                  ("stock" → "${DEMO_POS_LOCATION}" → "${saleSku}": ${posNow} now; "orders": what the POS received)`,
				'',
				'Try it:',
				`  1. A Shopify order for 1 × ${saleSku}:`,
				`       curl -X POST ${shop.url}/_sim/orders -H 'content-type: application/json' \\`,
				`         -d '{"lineItems":[{"sku":"${saleSku}","quantity":1}]}'`,
				`     Expect: a new execution in n8n; the POS stock of ${saleSku} goes to ${posNow - 1} and the POS lists the order`,
				'     (Shopify took the unit itself when the order was placed).',
				`  2. A sale at the POS register of 1 × ${saleSku}:`,
				`       curl -X POST ${saleUrl} -H 'content-type: application/json' \\`,
				`         -d '{"saleId":"S-1","lines":[{"lineId":"1","sku":"${saleSku}","quantity":1}]}'`,
				`     Expect: Shopify's available for ${saleSku} goes down by 1. Send the same sale again: nothing changes`,
				'     (the sale ID is the key, so a repeat is applied once), and that run\'s "Shopify Adjust Inventory" item',
				'     says replayed: true (Shopify answered with the first run\'s result).',
				'',
				'The Square, Lightspeed X, Clover and Loyverse templates are in templates/ (see templates/README.md).',
				'',
				'Press Ctrl-C to stop everything.',
			].join('\n'),
		);
	} catch (error) {
		log(`[demo] failed: ${(error as Error).message}`);
		await stop(1);
	}
}

