/** The numeric id at the end of a Shopify GID (`gid://shopify/Order/123?x=y` → `"123"`), kept as a string. */
export function legacyIdOf(gid: string): string {
	const last = gid.split('/').pop() ?? '';
	return last.split('?')[0];
}

/**
 * A GID from a webhook's numeric id. JSON numbers above 2^53 have already lost digits when parsed, so such
 * ids (and anything that is not an id) give null rather than the GID of some other object.
 */
export function gidFromNumericId(type: string, id: unknown): string | null {
	if (typeof id === 'string' && /^\d+$/.test(id)) return `gid://shopify/${type}/${id}`;
	if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return `gid://shopify/${type}/${id}`;
	return null;
}

/** UTC, second precision, Shopify GraphQL's spelling: `2021-12-31T19:00:00-05:00` → `2022-01-01T00:00:00Z`. */
export function utcTimestamp(value: string): string;
export function utcTimestamp(value: string | null | undefined): string | null;
export function utcTimestamp(value: string | null | undefined): string | null {
	if (value === null || value === undefined || value === '') return null;
	const time = Date.parse(value);
	if (Number.isNaN(time)) return value;
	return new Date(time).toISOString().replace(/\.000Z$/, 'Z');
}
