import { NodeApiError, NodeOperationError, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';
import { ShopifyApiError } from '../../lib/shopify/errors';
import { BulkOperationError } from '../../lib/shopify/orders/bulkOperationError';

/** A failure of a whole read: Shopify's (access, throttling, bulk) as NodeApiError, ours as NodeOperationError. */
export function readFailure(ctx: IExecuteFunctions, error: unknown): Error {
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	if (error instanceof ShopifyApiError) {
		return new NodeApiError(ctx.getNode(), { message: error.message, code: error.code, requestId: error.requestId ?? null } as JsonObject, {
			message: error.message,
			description: error.describe(),
			httpCode: error.status ? String(error.status) : undefined,
		});
	}
	if (error instanceof BulkOperationError) {
		return new NodeApiError(ctx.getNode(), { message: error.message, code: error.code } as JsonObject, { message: error.message, description: error.describe() });
	}
	return new NodeOperationError(ctx.getNode(), error instanceof Error ? error.message : String(error));
}
