import { arraySource, paginate } from '../connection';
import type { RequestContext, ResolverMap } from '../context';
import { amountReceived, amountRefunded, lineDiscount, mergedTaxLines, orderTotals } from '../../store/orderTotals';
import type {
	DiscountApplicationRecord,
	FulfillmentOrderRecord,
	LineItemRecord,
	OrderRecord,
	RefundRecord,
	ShippingLineRecord,
	TransactionRecord,
} from '../../store/records';
import { orderOwning } from '../../store/ownership';
import { gid } from '../../store/shopStore';
import { mailingAddress, money, moneyBag, taxLine } from './views';

const ownerOrder = orderOwning;

const totalsBag = (order: OrderRecord, current: boolean, pick: keyof ReturnType<typeof orderTotals>) =>
	moneyBag(orderTotals(order, current)[pick], order.currencyCode);

function discountApplicationView(application: DiscountApplicationRecord, index: number, currencyCode: string) {
	return {
		__typename: 'DiscountCodeApplication',
		code: application.code,
		index,
		allocationMethod: 'ACROSS',
		targetSelection: 'ALL',
		targetType: 'LINE_ITEM',
		value:
			application.percentage !== null
				? { __typename: 'PricingPercentageValue', percentage: application.percentage }
				: { __typename: 'MoneyV2', ...money(application.amount ?? 0, currencyCode) },
	};
}

function fulfillmentOrderLineItemView(fulfillmentOrder: FulfillmentOrderRecord, line: LineItemRecord, order: OrderRecord, context: RequestContext) {
	const variant = line.variantId ? context.store.variants.get(line.variantId) : undefined;
	return {
		__typename: 'FulfillmentOrderLineItem',
		id: gid('FulfillmentOrderLineItem', line.legacyResourceId),
		legacyResourceId: line.legacyResourceId,
		lineItem: line,
		sku: line.sku,
		productTitle: line.title,
		variantTitle: line.variantTitle,
		vendor: line.vendor,
		totalQuantity: line.currentQuantity,
		remainingQuantity: fulfillmentOrder.status === 'CLOSED' ? 0 : Math.max(0, line.currentQuantity - line.fulfilledQuantity),
		requiresShipping: line.requiresShipping,
		inventoryItemId: variant?.inventoryItemId ?? null,
		variant: variant ?? null,
	};
}

export const orderResolvers: ResolverMap = {
	Order: {
		legacyResourceId: (order: OrderRecord) => String(order.legacyResourceId),
		displayFinancialStatus: (order: OrderRecord) => order.financialStatus,
		displayFulfillmentStatus: (order: OrderRecord) => order.fulfillmentStatus,
		closed: (order: OrderRecord) => order.closedAt !== null,
		presentmentCurrencyCode: (order: OrderRecord) => order.currencyCode,
		shippingAddress: (order: OrderRecord) => mailingAddress(order.shippingAddress),
		billingAddress: (order: OrderRecord) => mailingAddress(order.billingAddress),
		displayAddress: (order: OrderRecord) => mailingAddress(order.billingAddress ?? order.shippingAddress),
		billingAddressMatchesShippingAddress: (order: OrderRecord) =>
			JSON.stringify(order.billingAddress) === JSON.stringify(order.shippingAddress),
		subtotalLineItemsQuantity: (order: OrderRecord) => orderTotals(order, false).lineItemsQuantity,
		currentSubtotalLineItemsQuantity: (order: OrderRecord) => orderTotals(order, true).lineItemsQuantity,
		subtotalPriceSet: (order: OrderRecord) => totalsBag(order, false, 'subtotal'),
		currentSubtotalPriceSet: (order: OrderRecord) => totalsBag(order, true, 'subtotal'),
		totalDiscountsSet: (order: OrderRecord) => totalsBag(order, false, 'discounts'),
		currentTotalDiscountsSet: (order: OrderRecord) => totalsBag(order, true, 'discounts'),
		cartDiscountAmountSet: (order: OrderRecord) => totalsBag(order, false, 'discounts'),
		currentCartDiscountAmountSet: (order: OrderRecord) => totalsBag(order, true, 'discounts'),
		totalTaxSet: (order: OrderRecord) => totalsBag(order, false, 'tax'),
		currentTotalTaxSet: (order: OrderRecord) => totalsBag(order, true, 'tax'),
		totalShippingPriceSet: (order: OrderRecord) => totalsBag(order, false, 'shipping'),
		currentShippingPriceSet: (order: OrderRecord) => totalsBag(order, true, 'shipping'),
		totalPriceSet: (order: OrderRecord) => totalsBag(order, false, 'total'),
		originalTotalPriceSet: (order: OrderRecord) => totalsBag(order, false, 'total'),
		currentTotalPriceSet: (order: OrderRecord) => totalsBag(order, true, 'total'),
		totalReceivedSet: (order: OrderRecord) => moneyBag(amountReceived(order), order.currencyCode),
		netPaymentSet: (order: OrderRecord) => moneyBag(amountReceived(order), order.currencyCode),
		totalRefundedSet: (order: OrderRecord) => moneyBag(amountRefunded(order), order.currencyCode),
		totalOutstandingSet: (order: OrderRecord) =>
			moneyBag(Math.max(0, orderTotals(order, true).total - amountReceived(order)), order.currencyCode),
		fullyPaid: (order: OrderRecord) => amountReceived(order) >= orderTotals(order, true).total,
		unpaid: (order: OrderRecord) => amountReceived(order) === 0,
		taxLines: (order: OrderRecord) => mergedTaxLines(order, false).map((line) => taxLine(line, order.currencyCode)),
		currentTaxLines: (order: OrderRecord) => mergedTaxLines(order, true).map((line) => taxLine(line, order.currencyCode)),
		discountCodes: (order: OrderRecord) => order.discountApplications.map((application) => application.code),
		discountCode: (order: OrderRecord) => order.discountApplications[0]?.code ?? null,
		discountApplications: (order: OrderRecord, args) =>
			paginate(
				arraySource(order.discountApplications.map((application, index) => discountApplicationView(application, index, order.currencyCode))),
				args,
			),
		shippingLine: (order: OrderRecord) => order.shippingLines[0] ?? null,
		shippingLines: (order: OrderRecord, args) => paginate(arraySource(order.shippingLines), args),
		lineItems: (order: OrderRecord, args) => paginate(arraySource(order.lineItems), args),
		transactions: (order: OrderRecord, args) =>
			args.first !== undefined && args.first !== null ? order.transactions.slice(0, args.first) : order.transactions,
		transactionsCount: (order: OrderRecord) => ({ count: order.transactions.length, precision: 'EXACT' }),
		paymentGatewayNames: (order: OrderRecord) => [...new Set(order.transactions.map((t) => t.gateway))],
		refunds: (order: OrderRecord, args) =>
			args.first !== undefined && args.first !== null ? order.refunds.slice(0, args.first) : order.refunds,
		fulfillmentOrders: (order: OrderRecord, args) => paginate(arraySource(order.fulfillmentOrders), args),
		retailLocation: (order: OrderRecord, _args, context) =>
			order.retailLocationId ? (context.store.locations.get(order.retailLocationId) ?? null) : null,
		customer: (order: OrderRecord) => order.customer,
	},
	LineItem: {
		unfulfilledQuantity: (line: LineItemRecord) => Math.max(0, line.currentQuantity - line.fulfilledQuantity),
		refundableQuantity: (line: LineItemRecord) => line.currentQuantity,
		nonFulfillableQuantity: (line: LineItemRecord) => line.quantity - line.currentQuantity,
		isGiftCard: () => false,
		variant: (line: LineItemRecord, _args, context) => (line.variantId ? (context.store.variants.get(line.variantId) ?? null) : null),
		product: (line: LineItemRecord, _args, context) => (line.productId ? (context.store.products.get(line.productId) ?? null) : null),
		originalUnitPriceSet: (line: LineItemRecord) => moneyBag(line.unitPrice, ownerOrder(line).currencyCode),
		originalTotalSet: (line: LineItemRecord) => moneyBag(line.unitPrice * line.quantity, ownerOrder(line).currencyCode),
		totalDiscountSet: (line: LineItemRecord) => moneyBag(lineDiscount(line), ownerOrder(line).currencyCode),
		discountedTotalSet: (line: LineItemRecord) =>
			moneyBag(line.unitPrice * line.quantity - lineDiscount(line), ownerOrder(line).currencyCode),
		discountedUnitPriceSet: (line: LineItemRecord) =>
			moneyBag(line.unitPrice - Math.round(lineDiscount(line) / line.quantity), ownerOrder(line).currencyCode),
		discountedUnitPriceAfterAllDiscountsSet: (line: LineItemRecord) =>
			moneyBag(line.unitPrice - Math.round(lineDiscount(line) / line.quantity), ownerOrder(line).currencyCode),
		taxLines: (line: LineItemRecord, args) =>
			(args.first !== undefined && args.first !== null ? line.taxLines.slice(0, args.first) : line.taxLines).map((t) =>
				taxLine(t, ownerOrder(line).currencyCode),
			),
		discountAllocations: (line: LineItemRecord) => {
			const order = ownerOrder(line);
			return line.discountAllocations.map((allocation) => ({
				allocatedAmountSet: moneyBag(allocation.amount, order.currencyCode),
				discountApplication: discountApplicationView(
					order.discountApplications[allocation.applicationIndex],
					allocation.applicationIndex,
					order.currencyCode,
				),
			}));
		},
	},
	ShippingLine: {
		originalPriceSet: (line: ShippingLineRecord) => moneyBag(line.price, ownerOrder(line).currencyCode),
		discountedPriceSet: (line: ShippingLineRecord) => moneyBag(line.price, ownerOrder(line).currencyCode),
		currentDiscountedPriceSet: (line: ShippingLineRecord) => moneyBag(line.price, ownerOrder(line).currencyCode),
		taxLines: (line: ShippingLineRecord) => line.taxLines.map((t) => taxLine(t, ownerOrder(line).currencyCode)),
		discountAllocations: () => [],
		custom: () => false,
		isRemoved: () => false,
	},
	OrderTransaction: {
		amountSet: (transaction: TransactionRecord) => moneyBag(transaction.amount, ownerOrder(transaction).currencyCode),
		formattedGateway: (transaction: TransactionRecord) => transaction.gateway,
		order: (transaction: TransactionRecord) => ownerOrder(transaction),
		parentTransaction: () => null,
		manualPaymentGateway: (transaction: TransactionRecord) => transaction.gateway === 'cash',
	},
	Refund: {
		processedAt: (refund: RefundRecord) => refund.createdAt,
		updatedAt: (refund: RefundRecord) => refund.createdAt,
		order: (refund: RefundRecord) => ownerOrder(refund),
		totalRefundedSet: (refund: RefundRecord) => moneyBag(refund.amount, ownerOrder(refund).currencyCode),
		refundLineItems: (refund: RefundRecord, args) => {
			const order = ownerOrder(refund);
			return paginate(
				arraySource(
					refund.lineItems.map((entry) => {
						const line = order.lineItems.find((l) => l.id === entry.lineItemId) as LineItemRecord;
						return {
							lineItem: line,
							quantity: entry.quantity,
							restockType: entry.restock ? 'RETURN' : 'NO_RESTOCK',
							restocked: entry.restock,
							priceSet: moneyBag(line.unitPrice, order.currencyCode),
							subtotalSet: moneyBag(line.unitPrice * entry.quantity, order.currencyCode),
						};
					}),
				),
				args,
			);
		},
	},
	FulfillmentOrder: {
		orderId: (fulfillmentOrder: FulfillmentOrderRecord) => ownerOrder(fulfillmentOrder).id,
		orderName: (fulfillmentOrder: FulfillmentOrderRecord) => ownerOrder(fulfillmentOrder).name,
		orderProcessedAt: (fulfillmentOrder: FulfillmentOrderRecord) => ownerOrder(fulfillmentOrder).processedAt,
		order: (fulfillmentOrder: FulfillmentOrderRecord) => ownerOrder(fulfillmentOrder),
		requestStatus: () => 'UNSUBMITTED',
		assignedLocation: (fulfillmentOrder: FulfillmentOrderRecord, _args, context) => {
			const location = context.store.locations.get(fulfillmentOrder.locationId);
			if (!location) return null;
			return {
				name: location.name,
				address1: location.address.address1,
				address2: location.address.address2,
				city: location.address.city,
				province: location.address.provinceCode,
				countryCode: location.address.countryCode,
				zip: location.address.zip,
				phone: location.address.phone,
				location,
			};
		},
		lineItems: (fulfillmentOrder: FulfillmentOrderRecord, args, context) => {
			const order = ownerOrder(fulfillmentOrder);
			return paginate(
				arraySource(order.lineItems.map((line) => fulfillmentOrderLineItemView(fulfillmentOrder, line, order, context))),
				args,
			);
		},
	},
	Customer: {
		displayName: (customer: { firstName: string | null; lastName: string | null; email: string | null }) =>
			[customer.firstName, customer.lastName].filter(Boolean).join(' ') || customer.email || '',
		defaultEmailAddress: (customer: { email: string | null }) =>
			customer.email ? { emailAddress: customer.email, validFormat: true } : null,
		defaultPhoneNumber: (customer: { phone: string | null }) => (customer.phone ? { phoneNumber: customer.phone } : null),
	},
};
