import type { Reply } from '../../routeContext';
import { invalidValue, missingParameter, notFound, squareError } from './errors';
import type { ChangeSource } from './inventory';
import { priceOrder } from './pricing';
import { parseQuantity } from './quantity';
import type { SquareSimulation } from './simulation';

type Json = Record<string, unknown>;
interface Money {
	amount: number;
	currency: string;
}

/** CreatePayment's idempotency_key: "max 45 characters". */
const MAX_PAYMENT_KEY = 45;
const TERMINAL_FULFILLMENT = new Set(['COMPLETED', 'CANCELED', 'FAILED']);

/** Where an order comes from: an API caller (EXTERNAL_API) or the seller's own register (SQUARE_POS). */
export type OrderOrigin = 'api' | 'register';

/**
 * Orders and payments: CreateOrder prices the order (see pricing.ts); a payment for the full amount due
 * (EXTERNAL from an API caller, CARD at the register) completes it, and a completed order moves stock
 * IN_STOCK → SOLD once for each line that names a tracked catalog variation. Ad-hoc lines move nothing.
 */
export class SquareOrders {
	private readonly orders = new Map<string, Json>();
	private readonly payments = new Map<string, Json>();
	private readonly origins = new Map<string, OrderOrigin>();

	constructor(private readonly sim: SquareSimulation) {}

	reset(): void {
		this.orders.clear();
		this.payments.clear();
		this.origins.clear();
	}

	order(id: string): Json | undefined {
		return this.orders.get(id);
	}

	all(): Json[] {
		return [...this.orders.values()];
	}

	/** Each line's quantity, unit price and catalog facts, or the Reply refusing the first bad line. */
	private readLines(order: Json, locationCurrency: string): { lines: Array<{ raw: Json; scaledQuantity: number; unitAmount: number }>; currency: string } | Reply {
		const lines = [];
		let currency: string | null = null;
		for (const [index, line] of ((order.line_items as Json[] | undefined) ?? []).entries()) {
			const field = `order.line_items[${index}]`;
			const scaledQuantity = parseQuantity(line.quantity);
			if (scaledQuantity === null) return invalidValue('Quantity must be a positive decimal string', `${field}.quantity`);
			let price = line.base_price_money as Money | undefined;
			const raw: Json = { uid: typeof line.uid === 'string' ? line.uid : this.sim.ids.uid(), ...line };
			if (typeof line.catalog_object_id === 'string') {
				const variation = this.sim.catalog.variation(line.catalog_object_id);
				if (!variation) return notFound(`Item variation with catalog object ID \`${line.catalog_object_id}\` not found.`, `${field}.catalog_object_id`);
				price ??= variation.price ?? undefined;
				if (!price) return missingParameter(`${field}.base_price_money`);
				Object.assign(raw, { name: line.name ?? this.sim.catalog.itemName(variation), variation_name: variation.name, catalog_version: 1, item_type: 'ITEM' });
			} else {
				if (typeof line.name !== 'string' || !price) return missingParameter(typeof line.name !== 'string' ? `${field}.name` : `${field}.base_price_money`);
				raw.item_type ??= 'CUSTOM_AMOUNT';
			}
			currency ??= price.currency ?? locationCurrency;
			if ((price.currency ?? currency) !== currency) return invalidValue('All line items must use one currency', `${field}.base_price_money.currency`);
			raw.base_price_money = { amount: price.amount, currency };
			lines.push({ raw, scaledQuantity, unitAmount: Number(price.amount) });
		}
		return { lines, currency: currency ?? locationCurrency };
	}

	create(request: { idempotency_key?: string | null; order?: Json | null }, origin: OrderOrigin = 'api'): Reply {
		const order = request.order;
		if (!order) return missingParameter('order');
		if (typeof order.location_id !== 'string' || order.location_id === '') return missingParameter('order.location_id');
		if (!this.sim.locations.accepts(order.location_id)) return notFound(`Location \`${order.location_id}\` not found.`, 'order.location_id');
		if (order.state !== undefined && order.state !== 'OPEN' && order.state !== 'DRAFT') return invalidValue('A new order is OPEN or DRAFT', 'order.state');
		const read = this.readLines(order, this.sim.locations.currencyOf(order.location_id));
		if (!('lines' in read)) return read;
		const priced = priceOrder({ lines: read.lines, discounts: (order.discounts as Json[]) ?? [], taxes: (order.taxes as Json[]) ?? [], serviceCharges: (order.service_charges as Json[]) ?? [], currency: read.currency, uid: this.sim.ids.uid });
		if ('status' in priced) return priced;
		const money = (amount: number) => ({ amount, currency: read.currency });
		const now = this.sim.timestamp();
		const { total_money, total_tax_money, total_discount_money, total_service_charge_money, ...parts } = priced;
		const created: Json = {
			...order,
			...parts,
			id: this.sim.ids.order(),
			created_at: now,
			updated_at: now,
			state: order.state ?? 'OPEN',
			version: 1,
			total_money: money(total_money),
			total_tax_money: money(total_tax_money),
			total_discount_money: money(total_discount_money),
			total_tip_money: money(0),
			total_service_charge_money: money(total_service_charge_money),
			net_amounts: { total_money: money(total_money), tax_money: money(total_tax_money), discount_money: money(total_discount_money), tip_money: money(0), service_charge_money: money(total_service_charge_money) },
			net_amount_due_money: money(total_money),
		};
		this.orders.set(created.id as string, created);
		this.origins.set(created.id as string, origin);
		this.sim.recordOrder(created, request.idempotency_key ?? null);
		this.sim.events.orderCreated(created);
		return { status: 200, body: { order: created } };
	}

	retrieve(id: string): Reply {
		const order = this.orders.get(id);
		return order ? { status: 200, body: { order } } : notFound(`Order with ID \`${id}\` not found.`, 'order_id');
	}

	/** Sums the APPROVED (not yet completed) payments on an order. */
	private approvedOn(orderId: string): number {
		return [...this.payments.values()].filter((payment) => payment.order_id === orderId && payment.status === 'APPROVED').reduce((sum, payment) => sum + (payment.amount_money as Money).amount, 0);
	}

	createPayment(request: Json, sourceType: 'EXTERNAL' | 'CARD' = 'EXTERNAL'): Reply {
		const key = request.idempotency_key as string;
		if (key.length > MAX_PAYMENT_KEY) return squareError(400, 'INVALID_REQUEST_ERROR', 'VALUE_TOO_LONG', `idempotency_key must be at most ${MAX_PAYMENT_KEY} characters`, 'idempotency_key');
		if (sourceType === 'EXTERNAL') {
			if (request.source_id !== 'EXTERNAL') return invalidValue('The simulator takes EXTERNAL payments (source_id "EXTERNAL"); card sales are rung up at the register through the control API', 'source_id');
			if (!request.external_details) return missingParameter('external_details');
		}
		const amount = request.amount_money as Money | undefined;
		if (!amount || typeof amount.amount !== 'number' || !amount.currency) return missingParameter('amount_money');
		const autocomplete = request.autocomplete !== false;
		const order = typeof request.order_id === 'string' ? this.orders.get(request.order_id) : undefined;
		if (typeof request.order_id === 'string') {
			const refusal = this.refusePaymentFor(order, request.order_id, amount, autocomplete);
			if (refusal) return refusal;
		}
		const payment = this.paymentRecord(request, amount, sourceType, autocomplete ? 'COMPLETED' : 'APPROVED', order);
		this.payments.set(payment.id as string, payment);
		if (order) {
			this.addTender(order, payment);
			if (autocomplete) this.complete(order);
		}
		return { status: 200, body: { payment } };
	}

	/** Why a payment for this order cannot be taken, or null. The amount must be exactly what is due. */
	private refusePaymentFor(order: Json | undefined, orderId: string, amount: Money, autocomplete: boolean): Reply | null {
		if (!order) return notFound(`Order with ID \`${orderId}\` not found.`, 'order_id');
		if (order.state !== 'OPEN') return squareError(400, 'INVALID_REQUEST_ERROR', 'BAD_REQUEST', `Order \`${orderId}\` is ${String(order.state)}; only an OPEN order can be paid.`, 'order_id');
		const due = (order.net_amount_due_money as Money).amount - this.approvedOn(orderId);
		if (amount.currency !== (order.total_money as Money).currency) return squareError(400, 'INVALID_REQUEST_ERROR', 'CURRENCY_MISMATCH', 'The payment currency differs from the order currency.', 'amount_money.currency');
		if (autocomplete ? amount.amount !== due : amount.amount > due) {
			return squareError(400, 'INVALID_REQUEST_ERROR', 'PAYMENT_AMOUNT_MISMATCH', `The total of the requested payments (${amount.amount}) does not match the total of the sale order (${due}).`, 'amount_money.amount');
		}
		return null;
	}

	private paymentRecord(request: Json, amount: Money, sourceType: 'EXTERNAL' | 'CARD', status: string, order: Json | undefined): Json {
		const now = this.sim.timestamp();
		const tip = request.tip_money as Money | undefined;
		const payment: Json = {
			id: this.sim.ids.payment(),
			created_at: now,
			updated_at: now,
			amount_money: amount,
			...(tip ? { tip_money: tip } : {}),
			// The tip is on top of amount_money: the order's total is compared with amount_money alone.
			total_money: { amount: amount.amount + (tip?.amount ?? 0), currency: amount.currency },
			approved_money: { amount: amount.amount + (tip?.amount ?? 0), currency: amount.currency },
			status,
			source_type: sourceType,
			location_id: (request.location_id as string | undefined) ?? (order?.location_id as string | undefined) ?? this.sim.locations.knownIds()[0],
			...(order ? { order_id: order.id } : {}),
			...(typeof request.reference_id === 'string' ? { reference_id: request.reference_id } : {}),
			...(typeof request.note === 'string' ? { note: request.note } : {}),
			capabilities: [],
			receipt_number: (this.sim.ids.uid() as string).slice(0, 4),
			version_token: this.sim.ids.uid(),
		};
		if (sourceType === 'EXTERNAL') payment.external_details = request.external_details;
		else payment.card_details = { status: 'CAPTURED', card: { card_brand: 'VISA', last_4: '1111' }, entry_method: 'EMV' };
		return payment;
	}

	private addTender(order: Json, payment: Json): void {
		const tenders = (order.tenders as Json[] | undefined) ?? [];
		tenders.push({
			id: payment.id,
			location_id: order.location_id,
			transaction_id: order.id,
			created_at: payment.created_at,
			amount_money: payment.amount_money,
			type: payment.source_type === 'CARD' ? 'CARD' : 'OTHER',
			payment_id: payment.id,
		});
		order.tenders = tenders;
	}

	/** PayOrder: completes APPROVED payments whose sum is what the order owes, then the order. */
	pay(orderId: string, request: { payment_ids?: string[] | null; order_version?: number | null }): Reply {
		const order = this.orders.get(orderId);
		if (!order) return notFound(`Order with ID \`${orderId}\` not found.`, 'order_id');
		if (order.state !== 'OPEN') return squareError(400, 'INVALID_REQUEST_ERROR', 'BAD_REQUEST', `Order \`${orderId}\` is ${String(order.state)}; only an OPEN order can be paid.`);
		if (request.order_version !== undefined && request.order_version !== null && request.order_version !== order.version) return squareError(409, 'INVALID_REQUEST_ERROR', 'CONFLICT', 'order_version does not match the order\'s current version.', 'order_version');
		const payments = (request.payment_ids ?? []).map((id) => this.payments.get(id));
		const bad = payments.findIndex((payment) => !payment || payment.order_id !== orderId || payment.status !== 'APPROVED');
		if (bad >= 0) return invalidValue('Each payment must be an APPROVED payment for this order', `payment_ids[${bad}]`);
		const sum = payments.reduce((total, payment) => total + (payment!.amount_money as Money).amount, 0);
		const due = (order.net_amount_due_money as Money).amount;
		if (sum !== due) return squareError(400, 'INVALID_REQUEST_ERROR', 'PAYMENT_AMOUNT_MISMATCH', `The total of the requested payments (${sum}) does not match the total of the sale order (${due}).`, 'payment_ids');
		for (const payment of payments) Object.assign(payment!, { status: 'COMPLETED', updated_at: this.sim.timestamp() });
		this.complete(order);
		return { status: 200, body: { order } };
	}

	/**
	 * Paid in full: nothing more is due, and the order is COMPLETED unless a fulfillment is still open
	 * (an order with fulfillments completes only when each is COMPLETED, CANCELED or FAILED).
	 */
	private complete(order: Json): void {
		const now = this.sim.timestamp();
		order.net_amount_due_money = { amount: 0, currency: (order.total_money as Money).currency };
		order.updated_at = now;
		order.version = (order.version as number) + 1;
		const open = ((order.fulfillments as Json[] | undefined) ?? []).some((fulfillment) => !TERMINAL_FULFILLMENT.has(fulfillment.state as string));
		if (!open) {
			order.state = 'COMPLETED';
			order.closed_at = now;
			this.moveStock(order);
		}
		this.sim.events.orderUpdated(order);
	}

	/** A completed order's catalog lines leave stock (IN_STOCK → SOLD), tracked variations only. */
	private moveStock(order: Json): void {
		const origin = this.origins.get(order.id as string) ?? 'api';
		const source: ChangeSource = origin === 'register' ? { product: 'SQUARE_POS', name: 'Square Point of Sale' } : { product: 'EXTERNAL_API', application_id: this.sim.applicationId, name: this.sim.applicationName };
		const changes = ((order.line_items as Json[] | undefined) ?? [])
			.filter((line) => typeof line.catalog_object_id === 'string' && this.sim.catalog.variation(line.catalog_object_id)?.trackInventory)
			.map((line) => ({
				type: 'ADJUSTMENT',
				adjustment: { catalog_object_id: line.catalog_object_id, from_location_id: order.location_id, to_location_id: order.location_id, from_state: 'IN_STOCK', to_state: 'SOLD', quantity: line.quantity, occurred_at: order.closed_at },
			}));
		if (changes.length > 0) this.sim.applyInventory(changes, source, true, { transactionId: order.id as string });
	}
}
