import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';
import { ShopifyApiError } from '../../../lib/shopify/errors';
import { InventoryItemError } from '../../../lib/shopify/inventory/inventoryItemError';
import { OrdersVisibilityError } from '../../../lib/shopify/orders/ordersReader';
import { SearchWarningError } from '../../../lib/shopify/searchWarnings';
import { toNodeError } from '../../../nodes/shared/nodeError';

const node: INode = { id: 'n1', name: 'Shopify Get Orders', type: 'n8n-nodes-shopify-pos.shopifyGetOrders', typeVersion: 1, position: [0, 0], parameters: {} };

describe('toNodeError: the one mapping from lib/ errors to n8n errors', () => {
	it("Shopify's refusal becomes a NodeApiError with its HTTP status, advice and request id", () => {
		const error = new ShopifyApiError('Shopify refused the access token.', { code: 'ACCESS_DENIED', status: 401, requestId: 'req-7', advice: 'Paste a new token.' });
		const mapped = toNodeError(node, error, 2);
		expect(mapped).toBeInstanceOf(NodeApiError);
		expect(mapped.message).toBe('Shopify refused the access token.');
		expect(mapped.description).toContain('Paste a new token.');
		expect(mapped.description).toContain('Shopify request id: req-7');
		expect((mapped as NodeApiError).httpCode).toBe('401');
		expect(mapped.context.itemIndex).toBe(2);
	});

	it('a fault of our own input or settings becomes a NodeOperationError, with the advice when there is one', () => {
		const warning = toNodeError(node, new SearchWarningError('Shopify ignored the search field "sku".', [], 'Nothing was sent.'));
		expect(warning).toBeInstanceOf(NodeOperationError);
		expect(warning.description).toContain('Nothing was sent.');
		const visibility = toNodeError(node, new OrdersVisibilityError('Orders older than 60 days are not visible.'));
		expect(visibility).toBeInstanceOf(NodeOperationError);
		expect(visibility.description ?? '').toBe('');
	});

	it("n8n's own errors pass through; anything else becomes a NodeOperationError; a headline replaces the message", () => {
		const own = new NodeOperationError(node, 'already mapped');
		expect(toNodeError(node, own)).toBe(own);
		expect(toNodeError(node, new Error('plain'))).toBeInstanceOf(NodeOperationError);
		const headline = toNodeError(node, new ShopifyApiError('refused', { code: 'X' }), undefined, 'refused. Nothing was sent.');
		expect(headline.message).toBe('refused. Nothing was sent.');
	});

	it("Adjust Inventory's stopping item: Shopify's refusal keeps its status and request id, our own check says nothing was sent", () => {
		const cause = new ShopifyApiError('Shopify is throttling.', { code: 'THROTTLED', status: 429, requestId: 'req-9' });
		const remote = toNodeError(node, new InventoryItemError({ code: 'THROTTLED', message: 'SKU "TEE-M": Shopify is throttling.', source: 'shopify', cause }), 3);
		expect(remote).toBeInstanceOf(NodeApiError);
		expect(remote.message).toBe('SKU "TEE-M": Shopify is throttling.');
		expect((remote as NodeApiError).httpCode).toBe('429');
		expect(remote.description).toContain('replays their keys and does not apply them twice');
		expect(remote.description).toContain('Shopify request id: req-9');
		expect(remote.context.itemIndex).toBe(3);

		const input = toNodeError(node, new InventoryItemError({ code: 'UNKNOWN_SKU', message: 'No variant has SKU "NOPE".', source: 'input' }), 1);
		expect(input).toBeInstanceOf(NodeOperationError);
		expect(input.message).toBe('No variant has SKU "NOPE".');
		expect(input.description).toBe('Nothing was sent to Shopify for this run. Fix the item, or turn on "Continue On Fail" to apply the other items and get one result per item.');
	});
});
