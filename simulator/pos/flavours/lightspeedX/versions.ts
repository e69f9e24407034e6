import type { Reply } from '../../routeContext';
import { badRequest } from './errors';

/** The first version handed out: large, so a version is never mistaken for a count or an index. */
const FIRST_VERSION = 1_000_001;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/**
 * The retailer's one global `version`: a monotonically increasing integer bumped on every create and edit
 * of any product, inventory record or sale (POS-VENDORS.md 2.4, https://x-series-api.lightspeedhq.com/docs/pagination).
 */
export class LightspeedVersions {
	private last = FIRST_VERSION - 1;

	next(): number {
		return ++this.last;
	}

	reset(): void {
		this.last = FIRST_VERSION - 1;
	}
}

function wholeNumber(value: string | null, name: string, fallback: number): number | string {
	if (value === null || value === '') return fallback;
	return /^\d+$/.test(value) ? Number(value) : `${name}: must be a whole number`;
}

/**
 * One page of a 2.0 collection: records whose version is above `after`, by version ascending, at most
 * `page_size` (default 50; above 200 it is clamped to 200). `{data, version: {min, max}}`, or
 * `{data: [], version: null}` when nothing is left.
 */
export function versionPage<T extends { version: number }>(records: T[], query: URLSearchParams, shape: (record: T) => unknown): Reply {
	const after = wholeNumber(query.get('after'), 'after', 0);
	if (typeof after === 'string') return badRequest(after);
	const size = wholeNumber(query.get('page_size'), 'page_size', DEFAULT_PAGE_SIZE);
	if (typeof size === 'string' || size < 1) return badRequest('page_size: must be a whole number above 0');
	const page = records
		.filter((record) => record.version > after)
		.sort((a, b) => a.version - b.version)
		.slice(0, Math.min(size, MAX_PAGE_SIZE));
	if (page.length === 0) return { status: 200, body: { data: [], version: null } };
	return { status: 200, body: { data: page.map(shape), version: { min: page[0].version, max: page[page.length - 1].version } } };
}
