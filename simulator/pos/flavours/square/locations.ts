import type { Reply } from '../../routeContext';
import type { SquareIds } from './ids';

export interface SquareLocationSeed {
	id?: string;
	name: string;
	currency?: string;
	country?: string;
	timezone?: string;
	status?: 'ACTIVE' | 'INACTIVE';
}

interface LocationRecord {
	id: string;
	name: string;
	currency: string;
	country: string;
	timezone: string;
	status: 'ACTIVE' | 'INACTIVE';
	createdAt: string;
}

/**
 * The seller's locations (`GET /v2/locations`). Until locations are seeded, any location id a request names
 * is accepted and listed from then on (so quick tests need no setup); once seeded, an unknown id is refused
 * as Square refuses it.
 */
export class SquareLocations {
	private readonly records: LocationRecord[] = [];
	private seeded = false;

	constructor(
		private readonly ids: SquareIds,
		private readonly timestamp: () => string,
		private readonly merchantId: () => string,
	) {}

	seed(seeds: SquareLocationSeed[]): LocationRecord[] {
		if (!this.seeded) this.records.length = 0;
		this.seeded = true;
		const added = seeds.map((seed) => this.add(seed.id ?? this.ids.location(), seed));
		return added;
	}

	private add(id: string, seed: Partial<SquareLocationSeed> = {}): LocationRecord {
		const record: LocationRecord = {
			id,
			name: seed.name ?? id,
			currency: seed.currency ?? 'USD',
			country: seed.country ?? 'US',
			timezone: seed.timezone ?? 'UTC',
			status: seed.status ?? 'ACTIVE',
			createdAt: this.timestamp(),
		};
		this.records.push(record);
		return record;
	}

	/** Whether a request may name this location (an active one). */
	accepts(id: string): boolean {
		const record = this.records.find((candidate) => candidate.id === id);
		if (record) return record.status === 'ACTIVE';
		if (this.seeded) return false;
		this.add(id);
		return true;
	}

	/** The currency of a location (USD for one accepted without seeding). */
	currencyOf(id: string): string {
		return this.records.find((record) => record.id === id)?.currency ?? 'USD';
	}

	knownIds(): string[] {
		return this.records.map((record) => record.id);
	}

	reset(): void {
		this.records.length = 0;
		this.seeded = false;
	}

	list(): Reply {
		const locations = this.records.map((record) => ({
			id: record.id,
			name: record.name,
			timezone: record.timezone,
			capabilities: ['CREDIT_CARD_PROCESSING'],
			status: record.status,
			created_at: record.createdAt,
			merchant_id: this.merchantId(),
			country: record.country,
			language_code: 'en-US',
			currency: record.currency,
			business_name: 'Simulated Square seller',
			type: 'PHYSICAL',
		}));
		return { status: 200, body: { locations } };
	}
}
