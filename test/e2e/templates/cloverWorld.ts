import type { PosSimulatorClient } from '../../../simulator/pos/client';
import { posWebhookCredential } from '../workflows/posWorkflows';
import { openVendorWorld, VendorWorld, type VendorWorldParts } from './vendorWorld';
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
export class CloverWorld extends VendorWorld {
	readonly itemOf = new Map<string, string>();

	readonly clover: PosSimulatorClient;

	private constructor(parts: VendorWorldParts) {
		super(parts);
		this.clover = parts.client;
	}

	get merchantId(): string {
		return this.pos.clover.merchantId;
	}

	static async create(log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<CloverWorld> {
		return await openVendorWorld(43, TOKEN, log, async (parts) => {
			const world = new CloverWorld(parts);
			await world.stockBothSystems(200);
			await world.publishTemplates(parts.origin);
			return world;
		});
	}

	private async stockBothSystems(startStock: number): Promise<void> {
		const items = await this.clover.cloverItems(this.skus.map((sku, index) => ({ name: `Item ${sku}`, sku, price: 1500, stock: startStock + index })));
		for (const item of items) this.itemOf.set(String(item.sku), String(item.id));
		await this.stockShopify(startStock);
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

	cloverStock(): Map<string, number> {
		return new Map(this.skus.map((sku) => [sku, this.pos.clover.items.stock(this.itemOf.get(sku)!)!.quantity]));
	}

	/** Clover change keys (`<order>:<line>:sale|refund`) named by the inventory writes Shopify accepted. */
	async changesWrittenToShopify(): Promise<string[]> {
		return await this.referencesWrittenToShopify('CloverOrder');
	}
}
