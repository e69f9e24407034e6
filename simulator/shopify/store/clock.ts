/** Shopify's DateTime scalar: ISO 8601 in UTC with whole seconds ("2026-11-20T10:15:00Z"). */
export function shopifyDateTime(epochMs: number): string {
	return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export type Clock = () => number;
