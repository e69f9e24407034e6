import { BULK_CHILD_CONNECTIONS } from './bulkOrdersQuery';
import type { GqlOrder } from './orderSelection';

type JsonObject = Record<string, unknown>;

const CONNECTION_BY_TYPENAME = new Map<string, (typeof BULK_CHILD_CONNECTIONS)[number]>(
	BULK_CHILD_CONNECTIONS.flatMap((connection) => connection.typenames.map((typename) => [typename, connection] as const)),
);

/**
 * Joins the lines of a bulk result into whole orders: an order line, then (groupObjects: true) its
 * children, each with `__parentId`. One order is held at a time; it is yielded when the next order starts.
 * Every connection comes out as `{ nodes: [...] }`, the shape the paged documents give.
 */
export async function* joinBulkOrders(lines: AsyncIterable<string>): AsyncGenerator<GqlOrder> {
	let current: JsonObject | undefined;
	let lineNumber = 0;
	for await (const line of lines) {
		lineNumber++;
		let object: JsonObject;
		try {
			object = JSON.parse(line) as JsonObject;
		} catch {
			throw new Error(`Line ${lineNumber} of Shopify's bulk result is not JSON; the download may have been cut off. Run the node again.`);
		}
		const parentId = object.__parentId;
		if (parentId === undefined) {
			if (current) yield current as unknown as GqlOrder;
			current = object;
			for (const connection of BULK_CHILD_CONNECTIONS) current[connection.field] = { nodes: [] };
			continue;
		}
		if (!current || current.id !== parentId) {
			throw new Error(
				`Line ${lineNumber} of Shopify's bulk result belongs to ${String(parentId)}, which is not the order being read: ` +
					'the file is not grouped by order. Use Fetch Mode "Paged" for this store.',
			);
		}
		const typename = String(object.__typename ?? '');
		const connection = CONNECTION_BY_TYPENAME.get(typename);
		if (!connection) {
			throw new Error(`Line ${lineNumber} of Shopify's bulk result is a ${typename || 'child without __typename'}, which the package did not ask for.`);
		}
		delete object.__parentId;
		if (!connection.keepTypename) delete object.__typename;
		(current[connection.field] as { nodes: JsonObject[] }).nodes.push(object);
	}
	if (current) yield current as unknown as GqlOrder;
}
