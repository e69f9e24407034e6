import type { Reply } from '../../routeContext';
import { badRequest, notFound } from './errors';
import { fromNumber, lineTotal, parseQuantity } from './money';
import type { Product } from './products';
import type { LightspeedSimulation } from './simulation';
import { sale20 } from './saleShapes';
import type { SaleDraft } from './sales';

/** A product as the cashier picks it: by id, or by its SKU as scanned (exact, one product only). */
export interface ProductPick {
	productId?: string;
	sku?: string;
}

export interface RegisterSaleLine extends ProductPick {
	quantity: number;
}

export interface RegisterSaleRequest {
	lines: RegisterSaleLine[];
	/** Default: "Main Register". */
	registerId?: string;
	note?: string;
}

export interface StocktakeRequest {
	counts: Array<ProductPick & { count: number }>;
	/** Default: the first outlet ("Main Outlet"). */
	outletId?: string;
}

/**
 * What happens in the shop, outside any API caller: a sale rung up at the register, a sale voided, a
 * stocktake. Each changes stock and sends webhooks as Lightspeed does for its own register. (Control API for
 * tests; not Lightspeed's.)
 */
export class LightspeedRegister {
	constructor(private readonly sim: LightspeedSimulation) {}

	private pick(pick: ProductPick, path: string): Product | string {
		if (pick.productId !== undefined) return this.sim.products.byId(pick.productId) ?? `${path}.productId: no product has id ${JSON.stringify(pick.productId)}`;
		const matches = this.sim.products.all().filter((product) => pick.sku !== undefined && product.sku === pick.sku);
		return matches.length === 1 ? matches[0] : `${path}.sku: no single product has SKU ${JSON.stringify(pick.sku)}`;
	}

	/** A CLOSED sale by "Shop Owner" at the register, at the products' prices, No Tax, paid in Cash. */
	sale(request: RegisterSaleRequest): Reply {
		const retailer = this.sim.retailer;
		const register = request.registerId === undefined ? retailer.named(retailer.registers, 'Main Register') : retailer.register(request.registerId);
		if (!register) return badRequest(`registerId: no register has id ${JSON.stringify(request.registerId)}`);
		if (!Array.isArray(request.lines) || request.lines.length === 0) return badRequest('lines: must be a non-empty array');
		const noTax = retailer.named(retailer.taxes, 'No Tax');
		const lines: SaleDraft['lines'] = [];
		for (const [index, line] of request.lines.entries()) {
			const product = this.pick(line, `lines[${index}]`);
			if (typeof product === 'string') return badRequest(product);
			const quantity = parseQuantity(line.quantity);
			if (quantity === null) return badRequest(`lines[${index}].quantity: must be a non-zero number`);
			lines.push({ productId: product.id, quantity, price: fromNumber(product.price), taxId: noTax.id, tax: 0 });
		}
		const total = lines.reduce((sum, line) => sum + lineTotal(line.price, line.quantity), 0);
		const draft: SaleDraft = {
			userId: retailer.named(retailer.users, 'Shop Owner').id,
			registerId: register.id,
			outletId: register.outlet_id,
			status: 'CLOSED',
			note: request.note,
			lines,
			payments: [{ paymentTypeId: retailer.named(retailer.paymentTypes, 'Cash').id, amount: total }],
		};
		return { status: 200, body: { sale: sale20(this.sim.recordSale(draft, 'register')) } };
	}

	/** Voids a sale (status VOIDED); a CLOSED sale's lines come back into stock. */
	void(saleId: string): Reply {
		const sale = this.sim.sales.byId(saleId);
		if (!sale) return notFound();
		if (sale.status === 'VOIDED') return badRequest('status: the sale is already voided');
		return { status: 200, body: { sale: sale20(this.sim.voidSale(sale)) } };
	}

	/** A stocktake at an outlet: each count replaces the product's level there. */
	stocktake(request: StocktakeRequest): Reply {
		const outletId = request.outletId ?? this.sim.retailer.defaultOutlet().id;
		if (!this.sim.retailer.outlets.some((outlet) => outlet.id === outletId)) return badRequest(`outletId: no outlet has id ${JSON.stringify(outletId)}`);
		if (!Array.isArray(request.counts) || request.counts.length === 0) return badRequest('counts: must be a non-empty array');
		const counts = [];
		for (const [index, counted] of request.counts.entries()) {
			const product = this.pick(counted, `counts[${index}]`);
			if (typeof product === 'string') return badRequest(product);
			if (typeof counted.count !== 'number' || !Number.isFinite(counted.count)) return badRequest(`counts[${index}].count: must be a number`);
			counts.push({ productId: product.id, count: counted.count });
		}
		return { status: 200, body: { inventory: this.sim.stocktake(outletId, counts) } };
	}
}
