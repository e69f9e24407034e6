import type { LightspeedIds } from './ids';

export interface Outlet {
	id: string;
	name: string;
}

export interface Register {
	id: string;
	name: string;
	outlet_id: string;
}

export interface User {
	id: string;
	display_name: string;
	username: string;
}

export interface PaymentType {
	id: string;
	name: string;
}

export interface Tax {
	id: string;
	name: string;
	rate: number;
}

/**
 * The retailer's setup: outlets, registers, users, payment types and taxes, each `GET /api/2.0/<name>`
 * answering `{data: [...]}`. Seeded with one outlet, the shop's register and an online register, the owner
 * and a sync user, Cash and Shopify payment types, and a zero and a 15 % tax.
 */
export class LightspeedRetailer {
	outlets: Outlet[] = [];
	registers: Register[] = [];
	users: User[] = [];
	paymentTypes: PaymentType[] = [];
	taxes: Tax[] = [];

	constructor(private readonly ids: LightspeedIds) {
		this.seed();
	}

	private seed(): void {
		const outlet = { id: this.ids.uuid('outlet'), name: 'Main Outlet' };
		this.outlets = [outlet];
		this.registers = ['Main Register', 'Online Sales (Shopify)'].map((name) => ({ id: this.ids.uuid('register'), name, outlet_id: outlet.id }));
		this.users = [
			{ id: this.ids.uuid('user'), display_name: 'Shop Owner', username: 'owner' },
			{ id: this.ids.uuid('user'), display_name: 'Shopify Sync', username: 'shopify-sync' },
		];
		this.paymentTypes = ['Cash', 'Shopify'].map((name) => ({ id: this.ids.uuid('payment-type'), name }));
		this.taxes = [
			{ id: this.ids.uuid('tax'), name: 'No Tax', rate: 0 },
			{ id: this.ids.uuid('tax'), name: 'GST', rate: 0.15 },
		];
	}

	reset(): void {
		this.seed();
	}

	defaultOutlet(): Outlet {
		return this.outlets[0];
	}

	named<T extends { name?: string; display_name?: string }>(list: T[], name: string): T {
		return list.find((entry) => (entry.name ?? entry.display_name) === name)!;
	}

	register(id: unknown): Register | undefined {
		return this.registers.find((register) => register.id === id);
	}

	user(id: unknown): User | undefined {
		return this.users.find((user) => user.id === id);
	}

	paymentType(id: unknown): PaymentType | undefined {
		return this.paymentTypes.find((type) => type.id === id);
	}

	tax(id: unknown): Tax | undefined {
		return this.taxes.find((tax) => tax.id === id);
	}
}
