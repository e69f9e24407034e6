import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { InventoryVendor, VendorSettings } from '../../lib/pos/inventory/inventoryVendor';
import { DEFAULT_API_VERSION } from '../../lib/pos/lightspeedX/saleSettings';

/**
 * Settings only one vendor has, shown only for it: Lightspeed X books Shopify orders as sales on a register,
 * by a user, with a payment type and a tax (lib/pos/lightspeedX/saleSettings.ts), and reads changes back
 * leaving that register's sales out.
 */
const LIGHTSPEED = 'lightspeedX';
const WRITES = ['moveStock', 'recordOrders'];

const shownFor = (operations: string[]) => ({ show: { vendor: [LIGHTSPEED], operation: operations } });

export const vendorSettingsProperties: INodeProperties[] = [
	{
		displayName: 'Sales Register ID',
		name: 'lightspeedRegisterId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: shownFor([...WRITES, 'getStockChanges']),
		description:
			'A register of this outlet kept for Shopify sales (create one, e.g. "Online Sales (Shopify)"). Shopify orders are sold on it, and Get Stock Changes leaves its sales out, so they never come back to Shopify. List Locations shows the IDs.',
	},
	{
		displayName: 'Sales User ID',
		name: 'lightspeedUserId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: shownFor(WRITES),
		description: 'The Lightspeed user the sales are made by (e.g. a user named "Shopify Sync"). List Locations shows the IDs.',
	},
	{
		displayName: 'Payment Type ID',
		name: 'lightspeedPaymentTypeId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: shownFor(WRITES),
		description: 'The payment type the sales are paid with: create one named "Shopify" in Lightspeed (Setup → Payment Types). List Locations shows the IDs.',
	},
	{
		displayName: 'Tax ID',
		name: 'lightspeedTaxId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: shownFor(WRITES),
		description: "The Lightspeed tax Shopify's tax is booked under; the amount is always what Shopify charged. List Locations shows the IDs.",
	},
	{
		displayName: 'Shipping Product ID',
		name: 'lightspeedShippingProductId',
		type: 'string',
		default: '',
		displayOptions: shownFor(['recordOrders']),
		description: 'A Lightspeed product (without inventory) that shipping is sold as. Empty: orders that charged shipping go to Failed / Not Mapped.',
	},
	{
		displayName: 'API Version',
		name: 'lightspeedApiVersion',
		type: 'string',
		default: DEFAULT_API_VERSION,
		displayOptions: shownFor(WRITES),
		description: "Lightspeed's date-versioned API the sales are made through (YYYY-MM). Each version is supported at least 12 months: move to a newer one once a year.",
	},
];

/** The vendor's settings as entered (empty for a vendor that has none); the vendor checks them. */
export function readVendorSettings(context: IExecuteFunctions, vendor: InventoryVendor): VendorSettings {
	if (vendor.id !== LIGHTSPEED) return {};
	const value = (name: string) => {
		const property = vendorSettingsProperties.find((candidate) => candidate.name === name);
		const shown = property?.displayOptions?.show?.operation as string[] | undefined;
		return shown && !shown.includes(context.getNodeParameter('operation', 0) as string) ? '' : (context.getNodeParameter(name, 0, '') as string);
	};
	return {
		registerId: value('lightspeedRegisterId'),
		userId: value('lightspeedUserId'),
		paymentTypeId: value('lightspeedPaymentTypeId'),
		taxId: value('lightspeedTaxId'),
		shippingProductId: value('lightspeedShippingProductId'),
		apiVersion: value('lightspeedApiVersion'),
	};
}
