import { GraphQLError } from 'graphql';

/** Relay connections as Shopify serves them: first/after, last/before, reverse, at most 250 per page. */
export interface ConnectionArgs {
	first?: number | null;
	last?: number | null;
	after?: string | null;
	before?: string | null;
	reverse?: boolean | null;
}

export const MAX_PAGE_SIZE = 250;

/**
 * The page size of a nested connection inside a bulk query: Shopify reads those to the end. It lies beyond
 * GraphQL's 32-bit Int, so no request can ask for it; only the bulk runner sets it.
 */
export const READ_TO_END = Number.MAX_SAFE_INTEGER;

/** Something ordered by (key, numeric id), ascending. */
export interface PageSource<T> {
	readonly length: number;
	at(index: number): T;
	keyAt(index: number): { key: string; id: number };
	/** first index whose (key, id) >= the given one */
	lowerBound(key: string, id: number): number;
}

export interface Connection<T> {
	edges: Array<{ cursor: string; node: T }>;
	nodes: T[];
	pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export function encodeCursor(key: string, id: number): string {
	return Buffer.from(JSON.stringify({ last_id: id, last_value: key })).toString('base64');
}

function decodeCursor(cursor: string): { key: string; id: number } {
	try {
		const parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as { last_id: unknown; last_value: unknown };
		if (typeof parsed.last_id === 'number' && typeof parsed.last_value === 'string')
			return { key: parsed.last_value, id: parsed.last_id };
	} catch {
		// fall through to the error below
	}
	throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: 'BAD_REQUEST' } });
}

export function checkPageSize(args: ConnectionArgs): void {
	const first = args.first ?? null;
	const last = args.last ?? null;
	if (first === null && last === null)
		throw new GraphQLError('you must provide one of first or last', { extensions: { code: 'BAD_REQUEST' } });
	for (const [name, value] of [
		['first', first],
		['last', last],
	] as const) {
		if (value === null) continue;
		if (value < 0) throw new GraphQLError(`The value of ${name} must be at least 0.`);
		if (value > MAX_PAGE_SIZE && value !== READ_TO_END)
			throw new GraphQLError(`The page size ${name}: ${value} is too large; the maximum is ${MAX_PAGE_SIZE}.`, {
				extensions: { code: 'BAD_REQUEST' },
			});
	}
}

/** Pages over `source` in its order (or reversed), keeping only records the predicate accepts. */
export function paginate<T>(
	source: PageSource<T>,
	args: ConnectionArgs,
	predicate: (item: T) => boolean = () => true,
): Connection<T> {
	checkPageSize(args);
	const n = source.length;
	const reverse = args.reverse === true;
	const ascending = (viewIndex: number): number => (reverse ? n - 1 - viewIndex : viewIndex);
	const upperBound = (c: { key: string; id: number }): number => {
		const position = source.lowerBound(c.key, c.id);
		if (position < n) {
			const found = source.keyAt(position);
			if (found.key === c.key && found.id === c.id) return position + 1;
		}
		return position;
	};
	let start = 0;
	let end = n;
	if (args.after) {
		const c = decodeCursor(args.after);
		start = reverse ? n - source.lowerBound(c.key, c.id) : upperBound(c);
	}
	if (args.before) {
		const c = decodeCursor(args.before);
		end = reverse ? n - upperBound(c) : source.lowerBound(c.key, c.id);
	}
	const taken: number[] = [];
	let hasNextPage = false;
	let hasPreviousPage = false;
	const matchesAt = (viewIndex: number): boolean => predicate(source.at(ascending(viewIndex)));
	const anyMatch = (from: number, to: number, step: 1 | -1): boolean => {
		for (let v = from; step === 1 ? v < to : v >= to; v += step) if (matchesAt(v)) return true;
		return false;
	};
	if (args.first !== null && args.first !== undefined) {
		for (let v = start; v < end; v++) {
			if (!matchesAt(v)) continue;
			if (taken.length === args.first) {
				hasNextPage = true;
				break;
			}
			taken.push(v);
		}
		if (args.last !== null && args.last !== undefined && taken.length > args.last) {
			taken.splice(0, taken.length - args.last);
			hasPreviousPage = true;
		}
		if (!hasPreviousPage && args.after) hasPreviousPage = anyMatch(start - 1, 0, -1);
	} else {
		const last = args.last as number;
		for (let v = end - 1; v >= start; v--) {
			if (!matchesAt(v)) continue;
			if (taken.length === last) {
				hasPreviousPage = true;
				break;
			}
			taken.unshift(v);
		}
		if (args.before) hasNextPage = anyMatch(end, n, 1);
	}
	const edges = taken.map((v) => {
		const index = ascending(v);
		const { key, id } = source.keyAt(index);
		return { cursor: encodeCursor(key, id), node: source.at(index) };
	});
	return {
		edges,
		nodes: edges.map((edge) => edge.node),
		pageInfo: {
			hasNextPage,
			hasPreviousPage,
			startCursor: edges[0]?.cursor ?? null,
			endCursor: edges[edges.length - 1]?.cursor ?? null,
		},
	};
}

/** A plain array in its own order; the cursor key is the position. */
export function arraySource<T extends object>(items: readonly T[]): PageSource<T> {
	const idOf = (item: T): number => {
		const legacy = (item as { legacyResourceId?: unknown }).legacyResourceId;
		return typeof legacy === 'number' ? legacy : 0;
	};
	return {
		length: items.length,
		at: (index) => items[index],
		keyAt: (index) => ({ key: String(index).padStart(10, '0'), id: idOf(items[index]) }),
		lowerBound: (key) => Math.max(0, Math.min(items.length, Number.parseInt(key, 10) || 0)),
	};
}

/** An array sorted by a string key (ties by id), e.g. variants by id. */
export function sortedArraySource<T extends { legacyResourceId: number }>(
	items: readonly T[],
	keyOf: (item: T) => string,
): PageSource<T> {
	return {
		length: items.length,
		at: (index) => items[index],
		keyAt: (index) => ({ key: keyOf(items[index]), id: items[index].legacyResourceId }),
		lowerBound: (key, id) => {
			let low = 0;
			let high = items.length;
			while (low < high) {
				const middle = (low + high) >>> 1;
				const k = keyOf(items[middle]);
				if (k < key || (k === key && items[middle].legacyResourceId < id)) low = middle + 1;
				else high = middle;
			}
			return low;
		},
	};
}

/** The part [from, to) of an ordered source, e.g. the orders inside a date window. */
export function rangeSource<T>(source: PageSource<T>, from: number, to: number): PageSource<T> {
	const start = Math.max(0, Math.min(from, source.length));
	const end = Math.max(start, Math.min(to, source.length));
	return {
		length: end - start,
		at: (index) => source.at(start + index),
		keyAt: (index) => source.keyAt(start + index),
		lowerBound: (key, id) => Math.max(0, Math.min(end, source.lowerBound(key, id)) - start),
	};
}
