import { PosSimulator } from '../../../simulator/pos/posSimulator';
import { PosSimulatorClient } from '../../../simulator/pos/client';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { N8nInstance } from '../harness';
import { posWebhookCredential } from '../workflows/posWorkflows';
import { nodeOfType, placeholdersIn, posCredentialImport, readTemplate, shopifyCredentialImport, wireToSimulators } from './templateWorkflows';

type Json = Record<string, unknown>;

export const SQUARE_WORKFLOW_ID = 'squareLoop';
const SQUARE_TOKEN = 'square-loop-e2e-token-8f1c';
const SQUARE_VERSION = '2026-09-16';
const SIGNATURE_KEY = 'square-loop-e2e-signature-key-3Hq';

export interface SquareWorldOptions {
	/** Stock each SKU starts with, the same in both systems (SKU index added, so SKUs differ). */
	startStock?: number;
	/** A change to the imported workflow before it is published (the bench shortens the schedule). */
	editWorkflow?: (workflow: { nodes: Array<Json & { name: string; parameters: Json }> }) => void;
	log?: (line: string) => void;
}

/**
 * templates/square.json imported into a real n8n 2.41.1 as a user would (credentials, the Square location ID,
 * the Shopify location), published against the Shopify store simulator and the Square simulator, whose
 * webhooks go to the template's POS Trigger at n8n's production URL, signed. Both systems start with the same
 * stock for a handful of unique SKUs.
 */
export class SquareWorld {
	readonly variationOf = new Map<string, string>();
	/** What each SKU started with (the same in both systems). */
	readonly start = new Map<string, number>();

	private constructor(
		readonly n8n: N8nInstance,
		readonly shop: RunningShopifySimulator,
		readonly pos: PosSimulator,
		readonly square: PosSimulatorClient,
		readonly shopifyLocationId: string,
		readonly squareLocationId: string,
		readonly skus: string[],
	) {}

	static async create(options: SquareWorldOptions = {}): Promise<SquareWorld> {
		const shop = await startShopifySimulator({ seed: false });
		const pos = new PosSimulator({ config: { auth: { type: 'bearer', token: SQUARE_TOKEN }, squareVersion: SQUARE_VERSION } });
		let n8n: N8nInstance | undefined;
		try {
			const seeded = await shop.control.seed({ seed: 31, locations: 1, products: 5, orders: 0, posShare: 0, maxAvailable: 50 });
			await shop.control.configureWebhooks({ retryDelaysMs: [200, 200, 200, 200, 200, 200, 200, 200], timeoutMs: 5000 });
			const counts = new Map<string, number>();
			for (const variant of seeded.variants) if (variant.sku) counts.set(variant.sku, (counts.get(variant.sku) ?? 0) + 1);
			const skus = [...counts].filter(([, count]) => count === 1).map(([sku]) => sku).slice(0, 6);
			if (skus.length < 4) throw new Error('the seeded store has fewer than 4 unique SKUs');

			const origin = await pos.start();
			const square = new PosSimulatorClient(origin);
			const [{ id: squareLocationId }] = await square.squareLocations([{ name: 'Main Store' }]);
			n8n = await N8nInstance.create({ log: options.log ?? ((line) => process.stdout.write(`${line}\n`)) });
			const world = new SquareWorld(n8n, shop, pos, square, seeded.locations[0].id, squareLocationId, skus);
			await world.stockBothSystems(options.startStock ?? 200);
			await world.publishTemplate(origin, options);
			return world;
		} catch (error) {
			await n8n?.dispose();
			await pos.stop();
			await shop.close();
			throw error;
		}
	}

	private async stockBothSystems(startStock: number): Promise<void> {
		const objects = await this.square.squareCatalog(this.skus.map((sku) => ({ name: `Item ${sku}`, variations: [{ sku, priceAmount: 1500 }] })));
		for (const object of objects) {
			const data = object.item_variation_data as { sku?: string } | undefined;
			if (object.type === 'ITEM_VARIATION' && data?.sku) this.variationOf.set(data.sku, object.id as string);
			for (const variation of ((object.item_data as { variations?: Json[] } | undefined)?.variations ?? []) as Json[]) {
				const sku = (variation.item_variation_data as { sku?: string }).sku;
				if (sku) this.variationOf.set(sku, variation.id as string);
			}
		}
		for (const [index, sku] of this.skus.entries()) {
			if (!this.variationOf.has(sku)) throw new Error(`Square catalog has no variation for ${sku}`);
			this.start.set(sku, startStock + index);
			await this.shop.control.setInventory({ sku, locationId: this.shopifyLocationId, quantities: { available: startStock + index } });
			await this.square.squareActivity('receive', { location_id: this.squareLocationId, catalog_object_id: this.variationOf.get(sku), quantity: String(startStock + index) });
		}
	}

	private async publishTemplate(origin: string, options: SquareWorldOptions): Promise<void> {
		await this.n8n.importCredentials([
			shopifyCredentialImport('shopifySim', this.shop),
			posCredentialImport('squareSim', origin, SQUARE_TOKEN, `Square-Version: ${SQUARE_VERSION}`, '/v2/locations'),
			posWebhookCredential('squareSignature', SIGNATURE_KEY),
		]);
		const template = readTemplate('square.json');
		const workflow = wireToSimulators(template, {
			workflowId: SQUARE_WORKFLOW_ID,
			shopifyCredentialId: 'shopifySim',
			posCredentialId: 'squareSim',
			shopifyLocationId: this.shopifyLocationId,
			values: { YOUR_SQUARE_LOCATION_ID: this.squareLocationId },
		});
		// The user picks the POS Webhook Secret credential on the POS Trigger, as on every other node.
		for (const node of workflow.nodes as Array<{ credentials?: Record<string, { id: string; name: string }> }>) {
			if (node.credentials?.posWebhookApi) node.credentials.posWebhookApi = { id: 'squareSignature', name: 'squareSignature' };
		}
		const left = placeholdersIn(workflow as { nodes: Array<{ parameters: Record<string, unknown> }> });
		if (left.length > 0) throw new Error(`placeholders left in the imported template: ${left.join(', ')}`);
		options.editWorkflow?.(workflow as unknown as { nodes: Array<Json & { name: string; parameters: Json }> });
		await this.n8n.importWorkflows([workflow]);
		await this.n8n.start();
		await this.n8n.rest.publishWorkflow(SQUARE_WORKFLOW_ID);
		// The notification URL the user registers in Square: the POS Trigger's production URL.
		const url = `${this.n8n.baseUrl}/webhook/${nodeOfType(template, 'n8n-nodes-shopify-pos.posTrigger').webhookId}/pos`;
		await this.square.squareSubscribe({ url, signatureKey: SIGNATURE_KEY, eventTypes: ['inventory.count.updated'] });
	}

	async shopifyStock(): Promise<Map<string, number>> {
		return new Map(await Promise.all(this.skus.map(async (sku) => [sku, await this.shop.control.quantity(sku, this.shopifyLocationId)] as const)));
	}

	squareStock(): Map<string, number> {
		return new Map(this.skus.map((sku) => [sku, this.pos.square.inventory.quantity(this.variationOf.get(sku)!, this.squareLocationId)]));
	}

	/** Every change in Square's inventory history at the location, in Square's order. */
	squareChanges(): Json[] {
		const changes: Json[] = [];
		let cursor: string | undefined;
		do {
			const reply = this.pos.square.inventory.retrieveChanges({ location_ids: [this.squareLocationId], cursor: cursor ?? null });
			const body = reply.body as { changes: Json[]; cursor?: string };
			changes.push(...body.changes);
			cursor = body.cursor;
		} while (cursor);
		return changes;
	}

	/** Square change ids named by the inventory writes Shopify accepted. */
	async squareChangesWrittenToShopify(): Promise<string[]> {
		const requests = await this.shop.control.requests();
		return requests
			.filter((request) => request.operationType === 'mutation' && request.status === 200)
			.flatMap((request) => [...JSON.stringify(request.variables).matchAll(/SquareInventoryChange\/([A-Za-z0-9_-]+)/g)].map((match) => match[1]));
	}

	async dispose(): Promise<void> {
		await this.n8n.dispose();
		await this.pos.stop();
		await this.shop.close();
	}
}
