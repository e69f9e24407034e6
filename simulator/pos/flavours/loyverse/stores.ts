import type { LoyverseIds } from './ids';

export interface LoyverseStore {
	id: string;
	name: string;
	address: string | null;
	city: string | null;
	state: string | null;
	postal_code: string | null;
	country_code: string | null;
	phone_number: string | null;
	description: string | null;
	created_at: string;
	updated_at: string;
	deleted_at: string | null;
}

export interface LoyversePaymentType {
	id: string;
	name: string;
	/** CASH, NONINTEGRATEDCARD, CHECK, OTHER… */
	type: string;
	created_at: string;
	updated_at: string;
	deleted_at: string | null;
}

/** The merchant's stores (one, "Main store", unless more are seeded) and payment types ("Cash", "Shopify"). */
export class LoyverseStores {
	stores: LoyverseStore[] = [];
	paymentTypes: LoyversePaymentType[] = [];

	constructor(
		private readonly ids: LoyverseIds,
		private readonly timestamp: () => string,
	) {
		this.reset();
	}

	reset(): void {
		this.stores = [];
		this.paymentTypes = [];
		this.add('Main store');
		this.addPaymentType('Cash', 'CASH');
		this.addPaymentType('Shopify', 'OTHER');
	}

	add(name: string): LoyverseStore {
		const at = this.timestamp();
		const store: LoyverseStore = { id: this.ids.uuid('store'), name, address: null, city: null, state: null, postal_code: null, country_code: null, phone_number: null, description: null, created_at: at, updated_at: at, deleted_at: null };
		this.stores.push(store);
		return store;
	}

	addPaymentType(name: string, type: string): LoyversePaymentType {
		const at = this.timestamp();
		const paymentType: LoyversePaymentType = { id: this.ids.uuid('payment-type'), name, type, created_at: at, updated_at: at, deleted_at: null };
		this.paymentTypes.push(paymentType);
		return paymentType;
	}

	main(): LoyverseStore {
		return this.stores[0];
	}

	find(id: unknown): LoyverseStore | undefined {
		return this.stores.find((store) => store.id === id);
	}

	paymentType(id: unknown): LoyversePaymentType | undefined {
		return this.paymentTypes.find((candidate) => candidate.id === id);
	}

	cash(): LoyversePaymentType {
		return this.paymentTypes.find((candidate) => candidate.type === 'CASH')!;
	}
}
