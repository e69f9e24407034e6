import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

/**
 * The simulator executes Shopify's own published Admin schema (introspection JSON, one file per API version),
 * so a field name or argument the package gets wrong fails here exactly as it would against Shopify.
 */
const SCHEMA_DIR = path.resolve(__dirname, '../../schema');

export const SIMULATED_API_VERSIONS: readonly string[] = fs
	.readdirSync(SCHEMA_DIR)
	.map((name) => /^admin_(\d{4}-\d{2})\.json\.gz$/.exec(name)?.[1])
	.filter((version): version is string => version !== undefined)
	.sort();

const built = new Map<string, GraphQLSchema>();

/** Shopify serves an unknown or retired version as the oldest supported one (and says so in a header). */
export function servedApiVersion(requested: string): string {
	return SIMULATED_API_VERSIONS.includes(requested) ? requested : SIMULATED_API_VERSIONS[0];
}

/** Built once per version, on first use: building takes ~200 ms and the schemas are immutable. */
export function adminSchema(version: string): GraphQLSchema {
	let schema = built.get(version);
	if (!schema) {
		const file = path.join(SCHEMA_DIR, `admin_${version}.json.gz`);
		const introspection = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as {
			data: IntrospectionQuery;
		};
		schema = buildClientSchema(introspection.data);
		built.set(version, schema);
	}
	return schema;
}

/** "2026-04" >= "2026-01": API versions are dates, so string order is release order. */
export function versionAtLeast(version: string, minimum: string): boolean {
	return version >= minimum;
}
