import { constantTimeEqual } from './constantTimeEqual';

/**
 * Shortest URL token accepted. Lightspeed X documents no webhook signature, and Loyverse signs none of the
 * webhooks made with an access token, so a secret in the URL (or a header) is all that tells their
 * deliveries from anyone else's: it must be too long to guess (16 random characters ≈ 95 bits).
 */
export const MIN_URL_TOKEN_LENGTH = 16;

export const DEFAULT_TOKEN_QUERY_PARAMETER = 'token';
export const DEFAULT_TOKEN_HEADER = 'x-webhook-token';

export interface TokenSources {
	/** The request's query parameters. */
	query: Record<string, unknown>;
	/** The request's headers, lower-case names. */
	headers: Record<string, string | string[] | undefined>;
	queryParameter: string;
	headerName: string;
}

function firstText(value: unknown): string | undefined {
	if (Array.isArray(value)) return firstText(value[0]);
	return typeof value === 'string' ? value : undefined;
}

/** The token a delivery carries: the query parameter, else the header. */
export function tokenOf(sources: TokenSources): string | undefined {
	return firstText(sources.query[sources.queryParameter]) ?? firstText(sources.headers[sources.headerName.toLowerCase()]);
}

export function isValidUrlToken(given: string | undefined, expected: string): boolean {
	if (expected.length < MIN_URL_TOKEN_LENGTH || given === undefined) return false;
	return constantTimeEqual(given, expected);
}
