import type { PosSimulatorClient } from '../../../simulator/pos/client';
import { posWebhookCredential } from '../workflows/posWorkflows';
import { openVendorWorld, VendorWorld, type VendorWorldParts } from './vendorWorld';
import { nodeOfType, placeholdersIn, posCredentialImport, readTemplate, shopifyCredentialImport, wireToSimulators, type TemplateExport } from './templateWorkflows';

type Json = Record<string, unknown>;
type WorkflowNodes = { nodes: Array<Json & { name: string; parameters: Json }> };

export const LIGHTSPEED_WORKFLOW_ID = 'lightspeedLoop';
export const LIGHTSPEED_RECONCILE_ID = 'lightspeedReconcile';
const TOKEN = 'lightspeed-loop-e2e-token-5d2a';
const USER_AGENT = 'User-Agent: shopify-pos-e2e/1.0';
const URL_TOKEN = 'lightspeed-loop-url-token-Qm7x2';
const SHIPPING_SKU = 'SHIPPING-E2E';

/**
 * templates/lightspeed-x.json imported into a real n8n 2.41.1 as a user would (credentials, the ids the setup
 * note names, the Shopify location), published against the Shopify store simulator and the Lightspeed X
 * simulator, whose `sale.update` webhooks go to the template's POS Trigger at n8n's production URL with the
 * URL token. Both systems start with the same stock for a handful of unique SKUs. The nightly
 * reconciliation template is imported beside it (Repair on, every minute), published only when a test asks.
 */
export class LightspeedWorld extends VendorWorld {
	readonly productOf = new Map<string, string>();
	readonly ids: { outlet: string; register: string; user: string; paymentType: string; tax: string; shippingProduct: string } = { outlet: '', register: '', user: '', paymentType: '', tax: '', shippingProduct: '' };

	readonly lightspeed: PosSimulatorClient;

	private constructor(parts: VendorWorldParts) {
		super(parts);
		this.lightspeed = parts.client;
	}

	static async create(log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<LightspeedWorld> {
		return await openVendorWorld(37, TOKEN, log, async (parts) => {
			const world = new LightspeedWorld(parts);
			await world.stockBothSystems(200, parts.variants);
			await world.publishTemplates(parts.origin);
			return world;
		});
	}

	private async stockBothSystems(startStock: number, variants: Array<{ sku?: string | null; price?: string }>): Promise<void> {
		const products = await this.lightspeed.lightspeedProducts([
			...this.skus.map((sku, index) => ({ sku, name: `Item ${sku}`, price: Number(variants.find((variant) => variant.sku === sku)?.price ?? 15), stock: startStock + index })),
			{ sku: SHIPPING_SKU, name: 'Shipping', price: 0, stock: 0 },
		]);
		for (const product of products) this.productOf.set(String(product.sku), String(product.id));
		await this.stockShopify(startStock);
		// What "Run once: list my Lightspeed outlets" shows the user, read here from the simulated retailer.
		const retailer = this.pos.lightspeed.retailer;
		Object.assign(this.ids, {
			outlet: retailer.outlets[0].id,
			register: retailer.named(retailer.registers, 'Online Sales (Shopify)').id,
			user: retailer.named(retailer.users, 'Shopify Sync').id,
			paymentType: retailer.named(retailer.paymentTypes, 'Shopify').id,
			tax: retailer.named(retailer.taxes, 'GST').id,
			shippingProduct: this.productOf.get(SHIPPING_SKU)!,
		});
	}

	/** What the setup note asks: credentials, the ids List Locations gives, the Shopify location; a shipping product since the test charges shipping. */
	private wire(template: TemplateExport, workflowId: string): WorkflowNodes {
		const workflow = wireToSimulators(template, {
			workflowId,
			shopifyCredentialId: 'shopifySim',
			posCredentialId: 'lightspeedSim',
			shopifyLocationId: this.shopifyLocationId,
			values: {
				YOUR_LIGHTSPEED_OUTLET_ID: this.ids.outlet,
				YOUR_LIGHTSPEED_REGISTER_ID: this.ids.register,
				YOUR_LIGHTSPEED_USER_ID: this.ids.user,
				YOUR_LIGHTSPEED_PAYMENT_TYPE_ID: this.ids.paymentType,
				YOUR_LIGHTSPEED_TAX_ID: this.ids.tax,
			},
		}) as unknown as WorkflowNodes;
		for (const node of workflow.nodes as Array<WorkflowNodes['nodes'][number] & { credentials?: Record<string, { id: string; name: string }> }>) {
			if (node.credentials?.posWebhookApi) node.credentials.posWebhookApi = { id: 'lightspeedToken', name: 'lightspeedToken' };
			if (node.parameters.operation === 'recordOrders') node.parameters.lightspeedShippingProductId = this.ids.shippingProduct;
			// The reconciliation's Shopify location, picked as on Adjust Shopify stock.
			if (node.type === 'n8n-nodes-shopify-pos.shopifyReconcileInventory') node.parameters.location = { __rl: true, mode: 'id', value: this.shopifyLocationId };
		}
		const left = placeholdersIn(workflow);
		if (left.length > 0) throw new Error(`placeholders left in the imported template: ${left.join(', ')}`);
		return workflow;
	}

	private async publishTemplates(origin: string): Promise<void> {
		await this.n8n.importCredentials([
			shopifyCredentialImport('shopifySim', this.shop),
			posCredentialImport('lightspeedSim', origin, TOKEN, USER_AGENT, '/api/2.0/outlets'),
			posWebhookCredential('lightspeedToken', '', URL_TOKEN),
		]);
		const template = readTemplate('lightspeed-x.json');
		const reconcile = this.wire(readTemplate('reconcile-lightspeed-x.json'), LIGHTSPEED_RECONCILE_ID);
		for (const node of reconcile.nodes) {
			if (node.type === 'n8n-nodes-shopify-pos.shopifyReconcileInventory') node.parameters.repair = true;
			if (node.type === 'n8n-nodes-base.scheduleTrigger') node.parameters.rule = { interval: [{ field: 'minutes', minutesInterval: 1 }] };
		}
		await this.n8n.importWorkflows([this.wire(template, LIGHTSPEED_WORKFLOW_ID), reconcile] as never);
		await this.n8n.start();
		await this.n8n.rest.publishWorkflow(LIGHTSPEED_WORKFLOW_ID);
		// The URL the user registers in Lightspeed (Setup → API → Webhooks): the POS Trigger's production URL and the token.
		const url = `${this.n8n.baseUrl}/webhook/${nodeOfType(template, 'n8n-nodes-shopify-pos.posTrigger').webhookId}/pos?token=${URL_TOKEN}`;
		await this.lightspeed.lightspeedSubscribe({ url, type: 'sale.update' });
	}

	lightspeedStock(): Map<string, number> {
		return new Map(this.skus.map((sku) => [sku, this.pos.lightspeed.inventory.find(this.productOf.get(sku)!, this.ids.outlet)?.inventory_level ?? 0]));
	}

	/** Lightspeed change keys (`<sale>:<line>:sold|void`) named by the inventory writes Shopify accepted. */
	async changesWrittenToShopify(): Promise<string[]> {
		return await this.referencesWrittenToShopify('LightspeedSale');
	}
}
