import { createHash } from 'node:crypto';

/**
 * The invoice number this package gives each Lightspeed X sale it makes, so a re-send finds the sale instead
 * of making a second one (Lightspeed documents no idempotency on sale create: POS-VENDORS.md 2.3): from
 * Shopify ids only, never time or randomness. Whether a sale created through the API keeps the invoice
 * number sent, and whether `/api/2.0/search?type=sales&invoice_number=` finds it, is unconfirmed: the
 * template's "Before going live" note says how to check both.
 */
export const INVOICE_PREFIX = 'SHOPIFY-';

/** A recorded Shopify order: `SHOPIFY-<order id>`. */
export function orderInvoiceNumber(orderLegacyId: string): string {
	return `${INVOICE_PREFIX}${orderLegacyId}`;
}

/** A stock-only sale for Shopify stock changes at an outlet: `SHOPIFY-S-<hash of the outlet and change keys>`. */
export function stockInvoiceNumber(outletId: string, changeKeys: string[]): string {
	const digest = createHash('sha256').update([outletId, ...changeKeys].join('\n'), 'utf8').digest('hex');
	return `${INVOICE_PREFIX}S-${digest.slice(0, 24)}`;
}

export function isOwnInvoice(invoiceNumber: unknown): boolean {
	return typeof invoiceNumber === 'string' && invoiceNumber.startsWith(INVOICE_PREFIX);
}
