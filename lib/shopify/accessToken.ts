import { createHash } from 'node:crypto';
import type { HttpSend } from '../http/types';
import { requestClientCredentialsToken, type IssuedToken } from './tokenExchange';

export type ShopifyAuth =
	| { authentication: 'accessToken'; accessToken: string }
	| { authentication: 'clientCredentials'; clientId: string; clientSecret: string };

/** Where a request gets its `X-Shopify-Access-Token`. */
export interface AccessTokenSource {
	token(): Promise<string>;
	/** The token was refused (401): forget it so the next `token()` gets a new one. False when it cannot renew. */
	invalidate(rejected: string): boolean;
}

/** Renew this long before Shopify's stated expiry, so a token never expires between check and use. */
export const RENEW_BEFORE_EXPIRY_MS = 60_000;

interface CachedToken {
	token?: string;
	expiresAt: number;
	pending?: Promise<string>;
}

/**
 * Client-credentials tokens of this process, one per (store, client id, secret). Shared by every node
 * and execution so a busy workflow asks Shopify for a token once a day, not once a run.
 */
const cache = new Map<string, CachedToken>();

function cacheKey(origin: string, clientId: string, clientSecret: string): string {
	const secretTag = createHash('sha256').update(clientSecret).digest('hex').slice(0, 16);
	return `${origin}|${clientId}|${secretTag}`;
}

export function clearAccessTokenCache(): void {
	cache.clear();
}

export function staticAccessToken(accessToken: string): AccessTokenSource {
	return { token: async () => accessToken, invalidate: () => false };
}

/**
 * Tokens from the client credentials grant, cached until ~60 s before `expires_in` runs out. Concurrent
 * callers share one request in flight; a failed request is not cached, so the next call tries again.
 */
export function clientCredentialsAccessToken(
	send: HttpSend,
	origin: string,
	clientId: string,
	clientSecret: string,
	now: () => number = Date.now,
	grant: typeof requestClientCredentialsToken = requestClientCredentialsToken,
): AccessTokenSource {
	const key = cacheKey(origin, clientId, clientSecret);
	const entry = (): CachedToken => {
		let cached = cache.get(key);
		if (!cached) {
			cached = { expiresAt: 0 };
			cache.set(key, cached);
		}
		return cached;
	};
	return {
		token(): Promise<string> {
			const cached = entry();
			if (cached.token && now() < cached.expiresAt - RENEW_BEFORE_EXPIRY_MS) return Promise.resolve(cached.token);
			if (cached.pending) return cached.pending;
			const requestedAt = now();
			cached.pending = grant(send, origin, clientId, clientSecret)
				.then((issued: IssuedToken) => {
					cached.token = issued.accessToken;
					cached.expiresAt = requestedAt + issued.expiresIn * 1000;
					return issued.accessToken;
				})
				.finally(() => {
					cached.pending = undefined;
				});
			return cached.pending;
		},
		invalidate(rejected: string): boolean {
			const cached = entry();
			// Several requests may fail with the same old token: only the first drops it, the rest reuse the renewal.
			if (cached.token === rejected) {
				cached.token = undefined;
				cached.expiresAt = 0;
			}
			return true;
		},
	};
}

export function accessTokenSource(auth: ShopifyAuth, send: HttpSend, origin: string, now?: () => number): AccessTokenSource {
	if (auth.authentication === 'accessToken') return staticAccessToken(auth.accessToken);
	return clientCredentialsAccessToken(send, origin, auth.clientId, auth.clientSecret, now);
}
