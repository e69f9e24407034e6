import { callOrThrow, type PosJsonTransport } from '../inventory/posJsonTransport';

/**
 * Clover lists answer `{elements: [...]}`, paged by `limit` (at most 1,000) and `offset`
 * (https://docs.clover.com/docs/paginating-elements); `filter=<field><op><value>` may repeat and is ANDed
 * (https://docs.clover.com/docs/applying-filters).
 */
export const PAGE_LIMIT = 1000;

/** `/v3/merchants/{merchantId}<rest>` with the id encoded. */
export function merchantPath(merchantId: string, rest: string): string {
	return `/v3/merchants/${encodeURIComponent(merchantId)}${rest}`;
}

export async function allElements<T>(transport: PosJsonTransport, path: string, query: Record<string, string>, maxPages: number): Promise<{ records: T[]; complete: boolean }> {
	const records: T[] = [];
	for (let page = 0; page < maxPages; page += 1) {
		const body = (await callOrThrow(transport, { method: 'GET', path, query: { ...query, limit: String(PAGE_LIMIT), offset: String(page * PAGE_LIMIT) }, safeToRepeat: true })) as { elements?: unknown } | null;
		const elements = Array.isArray(body?.elements) ? (body.elements as T[]) : [];
		records.push(...elements);
		if (elements.length < PAGE_LIMIT) return { records, complete: true };
	}
	return { records, complete: false };
}
