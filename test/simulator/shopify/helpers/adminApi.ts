import { adminSchema } from '../../../../simulator/shopify/schemas';
import { assertConformsToSchema } from './schemaConformance';

export interface AdminResponse<TData = Record<string, unknown>> {
	status: number;
	headers: Headers;
	body: {
		data?: TData | null;
		errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
		extensions?: {
			cost?: {
				requestedQueryCost: number;
				actualQueryCost: number | null;
				throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
			};
			search?: unknown;
		};
	};
}

/**
 * Posts a document to the simulator's Admin GraphQL endpoint and checks the answer against the served
 * version's schema, so every response the suite sees is schema-conformant or the test fails.
 */
export async function adminGraphql<TData = Record<string, unknown>>(
	sim: { url: string; accessToken: string },
	query: string,
	variables?: Record<string, unknown>,
	options: { version?: string; token?: string | null } = {},
): Promise<AdminResponse<TData>> {
	const version = options.version ?? '2026-10';
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	const token = options.token === undefined ? sim.accessToken : options.token;
	if (token !== null) headers['x-shopify-access-token'] = token;
	const response = await fetch(`${sim.url}/admin/api/${version}/graphql.json`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ query, variables }),
	});
	const body = (await response.json()) as AdminResponse<TData>['body'];
	if (response.status === 200 && body.data) {
		const served = response.headers.get('x-shopify-api-version') ?? version;
		assertConformsToSchema(adminSchema(served), query, variables, body as { data?: unknown });
	}
	return { status: response.status, headers: response.headers, body };
}
