import type { OrderInput, OrderUpdate } from '../store/orderInput';
import type { CancelReason } from '../store/records';
import type { SeedOptions, SeedSummary } from '../store/seed';
import type {
	ControlInventoryLevel,
	ControlOrder,
	FaultSpec,
	InventoryQuery,
	RequestLogEntry,
	SetInventoryRequest,
	SimulatorConfig,
	ThrottleStatus,
} from './controlTypes';
import type { AppliedInventoryChange, ScheduledInventoryChange } from './inventorySchedule';
import type { DeliveryRecord, SubscriptionRecord, WebhookChaos, WebhookSettings } from '../webhooks/webhookService';

export class SimulatorControlError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

/** A typed client for the simulator's control API; works against an in-process or a separate simulator. */
export class ShopifySimulatorControl {
	constructor(private readonly baseUrl: string) {}

	private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.baseUrl}/_sim${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		const parsed = text ? (JSON.parse(text) as unknown) : undefined;
		if (!response.ok)
			throw new SimulatorControlError(response.status, (parsed as { error?: string } | undefined)?.error ?? text);
		return parsed as T;
	}

	reset(seed?: SeedOptions | false): Promise<SeedSummary | { ok: true }> {
		return this.call('POST', '/reset', seed === undefined ? {} : { seed });
	}

	seed(options: SeedOptions = {}): Promise<SeedSummary> {
		return this.call('POST', '/seed', options);
	}

	createOrder(input: OrderInput): Promise<ControlOrder> {
		return this.call('POST', '/orders', input);
	}

	getOrder(id: string): Promise<ControlOrder> {
		return this.call('GET', `/orders/${encodeURIComponent(id)}`);
	}

	updateOrder(id: string, changes: OrderUpdate): Promise<ControlOrder> {
		return this.call('PATCH', `/orders/${encodeURIComponent(id)}`, changes);
	}

	/** Deletes the order (Shopify's orderDelete); answers with the order as it was. */
	deleteOrder(id: string): Promise<ControlOrder> {
		return this.call('DELETE', `/orders/${encodeURIComponent(id)}`);
	}

	payOrder(id: string): Promise<ControlOrder> {
		return this.call('POST', `/orders/${encodeURIComponent(id)}/pay`, {});
	}

	cancelOrder(id: string, options: { reason?: CancelReason; restock?: boolean } = {}): Promise<ControlOrder> {
		return this.call('POST', `/orders/${encodeURIComponent(id)}/cancel`, options);
	}

	/** Fulfils everything left, or only the given lines (then Shopify calls it a partial fulfilment). */
	fulfillOrder(id: string, lineItems?: Array<{ lineItemId: string; quantity?: number }>): Promise<ControlOrder> {
		return this.call('POST', `/orders/${encodeURIComponent(id)}/fulfill`, lineItems ? { lineItems } : {});
	}

	inventory(query: InventoryQuery = {}): Promise<ControlInventoryLevel[]> {
		const params = new URLSearchParams(query as Record<string, string>).toString();
		return this.call('GET', `/inventory${params ? `?${params}` : ''}`);
	}

	/** The quantity of one name at one location for a SKU (first item with that SKU). */
	async quantity(sku: string, locationId: string, name = 'available'): Promise<number> {
		const [level] = await this.inventory({ sku, locationId });
		if (!level) throw new SimulatorControlError(404, `no inventory level for SKU ${sku} at ${locationId}`);
		return level.quantities[name];
	}

	setInventory(change: SetInventoryRequest): Promise<ControlInventoryLevel[]> {
		return this.call('PUT', '/inventory', change);
	}

	/** Stock changes applied just before the nth request of an operation (a sale between a read and a write). */
	scheduleInventoryChanges(changes: ScheduledInventoryChange | ScheduledInventoryChange[]): Promise<{ pending: ScheduledInventoryChange[]; applied: AppliedInventoryChange[] }> {
		return this.call('POST', '/inventory/scheduled', changes);
	}

	scheduledInventoryChanges(): Promise<{ pending: ScheduledInventoryChange[]; applied: AppliedInventoryChange[] }> {
		return this.call('GET', '/inventory/scheduled');
	}

	requests(since = 0): Promise<RequestLogEntry[]> {
		return this.call('GET', `/requests?since=${since}`);
	}

	clearRequests(): Promise<{ ok: true }> {
		return this.call('DELETE', '/requests');
	}

	injectFaults(faults: FaultSpec | FaultSpec[]): Promise<FaultSpec[]> {
		return this.call('POST', '/faults', faults);
	}

	pendingFaults(): Promise<FaultSpec[]> {
		return this.call('GET', '/faults');
	}

	clearFaults(): Promise<{ ok: true }> {
		return this.call('DELETE', '/faults');
	}

	expireTokens(): Promise<{ expired: number }> {
		return this.call('POST', '/tokens/expire', {});
	}

	config(): Promise<SimulatorConfig> {
		return this.call('GET', '/config');
	}

	configure(change: Partial<SimulatorConfig>): Promise<SimulatorConfig> {
		return this.call('PUT', '/config', change);
	}

	throttleStatus(): Promise<ThrottleStatus> {
		return this.call('GET', '/throttle');
	}

	webhookSubscriptions(): Promise<SubscriptionRecord[]> {
		return this.call('GET', '/webhooks/subscriptions');
	}

	/** Subscriptions the shop deleted after their deliveries kept failing. */
	removedWebhookSubscriptions(): Promise<SubscriptionRecord[]> {
		return this.call('GET', '/webhooks/removed');
	}

	webhookDeliveries(): Promise<DeliveryRecord[]> {
		return this.call('GET', '/webhooks/deliveries');
	}

	/** e.g. { retryDelaysMs: [10, 10, 10, 10, 10, 10, 10, 10], timeoutMs: 500 } to compress Shopify's schedule */
	configureWebhooks(settings: Partial<WebhookSettings>): Promise<WebhookSettings> {
		return this.call('PUT', '/webhooks/settings', settings);
	}

	/** Duplicate, drop or reorder the next N deliveries. */
	webhookChaos(chaos: Partial<WebhookChaos>): Promise<WebhookChaos> {
		return this.call('POST', '/webhooks/chaos', chaos);
	}

	releaseHeldWebhooks(): Promise<{ released: number }> {
		return this.call('POST', '/webhooks/release', {});
	}

	/** Waits until no delivery is in flight or waiting for a retry; returns every delivery so far. */
	settleWebhooks(timeoutMs = 10000): Promise<{ settled: boolean; deliveries: DeliveryRecord[] }> {
		return this.call('POST', '/webhooks/settle', { timeoutMs });
	}

	/** Sets the bucket's available points (e.g. 0 to make the next query THROTTLED). */
	setAvailablePoints(currentlyAvailable: number): Promise<ThrottleStatus> {
		return this.call('PUT', '/throttle', { currentlyAvailable });
	}
}
