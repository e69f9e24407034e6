import { UnexpectedAnswerError } from './orders/answerShape';
import { SHOP_NAME } from './operations/shop';
import type { ShopAddress } from './shopUrl';

interface ShopRequest {
	request<TData>(document: string): Promise<{ data: TData }>;
}

const askedDomains = new Map<string, string>();

/**
 * The store's myshopify.com name, as Shopify sends it in `X-Shopify-Shop-Domain` on every webhook. A real
 * store's credential already says it; a loopback address (simulator, proxy) does not, so the shop is asked
 * once per process.
 */
export async function myshopifyDomainOf(client: ShopRequest, address: ShopAddress): Promise<string> {
	if (!address.isLocal) return address.domain;
	const known = askedDomains.get(address.origin);
	if (known) return known;
	const response = await client.request<{ shop: { myshopifyDomain?: unknown } | null }>(SHOP_NAME);
	const domain = response.data?.shop?.myshopifyDomain;
	if (typeof domain !== 'string' || domain === '') {
		throw new UnexpectedAnswerError(
			`Shopify did not say the store's myshopify.com name at ${address.origin}.`,
			'Check that the Shop field points at a Shopify Admin API (or a proxy in front of one).',
		);
	}
	askedDomains.set(address.origin, domain);
	return domain;
}
