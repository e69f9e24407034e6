import { PosSimulator } from '../../../simulator/pos/posSimulator';
import { PosSimulatorClient } from '../../../simulator/pos/client';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { N8nInstance } from '../harness';
import { posWebhookCredential } from '../workflows/posWorkflows';
import { nodeOfType, placeholdersIn, posCredentialImport, readTemplate, shopifyCredentialImport, wireToSimulators, type TemplateExport } from './templateWorkflows';

type Json = Record<string, unknown>;
type WorkflowNodes = { nodes: Array<Json & { name: string; type: string; parameters: Json }> };

export const CLOVER_WORKFLOW_ID = 'cloverLoop';
export const CLOVER_RECONCILE_ID = 'cloverReconcile';
const TOKEN = 'clover-loop-e2e-token-3f8c';

/**
 * templates/clover.json imported into a real n8n 2.41.1 as a user would (credentials, the Merchant ID, the Shopify
 * location), published against the Shopify store simulator and the Clover simulator; the POS Trigger's URL is set
 * as the app's webhook, verified with the code Clover sends, and the Clover Auth Code is in its credential. Both
 * systems start with the same stock for a handful of unique SKUs. The nightly reconciliation template is imported
 * beside it (Repair on, every minute), published only when a test asks.
 */
export class CloverWorld {
	readonly itemOf = new Map<string, string>();
	readonly start = new Map<string, number>();

	private constructor(
		readonly n8n: N8nInstance,
		readonly shop: RunningShopifySimulator,
		readonly pos: PosSimulator,
		readonly clover: PosSimulatorClient,
		readonly shopifyLocationId: string,
		readonly skus: string[],
	) {}

	get merchantId(): string {
		return this.pos.clover.merchantId;
	}

	static async create(log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<CloverWorld> {
		const shop = await startShopifySimulator({ seed: false });
		const pos = new PosSimulator({ config: { auth: { type: 'bearer', token: TOKEN } } });
		let n8n: N8nInstance | undefined;
		try {
			const seeded = await shop.control.seed({ seed: 43, locations: 1, products: 5, orders: 0, posShare: 0, maxAvailable: 50 });
			await shop.control.configureWebhooks({ retryDelaysMs: [200, 200, 200, 200, 200, 200, 200, 200], timeoutMs: 5000 });
			const counts = new Map<string, number>();
			for (const variant of seeded.variants) if (variant.sku) counts.set(variant.sku, (counts.get(variant.sku) ?? 0) + 1);
			const skus = [...counts].filter(([, count]) => count === 1).map(([sku]) => sku).slice(0, 6);
			if (skus.length < 4) throw new Error('the seeded store has fewer than 4 unique SKUs');
			const origin = await pos.start();
			n8n = await N8nInstance.create({ log });
			const world = new CloverWorld(n8n, shop, pos, new PosSimulatorClient(origin), seeded.locations[0].id, skus);
			await world.stockBothSystems(200);
			await world.publishTemplates(origin);
			return world;
		} catch (error) {
			await n8n?.dispose();
			await pos.stop();
			await shop.close();
			throw error;
		}
	}

	private async stockBothSystems(startStock: number): Promise<void> {
		const items = await this.clover.cloverItems(this.skus.map((sku, index) => ({ name: `Item ${sku}`, sku, price: 1500, stock: startStock + index })));
		for (const item of items) this.itemOf.set(String(item.sku), String(item.id));
		for (const [index, sku] of this.skus.entries()) {
			this.start.set(sku, startStock + index);
			await this.shop.control.setInventory({ sku, locationId: this.shopifyLocationId, quantities: { available: startStock + index } });
		}
	}

	private wire(template: TemplateExport, workflowId: string): WorkflowNodes {
		const workflow = wireToSimulators(template, {
			workflowId,
			shopifyCredentialId: 'shopifySim',
			posCredentialId: 'cloverSim',
			shopifyLocationId: this.shopifyLocationId,
			values: { YOUR_CLOVER_MERCHANT_ID: this.merchantId },
		}) as unknown as WorkflowNodes;
		for (const node of workflow.nodes as Array<WorkflowNodes['nodes'][number] & { credentials?: Record<string, { id: string; name: string }> }>) {
			if (node.credentials?.posWebhookApi) node.credentials.posWebhookApi = { id: 'cloverAuth', name: 'cloverAuth' };
			if (node.type === 'n8n-nodes-shopify-pos.shopifyReconcileInventory') node.parameters.location = { __rl: true, mode: 'id', value: this.shopifyLocationId };
		}
		const left = placeholdersIn(workflow);
		if (left.length > 0) throw new Error(`placeholders left in the imported template: ${left.join(', ')}`);
		return workflow;
	}

	private async publishTemplates(origin: string): Promise<void> {
		await this.n8n.importCredentials([
			shopifyCredentialImport('shopifySim', this.shop),
			posCredentialImport('cloverSim', origin, TOKEN, '', `/v3/merchants/${this.merchantId}`),
			// The Clover Auth Code the Developer Dashboard shows once the URL is verified (below).
			posWebhookCredential('cloverAuth', this.pos.clover.webhooks.authCode),
		]);
		const template = readTemplate('clover.json');
		const reconcile = this.wire(readTemplate('reconcile-clover.json'), CLOVER_RECONCILE_ID);
		for (const node of reconcile.nodes) {
			if (node.type === 'n8n-nodes-shopify-pos.shopifyReconcileInventory') node.parameters.repair = true;
			if (node.type === 'n8n-nodes-base.scheduleTrigger') node.parameters.rule = { interval: [{ field: 'minutes', minutesInterval: 1 }] };
		}
		await this.n8n.importWorkflows([this.wire(template, CLOVER_WORKFLOW_ID), reconcile] as never);
		await this.n8n.start();
		await this.n8n.rest.publishWorkflow(CLOVER_WORKFLOW_ID);
		// Developer Dashboard → Webhooks: the trigger's Production URL, Send Verification Code, paste the code, Verify.
		const url = `${this.n8n.baseUrl}/webhook/${nodeOfType(template, 'n8n-nodes-shopify-pos.posTrigger').webhookId}/pos`;
		const sent = await this.clover.cloverWebhook(url);
		if (sent.verificationOutcome !== 200) throw new Error(`Clover's verification POST got ${String(sent.verificationOutcome)}`);
		const verification = ((await this.clover.cloverState()).deliveries as Array<{ kind: string; body: string }>).find((delivery) => delivery.kind === 'verification')!;
		await this.clover.cloverVerifyWebhook((JSON.parse(verification.body) as { verificationCode: string }).verificationCode);
	}

	async shopifyStock(): Promise<Map<string, number>> {
		return new Map(await Promise.all(this.skus.map(async (sku) => [sku, await this.shop.control.quantity(sku, this.shopifyLocationId)] as const)));
	}

	cloverStock(): Map<string, number> {
		return new Map(this.skus.map((sku) => [sku, this.pos.clover.items.stock(this.itemOf.get(sku)!)!.quantity]));
	}

	/** Clover change keys (`<order>:<line>:sale|refund`) named by the inventory writes Shopify accepted. */
	async changesWrittenToShopify(): Promise<string[]> {
		const requests = await this.shop.control.requests();
		return requests
			.filter((request) => request.operationType === 'mutation' && request.status === 200)
			.flatMap((request) => [...JSON.stringify(request.variables).matchAll(/CloverOrder\/([A-Za-z0-9:-]+)/g)].map((match) => match[1]));
	}

	async dispose(): Promise<void> {
		await this.n8n.dispose();
		await this.pos.stop();
		await this.shop.close();
	}
}
