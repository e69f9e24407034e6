import type { HttpResponse } from '../http/types';
import { readPath } from './idempotencyKey';
import { PackageError } from '../packageError';

/**
 * "Create only if absent" for POS APIs without idempotency (Clover, Loyverse, Lightspeed R): before each
 * create attempt, search by the external reference; a hit means the order is already there. The search
 * result is a list at `resultPath` (`elements` for Clover, `receipts` for Loyverse) or the body itself;
 * when the search endpoint cannot filter, `matchField` + `matchValue` pick the record from the list.
 */
export interface LookupMatch {
	/** Dotted path to the list in the response body; empty = the body (a list, or one object). */
	resultPath: string;
	/** Dotted path inside each record; empty = any record is a hit. */
	matchField: string;
	matchValue: string;
}

export type LookupResult = { found: true; record: unknown } | { found: false };

/** The POS answered the lookup with something that is not a search result. */
export class LookupResponseError extends PackageError {
	readonly code = 'LOOKUP_UNREADABLE';
	readonly remote = true;
	readonly advice?: string;

	constructor(message: string) {
		super(message);
		this.name = 'LookupResponseError';
	}
}

/** Reads a 2xx lookup response; a 404 means "absent". Other statuses are for the caller to retry or fail. */
export function findExisting(response: HttpResponse, match: LookupMatch): LookupResult {
	if (response.status === 404) return { found: false };
	let body: unknown;
	try {
		body = response.body.trim() === '' ? [] : JSON.parse(response.body);
	} catch {
		throw new LookupResponseError(`The lookup answered HTTP ${response.status} with a body that is not JSON; check the lookup path.`);
	}
	const list = match.resultPath.trim() === '' ? body : readPath(body, match.resultPath.trim());
	const records = Array.isArray(list) ? list : list && typeof list === 'object' && Object.keys(list).length > 0 ? [list] : [];
	if (list !== undefined && list !== null && !Array.isArray(list) && typeof list !== 'object') {
		throw new LookupResponseError(`The lookup result at "${match.resultPath}" is not a list or an object.`);
	}
	const field = match.matchField.trim();
	const record = field === '' ? records[0] : records.find((candidate) => String(readPath(candidate, field) ?? '') === match.matchValue);
	return record === undefined ? { found: false } : { found: true, record };
}
