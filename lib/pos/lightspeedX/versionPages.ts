import { callOrThrow, type PosJsonTransport } from '../inventory/posJsonTransport';

/**
 * Lightspeed X's 2.0 change feed: `GET /api/2.0/<collection>?after=<version>` answers `{data, version: {min, max}}`,
 * records with a version above `after`, oldest first; asking again from `version.max` until `data` is empty
 * reads everything (https://x-series-api.lightspeedhq.com/docs/pagination). `version` is one number for the
 * whole store that grows on every change, so the same call is how changes are read.
 */
export const PAGE_SIZE = 200;

export interface VersionPages<T> {
	records: T[];
	/** Where the next read starts: the last version read, or the one it started from. */
	position: string;
	/** False when `maxPages` ran out first; the next read goes on from `position`. */
	complete: boolean;
}

export async function versionPages<T>(transport: PosJsonTransport, path: string, after: string, maxPages: number, query: Record<string, string> = {}): Promise<VersionPages<T>> {
	const records: T[] = [];
	let position = after;
	for (let page = 0; page < maxPages; page += 1) {
		const body = (await callOrThrow(transport, { method: 'GET', path, query: { ...query, after: position, page_size: String(PAGE_SIZE) }, safeToRepeat: true })) as { data?: unknown; version?: { max?: unknown } | null };
		const data = Array.isArray(body?.data) ? (body.data as T[]) : [];
		const max = body?.version?.max;
		if (data.length === 0 || (typeof max !== 'number' && typeof max !== 'string')) return { records, position, complete: true };
		if (String(max) === position) return { records, position, complete: true };
		records.push(...data);
		position = String(max);
	}
	return { records, position, complete: false };
}
