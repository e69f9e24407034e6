import type { Reply } from '../../routeContext';

/**
 * Clover's error answers as `{ message }` (the exact bodies are unconfirmed; the statuses are Clover's:
 * 401 for a wrong token, a missing permission or a wrong merchant id, https://docs.clover.com/docs/401-unauthorized).
 */
export function cloverError(status: number, message: string): Reply {
	return { status, body: { message } };
}

export const unauthorized = (): Reply => cloverError(401, '401 Unauthorized');
export const notFound = (what: string): Reply => cloverError(404, `${what} not found`);
