import type { Reply } from '../../routeContext';
import { cloverError } from './errors';

type Json = Record<string, unknown>;

/** Clover's filter operators (https://docs.clover.com/docs/applying-filters). */
const FILTER = /^([A-Za-z][A-Za-z0-9_.]*)(!=|>=|<=|=|>|<)(.*)$/s;

export interface CloverFilter {
	field: string;
	op: string;
	value: string;
}

export const ALLOWED_FILTER_HEADER = 'X-Clover-Allowed-Filter-Fields';

/**
 * Parses every `filter=<field><op><value>` of a list request (several are ANDed). A filter on a field the
 * list does not allow answers 400; the caller sends `allowed` in `X-Clover-Allowed-Filter-Fields`.
 */
export function parseFilters(params: URLSearchParams, allowed: string[]): CloverFilter[] | Reply {
	const filters: CloverFilter[] = [];
	for (const raw of params.getAll('filter')) {
		const match = FILTER.exec(raw);
		if (!match) return withAllowed(cloverError(400, `Invalid filter: ${raw}`), allowed);
		if (!allowed.includes(match[1])) return withAllowed(cloverError(400, `Invalid filter field: ${match[1]}`), allowed);
		filters.push({ field: match[1], op: match[2], value: match[3] });
	}
	return filters;
}

export function withAllowed(reply: Reply, allowed: string[]): Reply {
	return { ...reply, headers: { ...reply.headers, [ALLOWED_FILTER_HEADER]: allowed.join(',') } };
}

/** The value at a dotted path (`itemStock.quantity`). */
function read(element: Json, path: string): unknown {
	let current: unknown = element;
	for (const step of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Json)[step];
	}
	return current;
}

/** Numbers compare as numbers, anything else as text. */
function compare(actual: unknown, value: string): number | null {
	if (actual === undefined || actual === null) return null;
	if (typeof actual === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return actual - Number(value);
	const text = String(actual);
	return text === value ? 0 : text < value ? -1 : 1;
}

export function matches(element: Json, filters: CloverFilter[]): boolean {
	return filters.every((filter) => {
		const order = compare(read(element, filter.field), filter.value);
		if (order === null) return filter.op === '!=';
		switch (filter.op) {
			case '=':
				return order === 0;
			case '!=':
				return order !== 0;
			case '>':
				return order > 0;
			case '>=':
				return order >= 0;
			case '<':
				return order < 0;
			default:
				return order <= 0;
		}
	});
}
