import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { ShopifyGetOrders } from '../../../nodes/ShopifyGetOrders/ShopifyGetOrders.node';
import { resetShopifyClientState } from '../../../lib/shopify/client';
import { startShopifySimulator, type RunningShopifySimulator, type SimulatorOptions } from '../../../simulator/shopify';
import type { OrderInput } from '../../../simulator/shopify';
import { runNode, type EngineRun } from '../../helpers/n8nEngine';

/** A store clock that moves only when told to, in whole seconds like Shopify's timestamps. */
export function steppedClock(start = Date.parse('2026-11-20T10:00:00Z')): { now: () => number; tick: (seconds?: number) => number } {
	let at = start;
	return {
		now: () => at,
		tick: (seconds = 1) => (at += seconds * 1000),
	};
}

export interface OrdersStore {
	shop: RunningShopifySimulator;
	credentials: { shopifyAdminApi: IDataObject };
	/** Places `count` simple web orders, one second apart. */
	placeOrders(count: number, extra?: Partial<OrderInput>): string[];
	runGetOrders(parameters: INodeParameters, options?: { staticData?: IDataObject; continueOnFail?: boolean; input?: IDataObject[] }): Promise<EngineRun>;
	close(): Promise<void>;
}

export async function startOrdersStore(options: SimulatorOptions & { clock?: () => number; tick?: () => void } = {}): Promise<OrdersStore> {
	resetShopifyClientState();
	const shop = await startShopifySimulator({ seed: false, ...options });
	const credentials = {
		shopifyAdminApi: { shop: shop.url, apiVersion: '2026-10', authentication: 'accessToken', accessToken: shop.accessToken },
	};
	return {
		shop,
		credentials,
		placeOrders(count, extra = {}) {
			const ids: string[] = [];
			for (let index = 0; index < count; index++) {
				options.tick?.();
				const order = shop.orders.create({
					lineItems: [
						{ title: 'Espresso', quantity: 2, price: '3.50' },
						{ title: 'Croissant', quantity: 1, price: '2.25' },
					],
					email: `buyer${index}@example.com`,
					...extra,
				});
				ids.push(order.id);
			}
			return ids;
		},
		runGetOrders(parameters, runOptions = {}) {
			return runNode({
				nodeType: ShopifyGetOrders,
				parameters,
				credentials: credentials as never,
				staticData: runOptions.staticData,
				continueOnFail: runOptions.continueOnFail,
				input: runOptions.input,
			});
		},
		close: () => shop.close(),
	};
}
