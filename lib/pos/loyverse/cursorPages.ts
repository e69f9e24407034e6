import { callOrThrow, type PosJsonTransport } from '../inventory/posJsonTransport';

/**
 * Loyverse lists (`variants`, `inventory_levels`, `receipts`, `stores`) page with `limit` (1–250) and a `cursor`
 * returned while more objects follow ([3P] glama.ai's Loyverse tool specs; POS-VENDORS.md 4).
 */
export const PAGE_LIMIT = 250;

export async function allPages<T>(transport: PosJsonTransport, path: string, list: string, query: Record<string, string>, maxPages: number): Promise<{ records: T[]; complete: boolean }> {
	const records: T[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < maxPages; page += 1) {
		const body = (await callOrThrow(transport, { method: 'GET', path, query: { ...query, limit: String(PAGE_LIMIT), ...(cursor ? { cursor } : {}) }, safeToRepeat: true })) as Record<string, unknown> | null;
		const found = body?.[list];
		records.push(...(Array.isArray(found) ? (found as T[]) : []));
		cursor = typeof body?.cursor === 'string' && body.cursor !== '' ? body.cursor : undefined;
		if (!cursor) return { records, complete: true };
	}
	return { records, complete: false };
}
