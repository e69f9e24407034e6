import type { GraphqlClient } from '../orders/graphqlClient';
import { LOCATIONS_LIST } from '../operations/locations';
import { recordCall, type LocationScope, type ReadStats } from './levelTypes';
import type { LocationRecord } from './resolveTargets';
import type { LocationSelector } from './types';
import { allPages, type PageInfo } from '../allPages';
import { InputError } from '../../packageError';

/** A location named wrongly: the run cannot start. Carries the store's active locations for the message. */
export class LocationSelectionError extends InputError {
	constructor(message: string) {
		super(message, 'UNKNOWN_LOCATION');
	}
}

/** The store's active locations, every page. */
export async function activeLocations(client: GraphqlClient, stats: ReadStats): Promise<LocationRecord[]> {
	return await allPages(async (after) => {
		const response = await client.request<{ locations: { nodes: LocationRecord[]; pageInfo: PageInfo } }>(LOCATIONS_LIST, { first: 250, after, query: null }, { estimatedCost: 2 + 250 });
		recordCall(stats, response);
		return { items: response.data.locations.nodes.map(({ id, name }) => ({ id, name })), pageInfo: response.data.locations.pageInfo };
	});
}

const normalizeName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** One selector against the active locations: by ID, or by name (case and spacing ignored, never ambiguous). */
export function findLocation(selector: LocationSelector, locations: ReadonlyArray<LocationRecord>): LocationRecord {
	const known = locations.map((location) => `"${location.name}" (${location.id})`).join(', ') || 'none';
	if (selector.by === 'id') {
		const location = locations.find((candidate) => candidate.id === selector.id);
		if (!location) throw new LocationSelectionError(`Location ${selector.id} is not an active location of this store. Active locations: ${known}.`);
		return location;
	}
	const matches = locations.filter((candidate) => normalizeName(candidate.name) === normalizeName(selector.name));
	if (matches.length === 0) throw new LocationSelectionError(`No active location is named "${selector.name}". Active locations: ${known}.`);
	if (matches.length > 1) {
		throw new LocationSelectionError(
			`${matches.length} locations are named "${selector.name}" (${matches.map((m) => m.id).join(', ')}). Select the location by ID instead.`,
		);
	}
	return matches[0];
}

/** The locations a scope covers, in the order given (duplicates once). */
export function locationsInScope(scope: LocationScope, locations: ReadonlyArray<LocationRecord>): LocationRecord[] {
	if (scope.kind === 'all') {
		if (locations.length === 0) throw new LocationSelectionError('This store has no active location.');
		return [...locations];
	}
	if (scope.selectors.length === 0) throw new LocationSelectionError('Choose at least one location.');
	const chosen = scope.selectors.map((selector) => findLocation(selector, locations));
	return [...new Map(chosen.map((location) => [location.id, location])).values()];
}
