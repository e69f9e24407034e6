import { createHash } from 'node:crypto';

/**
 * Our writes are tagged `gid://n8n-shopify-pos/...` so they show in Shopify's inventory history under this
 * package's name, and so an inventory webhook caused by them can be recognised and ignored (loop guard).
 */
export const REFERENCE_URI_PREFIX = 'gid://n8n-shopify-pos/';

type Json = Record<string, unknown>;

function idText(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string' && value.trim() !== '') {
		const text = value.trim();
		const gid = /^gid:\/\/shopify\/Order\/(\d+)$/.exec(text);
		return gid ? gid[1] : encodeURIComponent(text);
	}
	return undefined;
}

/** The order an input item belongs to, from the field names Shopify payloads and POS exports use. */
export function orderIdOf(json: Json): string | undefined {
	for (const field of ['orderId', 'order_id']) {
		const id = idText(json[field]);
		if (id) return id;
	}
	const graphqlId = json.admin_graphql_api_id;
	if (typeof graphqlId === 'string' && graphqlId.startsWith('gid://shopify/Order/')) return idText(graphqlId);
	return idText(json.id);
}

/** Key order must not change a hash: the same object written in another order is the same input. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Json)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * Default reference document for each input item: `gid://n8n-shopify-pos/Order/<id>` when the item names an
 * order; otherwise one reference for all such items, hashed from the whole input, so the same input (a
 * re-run, a duplicate delivery) gets the same reference, and the items can share one mutation.
 */
export function defaultReferenceUris(inputs: ReadonlyArray<Json>): string[] {
	let runReference: string | undefined;
	return inputs.map((json) => {
		const orderId = orderIdOf(json);
		if (orderId) return `${REFERENCE_URI_PREFIX}Order/${orderId}`;
		if (!runReference) {
			const digest = createHash('sha256').update(canonicalJson(inputs)).digest('hex').slice(0, 24);
			runReference = `${REFERENCE_URI_PREFIX}Input/${digest}`;
		}
		return runReference;
	});
}
