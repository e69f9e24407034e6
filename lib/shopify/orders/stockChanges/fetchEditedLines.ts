import { ORDER_EDIT_LINES } from '../../operations/orderEdits';
import type { GraphqlClient } from '../graphqlClient';
import type { EditedOrderLines, OrderEditSubject } from './editChanges';

/** Shopify's `nodes(ids:)` takes at most 250 ids. */
const IDS_PER_CALL = 250;

interface EditLinesData {
	order: { id: string; name: string } | null;
	nodes: Array<{ id?: string; sku?: string | null } | null>;
}

/**
 * The SKUs of the lines an order edit touched, and the order's name: one small query (more only past 250
 * lines). A line Shopify does not return (deleted product, order outside the app's 60-day window) stays
 * without a SKU, and the POS step reports it; a failed call throws, so the delivery can be retried.
 */
export async function fetchEditedOrderLines(client: GraphqlClient, subject: OrderEditSubject): Promise<EditedOrderLines> {
	const ids = [...subject.deltas.keys()];
	const skus = new Map<string, string | null>();
	let orderName: string | null = null;
	for (let start = 0; start === 0 || start < ids.length; start += IDS_PER_CALL) {
		const lineItemIds = ids.slice(start, start + IDS_PER_CALL);
		const response = await client.request<EditLinesData>(ORDER_EDIT_LINES, { orderId: subject.orderId, lineItemIds }, { estimatedCost: lineItemIds.length + 1 });
		orderName = response.data.order?.name ?? orderName;
		for (const node of response.data.nodes) if (node?.id) skus.set(node.id, node.sku ?? null);
	}
	return { orderName, skus };
}
