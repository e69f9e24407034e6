/** ListLocations (`GET /v2/locations`): what a shop owner needs to pick the location id. */
export const LIST_LOCATIONS_PATH = '/v2/locations';

export interface PosLocationSummary {
	id: string;
	name: string | null;
	status: string | null;
	currency: string | null;
	timezone: string | null;
	address: string | null;
}

export function readLocations(body: unknown): PosLocationSummary[] {
	const locations = ((body ?? {}) as { locations?: Array<Record<string, unknown>> }).locations ?? [];
	return locations
		.filter((location) => typeof location.id === 'string')
		.map((location) => {
			const address = (location.address ?? {}) as Record<string, unknown>;
			const parts = [address.address_line_1, address.locality, address.postal_code, address.country].filter((part) => typeof part === 'string' && part !== '');
			const textOf = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
			return {
				id: location.id as string,
				name: textOf(location.name),
				status: textOf(location.status),
				currency: textOf(location.currency),
				timezone: textOf(location.timezone),
				address: parts.length > 0 ? parts.join(', ') : null,
			};
		});
}
