/**
 * The Clover flavour's knobs: merchant settings a shop can change, and the behaviours Clover's documentation
 * leaves open (each listed in README.md under "Not simulated, or not confirmed"), so tests can run both ways.
 */
export interface CloverSettings {
	/** Whether `sku` is an allowed item filter (UNCONFIRMED); off: missing from the header, `filter=sku=` refused. */
	itemSkuFilter: boolean;
	/** Whether an order created through the REST API (atomic or custom) moves stock (UNCONFIRMED). */
	apiOrdersMoveStock: boolean;
	/** The merchant setting "Update item count after each sale": register sales and refunds move stock. */
	updateStockOnSale: boolean;
	/** Which webhook a stock change sends: `I` (today), `IS` (announced split), or both. */
	itemStockEvents: 'I' | 'IS' | 'both';
	/** Whether a stock change also moves the item's own `modifiedTime` (UNCONFIRMED). */
	stockTouchesItem: boolean;
	/**
	 * Whether a merchant id other than the seeded one answers 401 (Clover does). Off until an item is
	 * seeded or the setting is given, so requests to any merchant id reach the one simulated merchant.
	 */
	checkMerchantId: boolean;
	/** Clover's per-token limits: 16 requests per second and 5 concurrent requests (default off). */
	rateLimits: boolean;
	/** Deliver webhooks shortly after events and retry on timers (for a running n8n); off = tests call deliver. */
	autoDeliver: boolean;
	/** Share of events (0..1) never delivered. */
	dropShare: number;
	/** Share of successful deliveries sent a second time, unchanged. */
	duplicateShare: number;
	/** Share of deliveries followed by a forged copy: a wrong `X-Clover-Auth`, another item id. */
	forgeShare: number;
	/** Seeds the drop / duplicate / forge choices. */
	seed: number;
	/** Minutes between a failed delivery and its retries (UNCONFIRMED: Clover documents none); [] = no retry. */
	retryScheduleMinutes: number[];
}

export const DEFAULT_SETTINGS: CloverSettings = {
	itemSkuFilter: true,
	apiOrdersMoveStock: false,
	updateStockOnSale: true,
	itemStockEvents: 'I',
	stockTouchesItem: false,
	checkMerchantId: false,
	rateLimits: false,
	autoDeliver: false,
	dropShare: 0,
	duplicateShare: 0,
	forgeShare: 0,
	seed: 1,
	retryScheduleMinutes: [1, 5, 15, 60],
};
