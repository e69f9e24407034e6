import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';
import { PackageError } from '../../lib/packageError';

/**
 * The one mapping from lib/'s errors to n8n's: a refusal or failure of Shopify or the POS becomes a
 * NodeApiError (with the HTTP status when there was one), a fault of the input or a setting a
 * NodeOperationError; both carry the advice as description. n8n's own errors pass through unchanged.
 * `headline` replaces the error's own message where the node says more (what it did not do because of it).
 */
export function toNodeError(node: INode, error: unknown, itemIndex?: number, headline?: string): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof PackageError) {
		const message = headline ?? error.message;
		if (error.remote) {
			return new NodeApiError(node, { message, code: error.code, requestId: error.requestId ?? null } as JsonObject, {
				message,
				description: error.describe(),
				itemIndex,
				httpCode: error.httpStatus ? String(error.httpStatus) : undefined,
			});
		}
		return new NodeOperationError(node, message, { itemIndex, description: error.advice ? error.describe() : undefined });
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}
