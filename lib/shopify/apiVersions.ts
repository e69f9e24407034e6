/**
 * Admin API versions the credential offers. Shopify releases quarterly and supports each version for 12
 * months; a retired version is served as the oldest supported one (see `X-Shopify-API-Version`).
 */
export const SUPPORTED_API_VERSIONS = ['2026-10', '2026-07', '2026-04', '2026-01'] as const;

export type ApiVersion = (typeof SUPPORTED_API_VERSIONS)[number];

export const DEFAULT_API_VERSION: ApiVersion = '2026-10';

const VERSION_PATTERN = /^\d{4}-(01|04|07|10)$|^unstable$/;

export function assertApiVersion(version: string): string {
	const trimmed = version.trim();
	if (!VERSION_PATTERN.test(trimmed)) {
		throw new Error(
			`API Version "${version}" is not a Shopify API version. Use one like ${DEFAULT_API_VERSION} (YYYY-01, -04, -07 or -10).`,
		);
	}
	return trimmed;
}
