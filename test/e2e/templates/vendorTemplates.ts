import type { PosSimulator } from '../../../simulator/pos/posSimulator';
import type { StoredOrder } from '../../../simulator/pos/store';

/** A Shopify order as the test created it, in the terms a POS body is checked against. */
export interface PlacedOrder {
	legacyId: string;
	name: string;
	currency: string;
	lines: Array<{ sku: string | null; title: string; quantity: number; unitMinor: number; unitAmount: string }>;
}

/**
 * One template that records each Shopify order through POS HTTP Request, and how its vendor's record looks in
 * the POS simulator. The vendors' templates go through the POS node instead:
 * test/e2e/squareLoop.test.ts, lightspeedLoop.test.ts, loyverseLoop.test.ts, cloverLoop.test.ts.
 */
export interface VendorTemplate {
	file: string;
	slug: string;
	flavour: StoredOrder['flavour'];
	/** The credential's fixed headers the vendor requires. */
	extraHeaders: string;
	/** The credential's Test Path: the vendor's cheap GET (templates/README.md). */
	testPath: string;
	/** The request path the template creates orders at. */
	createPath: RegExp;
	/** The POS records made for this Shopify order. */
	recordsOf(pos: PosSimulator, order: PlacedOrder): StoredOrder[];
	/** The lines of a record, reduced to what every vendor carries: SKU (or name), quantity, unit price in minor units. */
	linesOf(record: StoredOrder): Array<{ sku: string | null; quantity: number; unitMinor: number }>;
	/** The idempotency key or external reference the vendor dedupes on. */
	dedupeKeyOf(record: StoredOrder): string | null;
	expectedDedupeKey(order: PlacedOrder): string;
}

const byFlavour = (pos: PosSimulator, flavour: StoredOrder['flavour']) => pos.store.orders.filter((order) => order.flavour === flavour);
type Json = Record<string, unknown>;
const body = (record: StoredOrder) => record.body as Json;

export const VENDOR_TEMPLATES: VendorTemplate[] = [
	{
		file: 'generic-rest.json',
		slug: 'generic',
		flavour: 'generic',
		extraHeaders: '',
		testPath: '/api/stock',
		createPath: /^\/api\/orders$/,
		recordsOf: (pos, order) => byFlavour(pos, 'generic').filter((record) => record.externalRef === `shopify-${order.legacyId}`),
		linesOf: (record) =>
			(body(record).lines as Json[]).map((line) => ({ sku: (line.sku as string) || null, quantity: line.quantity as number, unitMinor: line.unitPrice as number })),
		dedupeKeyOf: (record) => record.idempotencyKey,
		expectedDedupeKey: (order) => `shopify-${order.legacyId}`,
	},
];
