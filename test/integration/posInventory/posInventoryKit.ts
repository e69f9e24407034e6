import type { IDataObject, INodeParameters, WorkflowExecuteMode } from 'n8n-workflow';
import { PosApi } from '../../../credentials/PosApi.credentials';
import type { StockChange } from '../../../lib/pos/inventory/stockChange';
import { PosInventory } from '../../../nodes/PosInventory/PosInventory.node';
import { SquareRegister } from '../../../simulator/pos/flavours/square/register';
import { PosSimulator } from '../../../simulator/pos/posSimulator';
import { runNode, type EngineRun } from '../../helpers/n8nEngine';

export const SQUARE_TOKEN = 'EAAA-square-inventory-token';
export const SQUARE_VERSION = '2026-09-16';
export const LOCATION = 'MAIN';
/** When the test's Shopify events happened: an hour ago, well inside the day Square accepts. */
export const EVENT_TIME = new Date(Date.now() - 3600_000).toISOString();

/** A Square seller with one location, MAIN, behind a bearer token and Square-Version check. */
export async function startSquare(now?: () => number): Promise<PosSimulator> {
	const sim = new PosSimulator({ now, config: { auth: { type: 'bearer', token: SQUARE_TOKEN }, squareVersion: SQUARE_VERSION } });
	await sim.start();
	sim.square.locations.seed([{ id: LOCATION, name: 'Main street' }]);
	return sim;
}

/** IN_STOCK of a variation at the location, as Square holds it. */
export function squareStock(sim: PosSimulator, variationId: string, locationId = LOCATION): number {
	return sim.square.inventory.quantity(variationId, locationId);
}

export function squareCredentials(sim: PosSimulator, token = SQUARE_TOKEN) {
	return { baseUrl: sim.origin, authType: 'bearer', token, extraHeaders: `Square-Version: ${SQUARE_VERSION}`, testPath: '/v2/locations' };
}

/** Catalog variations and their stock at the location, the way a Square seller has set them up. */
export function seedSquare(sim: PosSimulator, variations: Array<{ id: string; sku: string; quantity: number; price?: number }>): void {
	const register = new SquareRegister(sim.square);
	for (const variation of variations) {
		sim.square.catalog.seed([{ id: `ITEM-${variation.id}`, name: `Item ${variation.sku}`, variations: [{ id: variation.id, name: `Item ${variation.sku}`, sku: variation.sku, priceAmount: variation.price ?? 1000 }] }]);
		register.recount(LOCATION, variation.id, variation.quantity);
	}
}

/** A POS-ready order event as the Shopify nodes emit it: a sale per line, keys from Shopify ids. */
export function orderEvent(orderNumber: number, lines: Array<{ sku: string | null; quantity: number; cause?: StockChange['cause'] }>, extra: IDataObject = {}, occurredAt = EVENT_TIME): IDataObject {
	const orderLegacy = String(6_000_000_000_000 + orderNumber);
	const orderId = `gid://shopify/Order/${orderLegacy}`;
	const stockChanges: StockChange[] = lines.map((line, index) => {
		const lineLegacy = `${orderLegacy}${index + 1}`;
		const cause = line.cause ?? (line.quantity < 0 ? 'sale' : 'restock');
		return {
			key: `${cause}:${orderLegacy}:${lineLegacy}`,
			sku: line.sku,
			quantity: line.quantity,
			lineItemId: `gid://shopify/LineItem/${lineLegacy}`,
			orderId,
			orderName: `#${orderNumber}`,
			cause,
			occurredAt,
			reference: `Shopify #${orderNumber} line ${index + 1}`,
		};
	});
	return { id: orderId, legacyId: orderLegacy, name: `#${orderNumber}`, stockChanges: stockChanges as unknown as IDataObject[], ...extra };
}

export async function runInventory(sim: PosSimulator, parameters: INodeParameters, input: IDataObject[], extra: { staticData?: IDataObject; continueOnFail?: boolean; token?: string; mode?: WorkflowExecuteMode } = {}): Promise<EngineRun> {
	return await runNode({
		nodeType: PosInventory,
		parameters: { vendor: 'square', locationId: LOCATION, ...parameters, options: { requestsPerSecond: 0, initialDelaySeconds: 0.01, maxDelaySeconds: 0.05, maxTotalWaitSeconds: 2, ...((parameters.options as IDataObject) ?? {}) } },
		input,
		credentials: { posApi: squareCredentials(sim, extra.token) as never },
		credentialTypes: [PosApi],
		staticData: extra.staticData,
		continueOnFail: extra.continueOnFail,
		mode: extra.mode,
	});
}

/** Square API calls the simulator received (the control API under /_pos/ is not logged). */
export function squareCalls(sim: PosSimulator, path?: string): number {
	return sim.requests.filter((request) => request.path.startsWith('/v2/') && (path === undefined || request.path === path)).length;
}
