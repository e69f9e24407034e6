import type { OrderFilters } from './orderFilters';

/**
 * Shopify's search syntax for the filters (https://shopify.dev/docs/api/usage/search-syntax): terms are
 * ANDed by juxtaposition, OR lists go in parentheses, `-` negates, dates are compared with `>=` / `<=`.
 */
export function orderSearchQuery(filters: OrderFilters): string {
	const terms: string[] = [];
	const range = (field: string, since?: string, until?: string) => {
		if (since) terms.push(`${field}:>=${quote(searchTimestamp(since, `${field} since`))}`);
		if (until) terms.push(`${field}:<=${quote(searchTimestamp(until, `${field} until`))}`);
	};
	range('created_at', filters.createdSince, filters.createdUntil);
	range('updated_at', filters.updatedSince, filters.updatedUntil);
	range('processed_at', filters.processedSince, filters.processedUntil);
	const anyOf = (field: string, values: string[] | undefined) => {
		const clean = (values ?? []).map((value) => value.trim()).filter((value) => value !== '');
		if (clean.length === 1) terms.push(`${field}:${quote(clean[0])}`);
		else if (clean.length > 1) terms.push(`(${clean.map((value) => `${field}:${quote(value)}`).join(' OR ')})`);
	};
	anyOf('financial_status', filters.financialStatuses);
	anyOf('fulfillment_status', filters.fulfillmentStatuses);
	if (filters.status && filters.status !== 'any') terms.push(`status:${filters.status}`);
	anyOf('tag', filters.tagsAny);
	for (const tag of filters.tagsNone ?? []) {
		if (tag.trim() !== '') terms.push(`-tag:${quote(tag.trim())}`);
	}
	if (filters.salesChannel?.trim()) terms.push(`sales_channel:${quote(filters.salesChannel.trim())}`);
	if (filters.testOrders === 'exclude') terms.push('test:false');
	if (filters.testOrders === 'only') terms.push('test:true');
	if (filters.skipPosOrders) terms.push('-source_name:pos');
	if (filters.rawQuery?.trim()) terms.push(`(${filters.rawQuery.trim()})`);
	return terms.join(' ');
}

/** A search value, quoted when it holds anything beyond letters, digits, `_`, `-`, `.`. */
function quote(value: string): string {
	if (/^[\w.-]+$/.test(value)) return value;
	if (!value.includes("'")) return `'${value}'`;
	if (!value.includes('"')) return `"${value}"`;
	throw new Error(`The value ${value} contains both ' and ", which Shopify's search cannot express. Remove one of them.`);
}

/**
 * A date filter as UTC with seconds, the form Shopify's search compares reliably. Accepts anything
 * Date.parse reads (n8n's date pickers give ISO strings, expressions may give `2026-11-20`).
 */
export function searchTimestamp(value: string, what: string): string {
	const time = Date.parse(value);
	if (Number.isNaN(time)) {
		throw new Error(`The ${what.replace('_at', '')} date "${value}" is not a date. Use a form like 2026-11-20 or 2026-11-20T08:00:00Z.`);
	}
	return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
