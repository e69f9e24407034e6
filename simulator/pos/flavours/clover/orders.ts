import { isObject } from '../../routeContext';
import type { CloverIds } from './ids';

type Json = Record<string, unknown>;

/** What Clover's `POST /v3/merchants/{mId}/orders` keeps; line items need calls of their own there. */
export const CUSTOM_ORDER_FIELDS = ['taxRemoved', 'note', 'title', 'state', 'testMode', 'manualTransaction', 'groupLineItems', 'orderType'];

export interface CloverLineItem {
	id: string;
	/** The inventory item, when the line is one (ad-hoc lines have none and never move stock). */
	item?: { id: string };
	name: string;
	/** Cents per unit. */
	price: number;
	/** Units in thousandths, for a line sold by weight or measure; absent for one unit. */
	unitQty?: number;
	refunded: boolean;
	exchanged: boolean;
	/** Other fields the caller sent on the line (itemCode, note…), kept as sent. */
	extra: Json;
}

export interface CloverOrder {
	id: string;
	/** How it was made: the atomic or the custom-order endpoint, or rung up on the Clover device. */
	origin: 'atomic' | 'custom' | 'register';
	/** Order fields as the caller sent them (custom orders: Clover's custom-order fields only). */
	fields: Json;
	state: string;
	paymentState: string;
	total: number;
	createdTime: number;
	modifiedTime: number;
	clientCreatedTime: number;
	lines: CloverLineItem[];
}

/** A line's units: its unitQty in thousandths, or one. */
export function lineUnits(line: { unitQty?: unknown }): number {
	return typeof line.unitQty === 'number' ? line.unitQty / 1000 : 1;
}

/** Cents: each line's price times its units. */
export function linesTotal(lines: Array<{ price?: unknown; unitQty?: unknown }>): number {
	return lines.reduce<number>((sum, line) => sum + Math.round((typeof line.price === 'number' ? line.price : 0) * lineUnits(line)), 0);
}

/** The merchant's orders: made through the API, or rung up at the register. */
export class CloverOrders {
	private readonly orders: CloverOrder[] = [];

	constructor(
		private readonly ids: CloverIds,
		private readonly now: () => number,
	) {}

	add(origin: CloverOrder['origin'], fields: Json, lines: Array<Omit<CloverLineItem, 'id' | 'refunded' | 'exchanged' | 'extra'> & { extra?: Json }>, paid: boolean): CloverOrder {
		const at = this.now();
		const order: CloverOrder = {
			id: this.ids.id('order'),
			origin,
			fields,
			state: typeof fields.state === 'string' ? fields.state : paid ? 'locked' : 'open',
			paymentState: paid ? 'PAID' : 'OPEN',
			total: linesTotal(lines),
			createdTime: at,
			modifiedTime: at,
			clientCreatedTime: at,
			lines: lines.map((line) => ({ extra: {}, ...line, id: this.ids.id('lineItem'), refunded: false, exchanged: false })),
		};
		this.orders.push(order);
		return order;
	}

	/** The lines of an atomic order's cart, as sent (an `item.id` ties a line to an inventory item). */
	static cartLines(lineItems: unknown): Array<Omit<CloverLineItem, 'id' | 'refunded' | 'exchanged'>> {
		if (!Array.isArray(lineItems)) return [];
		return lineItems.filter(isObject).map((line) => {
			const { item, name, price, unitQty, ...extra } = line;
			return {
				item: isObject(item) && typeof item.id === 'string' ? { id: item.id } : undefined,
				name: typeof name === 'string' ? name : '',
				price: typeof price === 'number' ? price : 0,
				unitQty: typeof unitQty === 'number' ? unitQty : undefined,
				extra,
			};
		});
	}

	all(): CloverOrder[] {
		return this.orders;
	}

	find(id: string): CloverOrder | undefined {
		return this.orders.find((order) => order.id === id);
	}

	touch(order: CloverOrder): void {
		order.modifiedTime = this.now();
	}

	/** Clover's order shape; `lineItems` only with `expand=lineItems`. */
	render(order: CloverOrder, merchantId: string, expandLines: boolean): Json {
		const shape: Json = {
			...order.fields,
			id: order.id,
			href: `https://api.clover.com/v3/merchants/${merchantId}/orders/${order.id}`,
			state: order.state,
			paymentState: order.paymentState,
			total: order.total,
			createdTime: order.createdTime,
			modifiedTime: order.modifiedTime,
			clientCreatedTime: order.clientCreatedTime,
		};
		if (expandLines) shape.lineItems = { elements: order.lines.map(renderLine) };
		return shape;
	}

	reset(): void {
		this.orders.length = 0;
	}
}

export function renderLine(line: CloverLineItem): Json {
	const shape: Json = { ...line.extra, id: line.id, name: line.name, price: line.price, refunded: line.refunded, exchanged: line.exchanged };
	if (line.item) shape.item = { id: line.item.id };
	if (line.unitQty !== undefined) shape.unitQty = line.unitQty;
	return shape;
}
