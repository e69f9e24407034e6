import { InputError } from '../../packageError';
import type { VendorSettings } from '../inventory/inventoryVendor';

/**
 * What a Lightspeed X sale for Shopify is booked under (POS-VENDORS.md 6, Lightspeed X): a dedicated
 * register, a user, a "Shopify" payment type and the tax Shopify's tax is booked as, plus the product a
 * shipping charge is sold as. The register also tells this package's sales from the shop's own: Get Stock
 * Changes leaves every sale on it out. `apiVersion` is the date-versioned API's `YYYY-MM` (each is supported
 * at least 12 months, https://x-series-api.lightspeedhq.com/docs/versioning-strategy).
 */
export interface LightspeedSaleSettings {
	apiVersion: string;
	registerId: string;
	userId: string;
	paymentTypeId: string;
	taxId: string;
	/** Empty: an order with shipping is refused (Lightspeed sells only products). */
	shippingProductId: string;
}

export const DEFAULT_API_VERSION = '2026-04';

/** The node's field for each setting, as the shop owner sees it in errors. */
const FIELDS: Record<Exclude<keyof LightspeedSaleSettings, 'apiVersion' | 'shippingProductId'>, string> = {
	registerId: 'Sales Register ID',
	userId: 'Sales User ID',
	paymentTypeId: 'Payment Type ID',
	taxId: 'Tax ID',
};

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** The settings a write needs; a missing one is an error naming the field and where to find its value. */
export function saleSettingsOf(settings: VendorSettings): LightspeedSaleSettings {
	const read = {
		apiVersion: text(settings.apiVersion) || DEFAULT_API_VERSION,
		registerId: text(settings.registerId),
		userId: text(settings.userId),
		paymentTypeId: text(settings.paymentTypeId),
		taxId: text(settings.taxId),
		shippingProductId: text(settings.shippingProductId),
	};
	if (!/^\d{4}-\d{2}$/.test(read.apiVersion)) throw new InputError(`API Version "${read.apiVersion}" is not a Lightspeed date version (YYYY-MM, e.g. ${DEFAULT_API_VERSION}).`, 'INVALID_SETTING');
	const missing = Object.entries(FIELDS).filter(([name]) => read[name as keyof typeof FIELDS] === '').map(([, field]) => field);
	if (missing.length > 0) {
		throw new InputError(
			`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} empty: run the List Locations operation once; its output lists the outlet's registers, users, payment types and taxes with their IDs.`,
			'MISSING_SETTING',
		);
	}
	return read;
}

/** The register whose sales are this package's own: without it, reading changes back would send Shopify's own sales back to Shopify. */
export function salesRegisterOf(settings: VendorSettings): string {
	const registerId = text(settings.registerId);
	if (registerId === '') {
		throw new InputError(
			'Sales Register ID is empty: Get Stock Changes leaves out the sales on that register (the ones this package made for Shopify orders). Enter the same register as in the node that records Shopify orders.',
			'MISSING_SETTING',
		);
	}
	return registerId;
}
