import type { IExecuteFunctions } from 'n8n-workflow';
import type { DownloadStream } from '../../lib/shopify/orders/bulkOrders';

/**
 * Bulk results through n8n's own request helper (proxy and TLS settings apply), as a stream: the JSONL
 * file can be gigabytes. The URL is pre-signed by Shopify, so no credentials go with it.
 */
export function n8nDownloadStream(ctx: IExecuteFunctions): DownloadStream {
	return async (url: string) => {
		const body = (await ctx.helpers.httpRequest({ method: 'GET', url, encoding: 'stream', json: false })) as
			| AsyncIterable<Uint8Array>
			| undefined;
		if (!body || typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] !== 'function') {
			throw new Error('The download of Shopify\'s bulk result did not start.');
		}
		return body;
	};
}
