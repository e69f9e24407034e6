import { legacyIdOf, utcTimestamp } from './ids';
import { posMoney, type PosMoneySet } from './money';
import type {
	GqlAddress,
	GqlDiscountApplication,
	GqlLineItem,
	GqlMoneyBag,
	GqlOrder,
	GqlShippingLine,
	GqlTaxLine,
} from './orderSelection';
import type {
	PosAddress,
	PosDiscount,
	PosLineItem,
	PosLocation,
	PosOrder,
	PosShippingLine,
	PosTaxLine,
	PosTotals,
} from './posOrder';

/** A POS-ready order from the GraphQL Order the package selects (every connection already read to the end). */
export function normalizeGraphqlOrder(order: GqlOrder): PosOrder {
	return {
		id: order.id,
		legacyId: legacyIdOf(order.id),
		name: order.name,
		number: order.number,
		createdAt: utcTimestamp(order.createdAt),
		updatedAt: utcTimestamp(order.updatedAt),
		processedAt: utcTimestamp(order.processedAt),
		closedAt: utcTimestamp(order.closedAt),
		cancelledAt: utcTimestamp(order.cancelledAt),
		cancelReason: order.cancelReason,
		currency: { shop: order.currencyCode, presentment: order.presentmentCurrencyCode },
		email: order.email,
		phone: order.phone,
		customer: order.customer
			? {
					id: order.customer.id,
					legacyId: legacyIdOf(order.customer.id),
					firstName: order.customer.firstName,
					lastName: order.customer.lastName,
					email: order.customer.defaultEmailAddress?.emailAddress ?? null,
					phone: order.customer.defaultPhoneNumber?.phoneNumber ?? null,
				}
			: null,
		billingAddress: address(order.billingAddress),
		shippingAddress: address(order.shippingAddress),
		financialStatus: order.displayFinancialStatus,
		fulfillmentStatus: order.displayFulfillmentStatus,
		test: order.test,
		tags: [...order.tags],
		note: order.note,
		sourceName: order.sourceName,
		taxesIncluded: order.taxesIncluded,
		fulfillmentLocations: fulfillmentLocations(order),
		lineItems: order.lineItems.nodes.map(lineItem),
		discountCodes: [...order.discountCodes],
		discounts: order.discountApplications.nodes.map(discount),
		shippingLines: order.shippingLines.nodes.map(shippingLine),
		taxLines: order.taxLines.map(taxLine),
		totals: {
			subtotal: moneySet(order.currentSubtotalPriceSet),
			discounts: moneySet(order.currentTotalDiscountsSet),
			shipping: moneySet(order.currentShippingPriceSet),
			tax: moneySet(order.currentTotalTaxSet),
			total: moneySet(order.currentTotalPriceSet),
		} satisfies PosTotals,
		originalTotals: {
			subtotal: moneySet(order.subtotalPriceSet),
			discounts: moneySet(order.totalDiscountsSet),
			shipping: moneySet(order.totalShippingPriceSet),
			tax: moneySet(order.totalTaxSet),
			total: moneySet(order.totalPriceSet),
		},
	};
}

function moneySet(bag: GqlMoneyBag): PosMoneySet;
function moneySet(bag: GqlMoneyBag | null | undefined): PosMoneySet | null;
function moneySet(bag: GqlMoneyBag | null | undefined): PosMoneySet | null {
	if (!bag) return null;
	return {
		shop: posMoney(bag.shopMoney.amount, bag.shopMoney.currencyCode),
		presentment: posMoney(bag.presentmentMoney.amount, bag.presentmentMoney.currencyCode),
	};
}

function address(value: GqlAddress | null): PosAddress | null {
	if (!value) return null;
	return {
		name: value.name,
		firstName: value.firstName,
		lastName: value.lastName,
		company: value.company,
		address1: value.address1,
		address2: value.address2,
		city: value.city,
		province: value.province,
		provinceCode: value.provinceCode,
		zip: value.zip,
		country: value.country,
		countryCode: value.countryCodeV2,
		phone: value.phone,
	};
}

function taxLine(value: GqlTaxLine): PosTaxLine {
	return { title: value.title, rate: value.rate, amount: moneySet(value.priceSet) };
}

function lineItem(value: GqlLineItem): PosLineItem {
	return {
		id: value.id,
		legacyId: legacyIdOf(value.id),
		sku: value.sku,
		title: value.title,
		variantTitle: value.variantTitle,
		name: value.name,
		vendor: value.vendor,
		variantId: value.variant?.id ?? null,
		productId: value.product?.id ?? null,
		inventoryItemId: value.variant?.inventoryItem?.id ?? null,
		quantity: value.currentQuantity,
		originalQuantity: value.quantity,
		unitPrice: moneySet(value.originalUnitPriceSet),
		discountedUnitPrice: moneySet(value.discountedUnitPriceSet),
		totalDiscount: moneySet(value.totalDiscountSet),
		discountAllocations: value.discountAllocations.map((allocation) => ({
			amount: moneySet(allocation.allocatedAmountSet),
			discountIndex: allocation.discountApplication.index,
		})),
		taxLines: value.taxLines.map(taxLine),
		requiresShipping: value.requiresShipping,
		taxable: value.taxable,
		isGiftCard: value.isGiftCard,
	};
}

const DISCOUNT_TYPES: Record<string, string> = {
	DiscountCodeApplication: 'DISCOUNT_CODE',
	AutomaticDiscountApplication: 'AUTOMATIC',
	ManualDiscountApplication: 'MANUAL',
	ScriptDiscountApplication: 'SCRIPT',
};

function discount(value: GqlDiscountApplication): PosDiscount {
	const isPercentage = value.value.__typename === 'PricingPercentageValue';
	return {
		index: value.index,
		type: DISCOUNT_TYPES[value.__typename] ?? value.__typename,
		code: value.code ?? null,
		title: value.title ?? null,
		valueType: isPercentage ? 'PERCENTAGE' : 'FIXED_AMOUNT',
		percentage: isPercentage ? (value.value.percentage ?? null) : null,
		amount:
			!isPercentage && value.value.amount !== undefined && value.value.currencyCode !== undefined
				? posMoney(value.value.amount, value.value.currencyCode)
				: null,
		allocationMethod: value.allocationMethod,
		targetSelection: value.targetSelection,
		targetType: value.targetType,
	};
}

function shippingLine(value: GqlShippingLine): PosShippingLine {
	return {
		title: value.title,
		code: value.code,
		source: value.source,
		price: moneySet(value.originalPriceSet),
		discountedPrice: moneySet(value.discountedPriceSet),
		taxLines: value.taxLines.map(taxLine),
	};
}

function fulfillmentLocations(order: GqlOrder): PosLocation[] {
	const seen = new Map<string, PosLocation>();
	for (const fulfillmentOrder of order.fulfillmentOrders.nodes) {
		const assigned = fulfillmentOrder.assignedLocation;
		if (!assigned) continue;
		const id = assigned.location?.id ?? null;
		const key = id ?? `name:${assigned.name}`;
		if (!seen.has(key)) seen.set(key, { id, legacyId: id ? legacyIdOf(id) : null, name: assigned.name });
	}
	return [...seen.values()];
}
