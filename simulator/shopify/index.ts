import { mountControlRoutes, type ResetHook } from './control/controlRoutes';
import { ShopifySimulatorControl } from './control/controlClient';
import { ShopifySimulator, type SimulatorOptions } from './simulator';
import type { OrderActions } from './store/orderActions';
import { mountWebhookControlRoutes } from './webhooks/webhookControlRoutes';

export interface RunningShopifySimulator {
	/** http://127.0.0.1:PORT — use as the credential's `shop` */
	url: string;
	/** the shop's myshopify domain (X-Shopify-Shop-Domain on webhooks) */
	shopDomain: string;
	accessToken: string;
	clientId: string;
	clientSecret: string;
	apiVersions: readonly string[];
	control: ShopifySimulatorControl;
	/** in-process access to the store and settings, for tests that need more than the control API */
	simulator: ShopifySimulator;
	orders: OrderActions;
	close(): Promise<void>;
}

/** Starts a simulated Shopify store on 127.0.0.1 (port 0 = any free port). */
export async function startShopifySimulator(options: SimulatorOptions = {}): Promise<RunningShopifySimulator> {
	const simulator = new ShopifySimulator(options);
	const resetHooks: ResetHook[] = [];
	resetHooks.push(() => simulator.webhooks.reset(), () => simulator.bulk.reset());
	const orders = mountControlRoutes(simulator, resetHooks);
	mountWebhookControlRoutes(simulator, simulator.webhooks);
	const url = await simulator.listen(options.port ?? 0, options.host ?? '127.0.0.1');
	return {
		url,
		// a getter: reseeding may rename the shop
		get shopDomain() {
			return simulator.store.shop.myshopifyDomain;
		},
		accessToken: simulator.accessToken,
		clientId: simulator.clientId,
		clientSecret: simulator.clientSecret,
		apiVersions: simulator.apiVersions(),
		control: new ShopifySimulatorControl(url),
		simulator,
		orders,
		close: () => simulator.close(),
	};
}

export { ShopifySimulator, ShopifySimulatorControl };
export type { SimulatorOptions };
export type { SeedOptions, SeedSummary } from './store/seed';
export type { OrderInput, OrderUpdate } from './store/orderInput';
export type { FaultSpec } from './faults';
export type { ControlInventoryLevel, ControlOrder } from './control/controlTypes';
export type { DeliveryRecord, SubscriptionRecord, WebhookChaos, WebhookSettings } from './webhooks/webhookService';
export type { RequestLogEntry } from './requestLog';
