import type { PosSimulatorClient } from '../../../simulator/pos/client';
import { posWebhookCredential } from '../workflows/posWorkflows';
import { openVendorWorld, VendorWorld, type VendorWorldParts } from './vendorWorld';
import { nodeOfType, placeholdersIn, posCredentialImport, readTemplate, shopifyCredentialImport, wireToSimulators, type TemplateExport } from './templateWorkflows';

type Json = Record<string, unknown>;
type WorkflowNodes = { nodes: Array<Json & { name: string; type: string; parameters: Json }> };

export const LOYVERSE_WORKFLOW_ID = 'loyverseLoop';
export const LOYVERSE_RECONCILE_ID = 'loyverseReconcile';
const TOKEN = 'loyverse-loop-e2e-token-7b1e';
const URL_TOKEN = 'loyverse-loop-url-token-Hx4p9';

/**
 * templates/loyverse.json imported into a real n8n 2.41.1 as a user would (credentials, the store ID, the
 * Shopify location, the POS Trigger's URL and token in the subscription node), published against the Shopify
 * store simulator and the Loyverse simulator, whose `receipts.update` webhooks go to the template's POS Trigger
 * with the URL token. Both systems start with the same stock for a handful of unique SKUs. The nightly
 * reconciliation template is imported beside it (Repair on, every minute), published only when a test asks.
 */
export class LoyverseWorld extends VendorWorld {
	readonly variantOf = new Map<string, string>();
	storeId = '';

	readonly loyverse: PosSimulatorClient;

	private constructor(parts: VendorWorldParts) {
		super(parts);
		this.loyverse = parts.client;
	}

	static async create(log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<LoyverseWorld> {
		return await openVendorWorld(41, TOKEN, log, async (parts) => {
			const world = new LoyverseWorld(parts);
			await world.stockBothSystems(200);
			await world.publishTemplates(parts.origin);
			return world;
		});
	}

	private async stockBothSystems(startStock: number): Promise<void> {
		const items = await this.loyverse.loyverseItems(this.skus.map((sku, index) => ({ name: `Item ${sku}`, variants: [{ sku, price: 15, stock: startStock + index }] })));
		for (const item of items) for (const variant of item.variants as Array<{ sku: string; variant_id: string }>) this.variantOf.set(variant.sku, variant.variant_id);
		this.storeId = this.pos.loyverse.stores.main().id;
		await this.stockShopify(startStock);
	}

	private wire(template: TemplateExport, workflowId: string, triggerUrl: string): WorkflowNodes {
		const workflow = wireToSimulators(template, {
			workflowId,
			shopifyCredentialId: 'shopifySim',
			posCredentialId: 'loyverseSim',
			shopifyLocationId: this.shopifyLocationId,
			values: { YOUR_LOYVERSE_STORE_ID: this.storeId, YOUR_POS_TRIGGER_PRODUCTION_URL: triggerUrl, YOUR_URL_TOKEN: URL_TOKEN },
		}) as unknown as WorkflowNodes;
		for (const node of workflow.nodes as Array<WorkflowNodes['nodes'][number] & { credentials?: Record<string, { id: string; name: string }> }>) {
			if (node.credentials?.posWebhookApi) node.credentials.posWebhookApi = { id: 'loyverseToken', name: 'loyverseToken' };
			if (node.type === 'n8n-nodes-shopify-pos.shopifyReconcileInventory') node.parameters.location = { __rl: true, mode: 'id', value: this.shopifyLocationId };
		}
		const left = placeholdersIn(workflow);
		if (left.length > 0) throw new Error(`placeholders left in the imported template: ${left.join(', ')}`);
		return workflow;
	}

	private async publishTemplates(origin: string): Promise<void> {
		await this.n8n.importCredentials([
			shopifyCredentialImport('shopifySim', this.shop),
			posCredentialImport('loyverseSim', origin, TOKEN, '', '/v1.0/stores'),
			posWebhookCredential('loyverseToken', '', URL_TOKEN),
		]);
		const template = readTemplate('loyverse.json');
		const triggerUrl = `${this.n8n.baseUrl}/webhook/${nodeOfType(template, 'n8n-nodes-shopify-pos.posTrigger').webhookId}/pos`;
		const workflow = this.wire(template, LOYVERSE_WORKFLOW_ID, triggerUrl);
		const reconcile = this.wire(readTemplate('reconcile-loyverse.json'), LOYVERSE_RECONCILE_ID, triggerUrl);
		for (const node of reconcile.nodes) {
			if (node.type === 'n8n-nodes-shopify-pos.shopifyReconcileInventory') node.parameters.repair = true;
			if (node.type === 'n8n-nodes-base.scheduleTrigger') node.parameters.rule = { interval: [{ field: 'minutes', minutesInterval: 1 }] };
		}
		await this.n8n.importWorkflows([workflow, reconcile] as never);
		await this.n8n.start();
		await this.n8n.rest.publishWorkflow(LOYVERSE_WORKFLOW_ID);
		// What "Run once: send Loyverse receipts here" sends, with the values the setup note names.
		const subscribe = workflow.nodes.find((node) => node.name === 'Subscribe to Loyverse receipts')!;
		const body = new Function(`return (${String(subscribe.parameters.jsonBody).replace(/^=\{\{/, '').replace(/\}\}$/, '')});`)() as Json;
		const response = await fetch(`${origin}/v1.0/webhooks`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
		if (response.status !== 200) throw new Error(`subscribing Loyverse's webhook: HTTP ${response.status} ${await response.text()}`);
	}

	loyverseStock(): Map<string, number> {
		return new Map(this.skus.map((sku) => [sku, this.pos.loyverse.inventory.level(this.variantOf.get(sku)!, this.storeId).in_stock]));
	}

	/** Loyverse change keys (`<receipt>:<line>:sale|refund|cancel`) named by the inventory writes Shopify accepted. */
	async changesWrittenToShopify(): Promise<string[]> {
		return await this.referencesWrittenToShopify('LoyverseReceipt');
	}
}
