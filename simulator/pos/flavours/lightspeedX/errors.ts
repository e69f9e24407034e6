import type { Reply } from '../../routeContext';

/** Lightspeed's error body: `{error, details?}` (the 404 body and 400 vs 422 for a bad sale are unconfirmed). */
export function badRequest(details: string): Reply {
	return { status: 400, body: { error: 'Bad Request', details } };
}

export function notFound(): Reply {
	return { status: 404, body: { error: 'Not Found' } };
}

/** The 429 body Lightspeed documents (docs.vendhq.com/reference/rate_limiting). */
export const TOO_MANY_REQUESTS = { error: 'Too Many Requests', message: 'Rate limiting enforced' };
