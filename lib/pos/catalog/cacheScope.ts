import { createHash } from 'node:crypto';

/**
 * Which POS account a cached mapping belongs to: the vendor, the API's base URL, a hash of the secret
 * (two tokens may reach two merchants at one URL) and, for vendors whose catalog differs per location or
 * outlet, the location. The secret itself is never kept: only 16 hex digits of its SHA-256.
 */
export interface CacheScopeParts {
	vendor: string;
	baseUrl: string;
	/** The credential's secret (token, API key, user:password); hashed here. */
	secret: string;
	/** Only for vendors whose item ids depend on the location. */
	locationId?: string;
}

export function catalogCacheScope(parts: CacheScopeParts): string {
	const base = parts.baseUrl.trim().replace(/\/+$/, '').toLowerCase();
	const secretHash = createHash('sha256').update(parts.secret, 'utf8').digest('hex').slice(0, 16);
	return [parts.vendor, base, secretHash, parts.locationId ?? ''].join('|');
}
