import type { Reply } from '../../routeContext';
import { withAllowed } from './filters';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/**
 * One page of a list: `limit` (default 100, at most 1,000: a larger one is clamped) from `offset`
 * (https://docs.clover.com/docs/paginating-elements), as `{ elements, href }`, with the list's allowed filter
 * fields in `X-Clover-Allowed-Filter-Fields`.
 */
export function page(elements: unknown[], params: URLSearchParams, href: string, allowed: string[]): Reply {
	const asked = Number(params.get('limit'));
	const limit = Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_LIMIT) : DEFAULT_LIMIT;
	const offsetAsked = Number(params.get('offset'));
	const offset = Number.isInteger(offsetAsked) && offsetAsked > 0 ? offsetAsked : 0;
	return withAllowed({ status: 200, body: { elements: elements.slice(offset, offset + limit), href } }, allowed);
}
