import { createHash } from 'node:crypto';
import { restDecimal } from '../store/money';
import { amountReceived, lineDiscount, mergedTaxLines, orderTotals } from '../store/orderTotals';
import type { AddressRecord, Cents, InventoryLevelRecord, LineItemRecord, OrderRecord, RefundRecord, TaxLineRecord, TransactionRecord } from '../store/records';
import { numericId, type OrderEditEvent, type ShopStore } from '../store/shopStore';
import { examplePayload, payloadSchema } from './topics';

/** REST timestamps carry an offset; the simulated shop reports UTC. */
const restTime = (iso: string | null): string | null => (iso ? iso.replace(/Z$/, '+00:00') : null);
const restId = (gid: string | null): number | null => (gid ? Number(numericId(gid)) : null);

function moneySet(cents: Cents, currency: string) {
	const money = { amount: restDecimal(cents), currency_code: currency };
	return { shop_money: money, presentment_money: { ...money } };
}

function restAddress(address: AddressRecord | null) {
	if (!address) return null;
	return {
		first_name: address.firstName,
		last_name: address.lastName,
		name: [address.firstName, address.lastName].filter(Boolean).join(' '),
		company: address.company,
		address1: address.address1,
		address2: address.address2,
		city: address.city,
		province: address.province,
		province_code: address.provinceCode,
		country: address.country,
		country_code: address.countryCode,
		zip: address.zip,
		phone: address.phone,
		latitude: null,
		longitude: null,
	};
}

function restTaxLine(line: TaxLineRecord, currency: string) {
	return { title: line.title, rate: line.rate, price: restDecimal(line.amount), price_set: moneySet(line.amount, currency), channel_liable: false };
}

function restLineItem(order: OrderRecord, line: LineItemRecord) {
	const currency = order.currencyCode;
	const discount = lineDiscount(line);
	return {
		id: line.legacyResourceId,
		admin_graphql_api_id: line.id,
		current_quantity: line.currentQuantity,
		fulfillable_quantity: Math.max(0, line.currentQuantity - line.fulfilledQuantity),
		fulfillment_service: 'manual',
		fulfillment_status: line.fulfilledQuantity >= line.currentQuantity && line.currentQuantity > 0 ? 'fulfilled' : line.fulfilledQuantity > 0 ? 'partial' : null,
		gift_card: false,
		name: line.name,
		price: restDecimal(line.unitPrice),
		price_set: moneySet(line.unitPrice, currency),
		product_exists: line.productId !== null,
		product_id: restId(line.productId),
		properties: [],
		quantity: line.quantity,
		requires_shipping: line.requiresShipping,
		sku: line.sku,
		taxable: line.taxable,
		title: line.title,
		total_discount: restDecimal(discount),
		total_discount_set: moneySet(discount, currency),
		variant_id: restId(line.variantId),
		variant_title: line.variantTitle,
		vendor: line.vendor,
		tax_lines: line.taxLines.map((t) => restTaxLine(t, currency)),
		discount_allocations: line.discountAllocations.map((allocation) => ({
			amount: restDecimal(allocation.amount),
			amount_set: moneySet(allocation.amount, currency),
			discount_application_index: allocation.applicationIndex,
		})),
		duties: [],
		attributed_staffs: [],
		sales_line_item_group_id: null,
	};
}

/** Shopify's REST order resource, from the simulator's record. */
export function restOrder(store: ShopStore, order: OrderRecord): Record<string, unknown> {
	const currency = order.currencyCode;
	const placed = orderTotals(order, false);
	const current = orderTotals(order, true);
	const lineItemsPrice = order.lineItems.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
	const received = amountReceived(order);
	const token = createHash('sha256').update(order.id).digest('hex').slice(0, 32);
	const customer = order.customer;
	return {
		id: order.legacyResourceId,
		admin_graphql_api_id: order.id,
		app_id: null,
		browser_ip: null,
		buyer_accepts_marketing: false,
		cancel_reason: order.cancelReason ? order.cancelReason.toLowerCase() : null,
		cancelled_at: restTime(order.cancelledAt),
		cart_token: null,
		checkout_token: null,
		client_details: null,
		closed_at: restTime(order.closedAt),
		confirmation_number: null,
		confirmed: order.confirmed,
		contact_email: order.email,
		created_at: restTime(order.createdAt),
		currency,
		current_subtotal_price: restDecimal(current.subtotal),
		current_subtotal_price_set: moneySet(current.subtotal, currency),
		current_total_discounts: restDecimal(current.discounts),
		current_total_discounts_set: moneySet(current.discounts, currency),
		current_total_price: restDecimal(current.total),
		current_total_price_set: moneySet(current.total, currency),
		current_total_tax: restDecimal(current.tax),
		current_total_tax_set: moneySet(current.tax, currency),
		current_shipping_price_set: moneySet(current.shipping, currency),
		current_total_additional_fees_set: null,
		current_total_duties_set: null,
		customer_locale: 'en',
		device_id: null,
		discount_codes: order.discountApplications.map((application, index) => {
			const amount = order.lineItems.reduce(
				(sum, line) => sum + line.discountAllocations.filter((a) => a.applicationIndex === index).reduce((s, a) => s + a.amount, 0),
				0,
			);
			return { code: application.code, amount: restDecimal(amount), type: application.percentage !== null ? 'percentage' : 'fixed_amount' };
		}),
		discount_applications: order.discountApplications.map((application) => ({
			type: 'discount_code',
			code: application.code,
			value: application.percentage !== null ? String(application.percentage) : restDecimal(application.amount ?? 0),
			value_type: application.percentage !== null ? 'percentage' : 'fixed_amount',
			allocation_method: 'across',
			target_selection: 'all',
			target_type: 'line_item',
		})),
		duties_included: false,
		email: order.email,
		estimated_taxes: false,
		financial_status: order.financialStatus.toLowerCase(),
		fulfillment_status: order.fulfillmentStatus === 'FULFILLED' ? 'fulfilled' : order.fulfillmentStatus === 'PARTIALLY_FULFILLED' ? 'partial' : null,
		landing_site: null,
		landing_site_ref: null,
		location_id: restId(order.retailLocationId),
		merchant_of_record_app_id: null,
		name: order.name,
		note: order.note,
		note_attributes: [],
		number: order.number - 1000,
		order_number: order.number,
		order_status_url: `https://${store.shop.myshopifyDomain}/${store.shop.legacyResourceId}/orders/${token}/authenticate?key=${token.slice(0, 16)}`,
		original_total_additional_fees_set: null,
		original_total_duties_set: null,
		payment_gateway_names: [...new Set(order.transactions.map((t) => t.gateway))],
		phone: order.phone,
		po_number: null,
		presentment_currency: currency,
		processed_at: restTime(order.processedAt),
		reference: null,
		referring_site: null,
		source_identifier: null,
		source_name: order.sourceName,
		source_url: null,
		subtotal_price: restDecimal(placed.subtotal),
		subtotal_price_set: moneySet(placed.subtotal, currency),
		tags: order.tags.join(', '),
		tax_exempt: false,
		tax_lines: mergedTaxLines(order, false).map((t) => restTaxLine(t, currency)),
		taxes_included: order.taxesIncluded,
		test: order.test,
		token,
		total_discounts: restDecimal(placed.discounts),
		total_discounts_set: moneySet(placed.discounts, currency),
		total_line_items_price: restDecimal(lineItemsPrice),
		total_line_items_price_set: moneySet(lineItemsPrice, currency),
		total_outstanding: restDecimal(Math.max(0, current.total - received)),
		total_price: restDecimal(placed.total),
		total_price_set: moneySet(placed.total, currency),
		total_shipping_price_set: moneySet(placed.shipping, currency),
		total_tax: restDecimal(placed.tax),
		total_tax_set: moneySet(placed.tax, currency),
		total_tip_received: '0.00',
		total_weight: 0,
		updated_at: restTime(order.updatedAt),
		user_id: null,
		billing_address: restAddress(order.billingAddress),
		shipping_address: restAddress(order.shippingAddress),
		customer: customer
			? {
					id: customer.legacyResourceId,
					admin_graphql_api_id: customer.id,
					email: customer.email,
					first_name: customer.firstName,
					last_name: customer.lastName,
					phone: customer.phone,
					created_at: restTime(customer.createdAt),
					updated_at: restTime(customer.updatedAt),
					state: 'enabled',
					note: null,
					verified_email: true,
					multipass_identifier: null,
					tax_exempt: false,
					tax_exemptions: [],
					currency,
				}
			: null,
		line_items: order.lineItems.map((line) => restLineItem(order, line)),
		shipping_lines: order.shippingLines.map((line) => ({
			id: Number(numericId(line.id)),
			title: line.title,
			code: line.code,
			source: line.source,
			price: restDecimal(line.price),
			price_set: moneySet(line.price, currency),
			discounted_price: restDecimal(line.price),
			discounted_price_set: moneySet(line.price, currency),
			tax_lines: line.taxLines.map((t) => restTaxLine(t, currency)),
			discount_allocations: [],
			carrier_identifier: null,
			phone: null,
			requested_fulfillment_service_id: null,
			is_removed: false,
		})),
		refunds: order.refunds.map((refund) => ({
			id: refund.legacyResourceId,
			admin_graphql_api_id: refund.id,
			created_at: restTime(refund.createdAt),
			processed_at: restTime(refund.createdAt),
			note: refund.note,
			order_id: order.legacyResourceId,
			restock: refund.lineItems.some((entry) => entry.restock),
			user_id: null,
			order_adjustments: [],
			transactions: [],
			refund_line_items: [],
			duties: [],
		})),
		fulfillments: [],
	};
}

export function restInventoryLevel(level: InventoryLevelRecord): Record<string, unknown> {
	return {
		inventory_item_id: Number(numericId(level.inventoryItemId)),
		location_id: Number(numericId(level.locationId)),
		available: level.quantities.available,
		updated_at: restTime(level.updatedAt),
		admin_graphql_api_id: level.id,
	};
}

/** The edit as it happened (OrderActions.update): Shopify's payload lists this edit's changes only. */
export function restOrderEdit(order: OrderRecord, edit: OrderEditEvent): Record<string, unknown> {
	return {
		order_edit: {
			id: edit.id,
			app_id: null,
			created_at: restTime(order.updatedAt),
			committed_at: restTime(order.updatedAt),
			notify_customer: false,
			order_id: order.legacyResourceId,
			staff_note: '',
			user_id: null,
			line_items: { additions: edit.additions, removals: edit.removals },
			discounts: { line_item: { additions: [], removals: [] } },
			shipping_lines: { additions: [], removals: [] },
		},
	};
}

function restTransaction(order: OrderRecord, transaction: TransactionRecord): Record<string, unknown> {
	return {
		id: transaction.legacyResourceId,
		order_id: order.legacyResourceId,
		kind: transaction.kind.toLowerCase(),
		gateway: transaction.gateway,
		status: transaction.status.toLowerCase(),
		message: null,
		created_at: restTime(transaction.createdAt),
		test: transaction.test,
		authorization: null,
		location_id: null,
		user_id: null,
		parent_id: null,
		processed_at: restTime(transaction.processedAt),
		device_id: null,
		error_code: null,
		source_name: order.sourceName,
		receipt: {},
		amount: restDecimal(transaction.amount),
		currency: order.currencyCode,
		payment_id: `${order.id.split('/').pop()}.${transaction.legacyResourceId}`,
		manual_payment_gateway: false,
		amount_rounding: null,
		admin_graphql_api_id: transaction.id,
	};
}

/** Shopify's REST refund resource (what refunds/create sends), from a refund of the simulator's order. */
export function restRefund(order: OrderRecord, refund: RefundRecord): Record<string, unknown> {
	const currency = order.currencyCode;
	const lines = new Map(order.lineItems.map((line) => [line.id, line]));
	return {
		id: refund.legacyResourceId,
		order_id: order.legacyResourceId,
		created_at: restTime(refund.createdAt),
		note: refund.note,
		processed_at: restTime(refund.createdAt),
		duties: [],
		total_duties_set: moneySet(0, currency),
		return: null,
		refund_shipping_lines: [],
		restock: refund.lineItems.some((entry) => entry.restock),
		admin_graphql_api_id: refund.id,
		order_adjustments: [],
		refund_line_items: refund.lineItems
			.filter((entry) => entry.quantity > 0 && lines.has(entry.lineItemId))
			.map((entry) => {
				const line = lines.get(entry.lineItemId)!;
				const subtotal = line.unitPrice * entry.quantity;
				return {
					id: Number(numericId(line.id)) + refund.legacyResourceId,
					quantity: entry.quantity,
					line_item_id: line.legacyResourceId,
					location_id: entry.restock ? restId(order.fulfillmentOrders[0]?.locationId ?? null) : null,
					restock_type: entry.restock ? 'cancel' : 'no_restock',
					subtotal: subtotal / 100,
					total_tax: 0,
					subtotal_set: moneySet(subtotal, currency),
					total_tax_set: moneySet(0, currency),
					line_item: restLineItem(order, line),
				};
			}),
		transactions: order.transactions
			.filter((transaction) => transaction.kind === 'REFUND' && transaction.createdAt === refund.createdAt)
			.map((transaction) => restTransaction(order, transaction)),
	};
}

interface JsonSchemaNode {
	type?: string | string[];
	properties?: Record<string, JsonSchemaNode>;
	required?: string[];
	items?: JsonSchemaNode;
}

const allowsNull = (schema: JsonSchemaNode | undefined): boolean =>
	schema === undefined || schema.type === undefined || schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null'));

/**
 * Orders the simulator's payload like Shopify's example for the topic and version and fills the keys the
 * simulator has no data for: null where the published schema allows null, an empty list for lists, and
 * otherwise the example's own value (listed in the README as "shape-only" fields).
 */
export function shapeLike(template: unknown, ours: unknown, schema: JsonSchemaNode | undefined): unknown {
	if (ours === undefined) {
		if (allowsNull(schema)) return null;
		if (Array.isArray(template)) return [];
		if (template !== null && typeof template === 'object') return shapeLike(template, {}, schema);
		return template;
	}
	if (Array.isArray(ours)) {
		const itemTemplate = Array.isArray(template) ? template[0] : undefined;
		if (itemTemplate === undefined || itemTemplate === null || typeof itemTemplate !== 'object') return ours;
		return ours.map((item) => shapeLike(itemTemplate, item, schema?.items));
	}
	if (ours !== null && typeof ours === 'object' && template !== null && typeof template === 'object' && !Array.isArray(template)) {
		const result: Record<string, unknown> = {};
		const mine = ours as Record<string, unknown>;
		for (const key of Object.keys(template)) result[key] = shapeLike((template as Record<string, unknown>)[key], mine[key], schema?.properties?.[key]);
		for (const key of Object.keys(mine)) if (!(key in result)) result[key] = mine[key];
		// keys the published schema requires but this version's example lacks (e.g. a B2B `company`)
		for (const key of schema?.required ?? []) if (!(key in result) && allowsNull(schema?.properties?.[key])) result[key] = null;
		return result;
	}
	return ours;
}

export function webhookPayload(
	store: ShopStore,
	topic: string,
	apiVersion: string,
	subject: { order?: OrderRecord; level?: InventoryLevelRecord; refund?: RefundRecord; orderEdit?: OrderEditEvent },
): Record<string, unknown> {
	let ours: Record<string, unknown>;
	if (topic === 'inventory_levels/update') ours = restInventoryLevel(subject.level!);
	else if (topic === 'orders/edited') ours = restOrderEdit(subject.order!, subject.orderEdit!);
	// Shopify sends a deleted order's id and nothing else.
	else if (topic === 'orders/delete') return { id: subject.order!.legacyResourceId };
	else if (topic === 'refunds/create') ours = restRefund(subject.order!, subject.refund!);
	else ours = restOrder(store, subject.order!);
	return shapeLike(examplePayload(apiVersion, topic), ours, payloadSchema(apiVersion, topic) as JsonSchemaNode) as Record<string, unknown>;
}
