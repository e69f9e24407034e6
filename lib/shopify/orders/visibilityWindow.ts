import type { OrderFilters } from './orderFilters';

/** Without the `read_all_orders` scope Shopify shows only orders from the last 60 days, silently. */
export const VISIBLE_DAYS_WITHOUT_READ_ALL_ORDERS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Start of what an app without `read_all_orders` can see. */
export function visibleSince(now: number): Date {
	return new Date(now - VISIBLE_DAYS_WITHOUT_READ_ALL_ORDERS * DAY_MS);
}

/**
 * True when the filters may match orders older than 60 days: no created/processed lower bound, or one
 * further back. (An updated-since bound does not help: an old order edited today is still hidden.)
 */
export function filtersReachPastVisibleWindow(filters: OrderFilters, now: number): boolean {
	const bounds = [filters.createdSince, filters.processedSince]
		.filter((value): value is string => Boolean(value))
		.map((value) => Date.parse(value))
		.filter((time) => !Number.isNaN(time));
	if (bounds.length === 0) return true;
	return Math.max(...bounds) < visibleSince(now).getTime();
}

export function visibilityWarning(now: number): string {
	const since = visibleSince(now).toISOString().slice(0, 10);
	return (
		`This app does not have Shopify's read_all_orders scope, so Shopify only returns orders from the last ` +
		`${VISIBLE_DAYS_WITHOUT_READ_ALL_ORDERS} days (since ${since}); older orders matching the filters are missing ` +
		'from the result. Request read_all_orders for the app (Shopify must approve it for public apps; custom apps ' +
		'can select it) or narrow "Created Since" to the last 60 days.'
	);
}
