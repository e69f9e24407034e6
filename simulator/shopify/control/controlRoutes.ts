import type * as http from 'node:http';
import { sendJson } from '../http/jsonResponse';
import type { ShopifySimulator } from '../simulator';
import type { FaultSpec } from '../faults';
import { OrderActions } from '../store/orderActions';
import { OrderInputError } from '../store/orderFactory';
import type { OrderInput, OrderUpdate } from '../store/orderInput';
import { orderTotals } from '../store/orderTotals';
import type { CancelReason, OrderRecord, StoredQuantityName } from '../store/records';
import { STORED_QUANTITY_NAMES } from '../store/records';
import { seedStore, type SeedOptions } from '../store/seed';
import { gid, ShopStore } from '../store/shopStore';
import type { ControlInventoryLevel, ControlOrder, InventoryQuery, SetInventoryRequest } from './controlTypes';

export const CONTROL_PREFIX = '/_sim';

class ControlError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

function json(body: Buffer): Record<string, unknown> {
	if (body.length === 0) return {};
	try {
		return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
	} catch {
		throw new ControlError(400, 'the control API expects a JSON body');
	}
}

export function controlOrder(order: OrderRecord): ControlOrder {
	return { ...order, totals: orderTotals(order, true) };
}

function orderGid(raw: string): string {
	const decoded = decodeURIComponent(raw);
	return decoded.startsWith('gid://') ? decoded : gid('Order', decoded);
}

export function inventoryLevels(simulator: ShopifySimulator, query: InventoryQuery): ControlInventoryLevel[] {
	const store = simulator.store;
	const levels: ControlInventoryLevel[] = [];
	for (const item of store.inventoryItems.values()) {
		if (query.sku !== undefined && item.sku !== query.sku) continue;
		if (query.inventoryItemId !== undefined && item.id !== query.inventoryItemId) continue;
		for (const level of item.levels.values()) {
			if (query.locationId !== undefined && level.locationId !== query.locationId) continue;
			const quantities: Record<string, number> = {};
			for (const name of [...STORED_QUANTITY_NAMES, 'on_hand']) quantities[name] = ShopStore.quantity(level, name);
			levels.push({
				inventoryItemId: item.id,
				variantId: item.variantId,
				sku: item.sku,
				locationId: level.locationId,
				locationName: store.locations.get(level.locationId)?.name ?? '',
				quantities,
				updatedAt: level.updatedAt,
			});
		}
	}
	return levels;
}

/** Hooks other feature modules add to reset (webhooks, bulk operations, idempotency records). */
export type ResetHook = () => void;

export function mountControlRoutes(simulator: ShopifySimulator, resetHooks: ResetHook[]): OrderActions {
	const actions = new OrderActions(simulator.store);
	simulator.addRoute(async (request: http.IncomingMessage, response: http.ServerResponse, url: URL, body: Buffer) => {
		if (!url.pathname.startsWith(`${CONTROL_PREFIX}/`)) return false;
		const path = url.pathname.slice(CONTROL_PREFIX.length);
		const method = request.method ?? 'GET';
		try {
			const result = await route(method, path, url, body);
			if (result === undefined) return false;
			sendJson(response, 200, result);
		} catch (error) {
			const status = error instanceof ControlError ? error.status : error instanceof OrderInputError ? 422 : 500;
			sendJson(response, status, { error: (error as Error).message });
		}
		return true;
	});

	async function route(method: string, path: string, url: URL, body: Buffer): Promise<unknown> {
		const store = simulator.store;
		if (method === 'GET' && path === '/health') return { ok: true };
		if (method === 'POST' && path === '/reset') {
			const options = json(body) as { seed?: SeedOptions | false };
			simulator.log.clear();
			simulator.faults.clear();
			simulator.bucket.drainTo(simulator.config.maximumAvailable);
			simulator.idempotency.clear();
			simulator.inventorySchedule.clear();
			for (const hook of resetHooks) hook();
			if (options.seed === false) store.reset();
			else return seedStore(store, options.seed ?? {});
			return { ok: true };
		}
		if (method === 'POST' && path === '/seed') {
			for (const hook of resetHooks) hook();
			return seedStore(store, json(body) as SeedOptions);
		}
		if (method === 'POST' && path === '/orders') return controlOrder(actions.create(json(body) as unknown as OrderInput));
		const orderPath = /^\/orders\/([^/]+)(?:\/(pay|cancel|fulfill))?$/.exec(path);
		if (orderPath) {
			const id = orderGid(orderPath[1]);
			if (method === 'GET' && !orderPath[2]) {
				const order = store.orders.get(id);
				if (!order) throw new ControlError(404, `order ${id} does not exist`);
				return controlOrder(order);
			}
			if (method === 'PATCH' && !orderPath[2]) return controlOrder(actions.update(id, json(body) as OrderUpdate));
			if (method === 'DELETE' && !orderPath[2]) return controlOrder(actions.delete(id));
			if (method === 'POST' && orderPath[2] === 'pay') return controlOrder(actions.pay(id));
			if (method === 'POST' && orderPath[2] === 'fulfill')
				return controlOrder(actions.fulfill(id, (json(body) as { lineItems?: Array<{ lineItemId: string; quantity?: number }> }).lineItems));
			if (method === 'POST' && orderPath[2] === 'cancel')
				return controlOrder(actions.cancel(id, json(body) as { reason?: CancelReason; restock?: boolean }));
		}
		if (method === 'GET' && path === '/inventory') {
			const query: InventoryQuery = {};
			for (const key of ['sku', 'inventoryItemId', 'locationId'] as const) {
				const value = url.searchParams.get(key);
				if (value !== null) query[key] = value;
			}
			return inventoryLevels(simulator, query);
		}
		if (method === 'PUT' && path === '/inventory') {
			const change = json(body) as unknown as SetInventoryRequest;
			const item = change.inventoryItemId
				? store.inventoryItems.get(change.inventoryItemId)
				: store.variantsWithSku(change.sku ?? '').map((v) => store.inventoryItems.get(v.inventoryItemId))[0];
			if (!item) throw new ControlError(404, `no inventory item ${change.inventoryItemId ?? `with SKU ${change.sku}`}`);
			if (!store.locations.has(change.locationId)) throw new ControlError(404, `location ${change.locationId} does not exist`);
			const level = store.ensureLevel(item, change.locationId);
			for (const [name, value] of Object.entries(change.quantities ?? {})) {
				if (!STORED_QUANTITY_NAMES.includes(name as StoredQuantityName))
					throw new ControlError(400, `"${name}" cannot be set directly; use one of ${STORED_QUANTITY_NAMES.join(', ')}`);
				level.quantities[name as StoredQuantityName] = value;
			}
			level.updatedAt = store.nowIso();
			return inventoryLevels(simulator, { inventoryItemId: item.id, locationId: change.locationId });
		}
		if (method === 'GET' && path === '/requests') return simulator.log.list(Number(url.searchParams.get('since') ?? 0));
		if (method === 'DELETE' && path === '/requests') {
			simulator.log.clear();
			return { ok: true };
		}
		if (path === '/faults') {
			if (method === 'GET') return simulator.faults.pending();
			if (method === 'DELETE') {
				simulator.faults.clear();
				return { ok: true };
			}
			if (method === 'POST') {
				const parsed = JSON.parse(body.toString('utf8') || '[]') as FaultSpec | FaultSpec[];
				for (const spec of Array.isArray(parsed) ? parsed : [parsed]) simulator.faults.add(spec);
				return simulator.faults.pending();
			}
		}
		if (method === 'POST' && path === '/tokens/expire') return { expired: simulator.tokens.expireIssued() };
		if (path === '/config') {
			if (method === 'GET') return simulator.config;
			if (method === 'PUT') return simulator.applyConfig(json(body));
		}
		if (path === '/throttle') {
			if (method === 'GET') return simulator.bucket.status();
			if (method === 'PUT') {
				const { currentlyAvailable } = json(body) as { currentlyAvailable: number };
				simulator.bucket.drainTo(currentlyAvailable);
				return simulator.bucket.status();
			}
		}
		return undefined;
	}
	return actions;
}
