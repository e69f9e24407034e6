/**
 * Shopify's search syntax (the `query:` argument): `field:value` terms, comparators `>`, `>=`, `<`, `<=`,
 * quoting with '…' or "…", `-field:value` and `NOT` for negation, implicit AND between terms, explicit
 * `AND` / `OR` and parentheses. OR binds looser than AND, as in Shopify's grammar.
 */
export type Comparator = '=' | '>' | '>=' | '<' | '<=';

export type SearchNode =
	| { kind: 'all' }
	| { kind: 'and'; items: SearchNode[] }
	| { kind: 'or'; items: SearchNode[] }
	| { kind: 'not'; item: SearchNode }
	| { kind: 'term'; field: string | null; comparator: Comparator; value: string };

interface Token {
	kind: 'word' | 'open' | 'close';
	text: string;
	/** the whole word was one quoted string (so AND/OR/NOT in quotes are values) */
	quoted: boolean;
	colon: number;
	negated: boolean;
}

function tokenize(query: string): Token[] {
	const tokens: Token[] = [];
	let index = 0;
	while (index < query.length) {
		const char = query[index];
		if (/\s/.test(char)) {
			index++;
			continue;
		}
		if (char === '(' || char === ')') {
			tokens.push({ kind: char === '(' ? 'open' : 'close', text: char, quoted: false, colon: -1, negated: false });
			index++;
			continue;
		}
		let negated = false;
		if (char === '-' && index + 1 < query.length && !/[\s)]/.test(query[index + 1])) {
			negated = true;
			index++;
		}
		let text = '';
		let colon = -1;
		let quoted = false;
		let sawQuote = false;
		while (index < query.length && !/[\s()]/.test(query[index])) {
			const c = query[index];
			if (c === "'" || c === '"') {
				const end = query.indexOf(c, index + 1);
				const closing = end === -1 ? query.length : end;
				quoted = !sawQuote && text === '';
				sawQuote = true;
				text += query.slice(index + 1, closing);
				index = closing + 1;
				continue;
			}
			if (c === '\\' && index + 1 < query.length) {
				text += query[index + 1];
				index += 2;
				continue;
			}
			if (c === ':' && colon === -1) colon = text.length;
			text += c;
			index++;
		}
		if (quoted && index < query.length && !/[\s()]/.test(query[index])) quoted = false;
		tokens.push({ kind: 'word', text, quoted: quoted && colon === -1, colon, negated });
	}
	return tokens;
}

function term(token: Token): SearchNode {
	if (token.colon === -1) return { kind: 'term', field: null, comparator: '=', value: token.text };
	const field = token.text.slice(0, token.colon).toLowerCase();
	let value = token.text.slice(token.colon + 1);
	let comparator: Comparator = '=';
	for (const candidate of ['>=', '<=', '>', '<'] as const) {
		if (value.startsWith(candidate)) {
			comparator = candidate;
			value = value.slice(candidate.length);
			break;
		}
	}
	return { kind: 'term', field, comparator, value };
}

export function parseSearch(query: string | null | undefined): SearchNode {
	const tokens = tokenize(query ?? '');
	let position = 0;
	const isKeyword = (word: string): boolean => {
		const token = tokens[position];
		return token?.kind === 'word' && !token.quoted && !token.negated && token.colon === -1 && token.text === word;
	};

	function parseOr(): SearchNode {
		const items = [parseAnd()];
		while (isKeyword('OR')) {
			position++;
			items.push(parseAnd());
		}
		return items.length === 1 ? items[0] : { kind: 'or', items };
	}
	function parseAnd(): SearchNode {
		const items: SearchNode[] = [];
		while (position < tokens.length && tokens[position].kind !== 'close' && !isKeyword('OR')) {
			if (isKeyword('AND')) {
				position++;
				continue;
			}
			items.push(parseUnary());
		}
		if (items.length === 0) return { kind: 'all' };
		return items.length === 1 ? items[0] : { kind: 'and', items };
	}
	function parseUnary(): SearchNode {
		if (isKeyword('NOT')) {
			position++;
			return { kind: 'not', item: parseUnary() };
		}
		const token = tokens[position++];
		if (token.kind === 'open') {
			const inner = parseOr();
			if (tokens[position]?.kind === 'close') position++;
			return inner;
		}
		const node = term(token);
		return token.negated ? { kind: 'not', item: node } : node;
	}

	const root = parseOr();
	return root;
}

export interface SearchWarning {
	field: string;
	message: string;
	code: string;
}

/**
 * What Shopify reports under `extensions.search` for a searched connection with ignored fields, as recorded
 * from a live store (airhorns/shopify-draft-proxy, fixtures/conformance/harry-test-heelo.myshopify.com/
 * 2025-01/customers/customers-count.json): `{ path, query, parsed: { field, match_all }, warnings: [{ field,
 * message: "Invalid search field for this query.", code: "invalid_field" }] }`. A search without ignored
 * fields gets no entry.
 */
export interface SearchReport {
	path: Array<string | number>;
	query: string;
	parsed: unknown;
	warnings: SearchWarning[];
}

/**
 * Shopify's `parsed` form of a query. A single term is `{ field, match_all }` (seen live); a quoted phrase
 * `match_phrase` and an AND of terms `{ and: [...] }` (seen in a recorded orders search). The spelling of
 * comparisons, OR, NOT and bare words is not documented: they follow the same pattern (UNCONFIRMED).
 */
export function parsedSearch(node: SearchNode): unknown {
	switch (node.kind) {
		case 'all':
			return {};
		case 'and':
			return { and: node.items.map(parsedSearch) };
		case 'or':
			return { or: node.items.map(parsedSearch) };
		case 'not':
			return { not: parsedSearch(node.item) };
		case 'term': {
			const field = node.field ?? 'default';
			if (node.comparator !== '=') {
				const range = { '>': 'range_gt', '>=': 'range_gte', '<': 'range_lt', '<=': 'range_lte' }[node.comparator];
				return { field, [range]: node.value };
			}
			return /\s/.test(node.value) ? { field, match_phrase: node.value } : { field, match_all: node.value };
		}
	}
}

export type FieldMatcher<T> = (record: T, comparator: Comparator, value: string) => boolean;

/**
 * Turns a parsed query into a predicate. A field the resource does not support is ignored and reported as
 * a warning, which is what Shopify does (it returns the unfiltered results plus `extensions.search`).
 */
export function compileSearch<T>(
	node: SearchNode,
	fields: Record<string, FieldMatcher<T>>,
	freeText: (record: T, value: string) => boolean,
	warnings: SearchWarning[],
): (record: T) => boolean {
	switch (node.kind) {
		case 'all':
			return () => true;
		case 'and': {
			const parts = node.items.map((item) => compileSearch(item, fields, freeText, warnings));
			return (record) => parts.every((part) => part(record));
		}
		case 'or': {
			const parts = node.items.map((item) => compileSearch(item, fields, freeText, warnings));
			return (record) => parts.some((part) => part(record));
		}
		case 'not': {
			const inner = compileSearch(node.item, fields, freeText, warnings);
			return (record) => !inner(record);
		}
		case 'term': {
			if (node.field === null) {
				const value = node.value;
				return (record) => freeText(record, value);
			}
			const matcher = fields[node.field];
			if (!matcher) {
				warnings.push({ field: node.field, message: 'Invalid search field for this query.', code: 'invalid_field' });
				return () => true;
			}
			const { comparator, value } = node;
			return (record) => matcher(record, comparator, value);
		}
	}
}

/** Compares with the comparator; `=` on strings is case-insensitive and honours a trailing `*` prefix. */
export function compareText(actual: string | null | undefined, comparator: Comparator, expected: string): boolean {
	if (actual === null || actual === undefined) return false;
	const a = actual.toLowerCase();
	const e = expected.toLowerCase();
	if (comparator === '=') return e.endsWith('*') ? a.startsWith(e.slice(0, -1)) : a === e;
	return compareOrdered(a, comparator, e);
}

export function compareNumber(actual: number, comparator: Comparator, expected: number): boolean {
	return compareOrdered(actual, comparator, expected);
}

interface DateBound {
	/** first instant matched by `=`, as the store's own DateTime text */
	start: string;
	/** first instant after the day, for a bare date; null for a full timestamp */
	end: string | null;
}

const dateBounds = new Map<string, DateBound | null>();
export const asStoreText = (epochMs: number): string => new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** Parsed once per distinct value: a search over 100k orders compares text, not Date objects. */
export function dateBound(expected: string): DateBound | null {
	let bound = dateBounds.get(expected);
	if (bound === undefined) {
		const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(expected);
		const start = Date.parse(dayOnly ? `${expected}T00:00:00Z` : expected);
		bound = Number.isNaN(start) ? null : { start: asStoreText(start), end: dayOnly ? asStoreText(start + 24 * 3600 * 1000) : null };
		if (dateBounds.size > 10000) dateBounds.clear();
		dateBounds.set(expected, bound);
	}
	return bound;
}

/**
 * Dates: a full timestamp compares as an instant (to the second); a bare date (2026-11-20) means that
 * whole UTC day, so `>2026-11-20` starts the next day and `:2026-11-20` matches any time on it. Stored
 * dates are ISO text in one format ("2026-11-20T10:15:00Z"), so text order is time order.
 */
export function compareDate(actualIso: string, comparator: Comparator, expected: string, now: () => number = Date.now): boolean {
	const bound = expected.toLowerCase() === 'now' ? { start: asStoreText(now()), end: null } : dateBound(expected);
	if (!bound) return false;
	if (bound.end === null) return compareOrdered(actualIso, comparator, bound.start);
	switch (comparator) {
		case '=':
			return actualIso >= bound.start && actualIso < bound.end;
		case '>':
			return actualIso >= bound.end;
		case '>=':
			return actualIso >= bound.start;
		case '<':
			return actualIso < bound.start;
		case '<=':
			return actualIso < bound.end;
	}
}

function compareOrdered<T extends string | number>(actual: T, comparator: Comparator, expected: T): boolean {
	switch (comparator) {
		case '=':
			return actual === expected;
		case '>':
			return actual > expected;
		case '>=':
			return actual >= expected;
		case '<':
			return actual < expected;
		case '<=':
			return actual <= expected;
	}
}

/**
 * The date window a query pins on one field through top-level AND terms (e.g. `updated_at:>=X`), as
 * [from, to) in stored DateTime text. The orders resolver starts its walk there instead of at the first
 * order; the full predicate still decides each order.
 */
export function dateWindow(node: SearchNode, field: string): { from: string | null; to: string | null } {
	const terms = node.kind === 'and' ? node.items : [node];
	let from: string | null = null;
	let to: string | null = null;
	const nextSecond = (text: string): string => asStoreText(Date.parse(text) + 1000);
	for (const term of terms) {
		if (term.kind !== 'term' || term.field !== field || term.value.toLowerCase() === 'now') continue;
		const bound = dateBound(term.value);
		if (!bound) continue;
		const lower = term.comparator === '>' ? (bound.end ?? nextSecond(bound.start)) : term.comparator === '>=' || term.comparator === '=' ? bound.start : null;
		const upper =
			term.comparator === '<' ? bound.start : term.comparator === '<=' || term.comparator === '=' ? (bound.end ?? nextSecond(bound.start)) : null;
		if (lower !== null && (from === null || lower > from)) from = lower;
		if (upper !== null && (to === null || upper < to)) to = upper;
	}
	return { from, to };
}
