import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

/** Shopify's published Admin API schemas (from @shopify/dev-mcp 1.16.0, see schema/SHA256SUMS). */
export const SCHEMA_DIR = path.join(__dirname, '..', '..', 'schema');

const built = new Map<string, GraphQLSchema>();

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
