/**
 * One order change = one order at one `updatedAt`. Webhooks carry `admin_graphql_api_id` and `updated_at`
 * with the shop's UTC offset (`2026-11-20T05:00:00-05:00`); GraphQL returns `updatedAt` in UTC
 * (`2026-11-20T10:00:00Z`). Both are reduced to the same instant so a change seen by a webhook and by a
 * poll gets the same key. Undefined when either part is missing or unreadable (nothing to reconcile on).
 */
export function orderChangeKey(orderGid: string | null | undefined, updatedAt: string | null | undefined): string | undefined {
	if (!orderGid || !updatedAt) return undefined;
	const instant = Date.parse(updatedAt);
	if (Number.isNaN(instant)) return undefined;
	return `${orderGid}@${new Date(instant).toISOString()}`;
}
