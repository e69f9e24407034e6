/** Active locations of the store, for the node's searchable location list and name lookups. Needs read_locations. */
export const LOCATIONS_LIST = /* GraphQL */ `
	query LocationsList($first: Int!, $after: String, $query: String) {
		locations(first: $first, after: $after, query: $query, includeInactive: false, sortKey: NAME) {
			nodes {
				id
				name
			}
			pageInfo {
				hasNextPage
				endCursor
			}
		}
	}
`;
