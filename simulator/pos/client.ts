import * as http from 'node:http';
import type { PosSimulatorConfig } from './config';
import type { OutageSpec, PosFaultSpec } from './faults';
import type { LoggedRequest } from './posSimulator';
import type { CloverItemSeed } from './flavours/clover/items';
import type { CloverRegisterLine } from './flavours/clover/register';
import type { CloverSettings } from './flavours/clover/settings';
import type { CloverSimulation } from './flavours/clover/simulation';
import type { LightspeedProductSeed } from './flavours/lightspeedX/products';
import type { RegisterSaleRequest, StocktakeRequest } from './flavours/lightspeedX/register';
import type { LightspeedSimulation } from './flavours/lightspeedX/simulation';
import type { LightspeedWebhook, LightspeedWebhookSettings, LightspeedWebhookType } from './flavours/lightspeedX/webhooks';
import type { InventoryRecord } from './flavours/lightspeedX/inventory';
import type { LoyverseItemSeed } from './flavours/loyverse/catalog';
import type { InventoryLevel } from './flavours/loyverse/inventory';
import type { LoyverseSettings } from './flavours/loyverse/settings';
import type { LoyverseSimulation } from './flavours/loyverse/simulation';
import type { LoyverseWebhookType } from './flavours/loyverse/webhooks';
import type { SquareItemSeed } from './flavours/square/catalog';
import type { SquareLocationSeed } from './flavours/square/locations';
import type { SquareWebhookDelivery, SquareWebhookKnobs, SquareWebhookSubscription } from './flavours/square/webhooks';
import type { CatalogVariation, StoredOrder } from './store';
import type { OAuth2Log } from './oauth2Server';

export interface PosSimulatorState {
	orders: StoredOrder[];
	stock: Record<string, Record<string, number>>;
	catalog: Array<Omit<CatalogVariation, 'sku' | 'priceAmount' | 'currency'> & { sku: string | null; priceAmount: number | null; currency: string | null }>;
	/** Square's counts as InventoryCount objects (catalog_object_id, location_id, state, quantity, calculated_at). */
	square: { locations: string[]; counts: Array<Record<string, unknown>> };
	clover: CloverState;
	lightspeed: LightspeedState;
	loyverse: LoyverseState;
}

/** The Lightspeed retailer: setup, products (2.0 shape), inventory records, sales (2.0 shape), webhooks and deliveries. */
export type LightspeedState = ReturnType<LightspeedSimulation['state']>;

/** The Loyverse merchant: settings, stores, payment types, items, levels, receipts, webhooks and deliveries. */
export type LoyverseState = ReturnType<LoyverseSimulation['state']>;

type Json = Record<string, any>;

/** The Clover merchant: merchant, settings, items, stocks, orders (lineItems expanded), webhook and deliveries. */
export type CloverState = ReturnType<CloverSimulation['state']>;

/** Typed client for the simulator's control API, for tests and scripts that run it in another process. */
export class PosSimulatorClient {
	constructor(readonly origin: string) {}

	private call<T>(method: string, path: string, body?: unknown): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			const text = body === undefined ? undefined : JSON.stringify(body);
			const request = http.request(
				new URL(path, this.origin),
				{ method, headers: text === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) } },
				(response) => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('end', () => {
						const answer = Buffer.concat(chunks).toString('utf8');
						if ((response.statusCode ?? 500) >= 300) return reject(new Error(`POS simulator ${method} ${path}: ${response.statusCode} ${answer}`));
						resolve(JSON.parse(answer) as T);
					});
				},
			);
			request.on('error', reject);
			if (text !== undefined) request.write(text);
			request.end();
		});
	}

	state = () => this.call<PosSimulatorState>('GET', '/_pos/state');
	requests = async () => (await this.call<{ requests: LoggedRequest[] }>('GET', '/_pos/requests')).requests;
	clearRequests = () => this.call<void>('DELETE', '/_pos/requests');
	configure = (config: Partial<PosSimulatorConfig>) => this.call<PosSimulatorConfig>('PUT', '/_pos/config', config);
	fault = (spec: PosFaultSpec | PosFaultSpec[]) => this.call<{ pending: PosFaultSpec[] }>('POST', '/_pos/faults', spec);
	clearFaults = () => this.call<void>('DELETE', '/_pos/faults');
	outage = (spec: OutageSpec) => this.call<{ from: number | null; until: number | null }>('POST', '/_pos/outage', spec);
	outageStatus = () => this.call<{ active: 'http503' | 'drop' | null; endsAt: number | null }>('GET', '/_pos/outage');
	setStock = (locationId: string, item: string, quantity: number) => this.call<void>('PUT', '/_pos/stock', { locationId, item, quantity });
	addCatalog = (variations: CatalogVariation[]) => this.call<void>('POST', '/_pos/catalog', { variations });
	reset = () => this.call<void>('POST', '/_pos/reset');
	oauth2Log = () => this.call<OAuth2Log>('GET', '/_pos/oauth2');
	expireAccessTokens = () => this.call<void>('POST', '/_pos/oauth2/expire');
	holdTokenRequests = (refused: number) => this.call<void>('POST', '/_pos/oauth2/hold', { refused });

	// Square (flavours/square/control.ts)
	squareCatalog = async (items: SquareItemSeed[]) => (await this.call<{ objects: Array<Record<string, unknown>> }>('POST', '/_pos/square/catalog', { items })).objects;
	squareLocations = async (locations: SquareLocationSeed[]) => (await this.call<{ locations: Array<{ id: string; name: string }> }>('POST', '/_pos/square/locations', { locations })).locations;
	/** A register sale `{location_id, lines}`, or a recount / receive / damage `{location_id, catalog_object_id, quantity}`. */
	squareActivity = (action: 'sale' | 'recount' | 'receive' | 'damage', body: Record<string, unknown>) => this.call<Record<string, any>>('POST', `/_pos/square/register/${action}`, body);
	squareSubscribe = (subscription: Omit<SquareWebhookSubscription, 'id'> & { id?: string }) => this.call<SquareWebhookSubscription>('POST', '/_pos/square/webhooks/subscriptions', subscription);
	squareWebhookKnobs = (knobs: Partial<SquareWebhookKnobs>) => this.call<SquareWebhookKnobs>('PUT', '/_pos/square/webhooks/knobs', knobs);
	squareDeliverWebhooks = () => this.call<{ attempted: Array<{ id: number; eventId: string; kind: string; status: string; outcome: number | string }> }>('POST', '/_pos/square/webhooks/deliver');
	squareDeliveries = async () => (await this.call<{ deliveries: SquareWebhookDelivery[] }>('GET', '/_pos/square/webhooks/deliveries')).deliveries;

	// Lightspeed X-Series (flavours/lightspeedX/control.ts); products and sales in the 2.0 shape
	lightspeedProducts = async (products: LightspeedProductSeed[]) => (await this.call<{ products: Json[] }>('POST', '/_pos/lightspeed/products', { products })).products;
	lightspeedRegisterSale = async (sale: RegisterSaleRequest) => (await this.call<{ sale: Json }>('POST', '/_pos/lightspeed/register/sale', sale)).sale;
	lightspeedVoidSale = async (saleId: string) => (await this.call<{ sale: Json }>('POST', `/_pos/lightspeed/sales/${encodeURIComponent(saleId)}/void`)).sale;
	lightspeedStocktake = async (stocktake: StocktakeRequest) => (await this.call<{ inventory: InventoryRecord[] }>('POST', '/_pos/lightspeed/stocktake', stocktake)).inventory;
	lightspeedSubscribe = (webhook: { url: string; type: LightspeedWebhookType }) => this.call<LightspeedWebhook>('POST', '/_pos/lightspeed/webhooks', webhook);
	lightspeedWebhooks = async () => (await this.call<{ webhooks: LightspeedWebhook[] }>('GET', '/_pos/lightspeed/webhooks')).webhooks;
	lightspeedClearWebhooks = () => this.call<void>('DELETE', '/_pos/lightspeed/webhooks');
	lightspeedWebhookSettings = (settings: Partial<LightspeedWebhookSettings>) => this.call<LightspeedWebhookSettings>('PUT', '/_pos/lightspeed/webhooks/settings', settings);
	lightspeedDeliverWebhooks = () => this.call<{ attempted: Array<{ id: number; type: LightspeedWebhookType; kind: string; url: string; status: string; outcome: number | string }> }>('POST', '/_pos/lightspeed/webhooks/deliver');
	lightspeedState = () => this.call<LightspeedState>('GET', '/_pos/lightspeed/state');

	// Clover (flavours/clover/control.ts); items, stocks and orders in Clover's shapes
	cloverItems = async (items: CloverItemSeed[]) => (await this.call<{ elements: Array<Record<string, any>> }>('POST', '/_pos/clover/items', { items })).elements;
	cloverRegisterSale = (lines: CloverRegisterLine[]) => this.call<Record<string, any>>('POST', '/_pos/clover/register/sale', { lines });
	cloverRegisterRefund = (orderId: string, lineItemIds?: string[]) => this.call<Record<string, any>>('POST', '/_pos/clover/register/refund', { orderId, lineItemIds });
	cloverRecount = async (counts: CloverRegisterLine[]) => (await this.call<{ elements: Array<Record<string, any>> }>('POST', '/_pos/clover/recount', { counts })).elements;
	cloverSettings = (settings: Partial<CloverSettings>) => this.call<CloverSettings>('PUT', '/_pos/clover/settings', settings);
	cloverState = () => this.call<CloverState>('GET', '/_pos/clover/state');
	cloverWebhook = (url: string) => this.call<{ url: string; verified: boolean; verificationOutcome: number | string }>('POST', '/_pos/clover/webhooks', { url });
	cloverVerifyWebhook = (code: string) => this.call<{ verified: true; authCode: string }>('POST', '/_pos/clover/webhooks/verify', { code });
	cloverDeliverWebhooks = () => this.call<{ attempted: Array<{ id: number; kind: string; status: string; outcome: number | string }> }>('POST', '/_pos/clover/webhooks/deliver');

	// Loyverse (flavours/loyverse/control.ts); items, receipts and levels in Loyverse's shapes
	loyverseItems = async (items: LoyverseItemSeed[]) => (await this.call<{ items: Json[] }>('POST', '/_pos/loyverse/items', { items })).items;
	loyverseDelete = async (itemOrVariantId: string) => (await this.call<{ item: Json }>('DELETE', `/_pos/loyverse/items/${encodeURIComponent(itemOrVariantId)}`)).item;
	loyverseStores = async (stores: Array<{ name: string }>) => (await this.call<{ stores: Json[] }>('POST', '/_pos/loyverse/stores', { stores })).stores;
	loyverseRegisterSale = async (sale: { lines: Array<{ sku?: string; variantId?: string; quantity: number }>; storeId?: string }) => (await this.call<{ receipt: Json }>('POST', '/_pos/loyverse/register/sale', sale)).receipt;
	loyverseRegisterRefund = async (refund: { receiptNumber: string; lines?: Array<{ sku?: string; variantId?: string; quantity: number }> }) => (await this.call<{ receipt: Json }>('POST', '/_pos/loyverse/register/refund', refund)).receipt;
	loyverseRecount = async (recount: { counts: Array<{ sku?: string; variantId?: string; count: number }>; storeId?: string }) => (await this.call<{ inventory_levels: InventoryLevel[] }>('POST', '/_pos/loyverse/recount', recount)).inventory_levels;
	loyverseSettings = (settings: Partial<LoyverseSettings>) => this.call<LoyverseSettings>('PUT', '/_pos/loyverse/settings', settings);
	loyverseDeliverWebhooks = () => this.call<{ attempted: Array<{ id: number; type: LoyverseWebhookType; kind: string; url: string; status: string; outcome: number | string }> }>('POST', '/_pos/loyverse/webhooks/deliver');
	loyverseState = () => this.call<LoyverseState>('GET', '/_pos/loyverse/state');
}
