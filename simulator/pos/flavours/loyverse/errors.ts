import type { Reply } from '../../routeContext';

/**
 * Loyverse's error envelope, `{errors: [{code, details, field?}]}`, as third-party clients read it. The
 * codes used here (NOT_FOUND, MISSING_REQUIRED_PARAMETER, INCORRECT_VALUE_TYPE, INVALID_VALUE, CONFLICT,
 * RATE_LIMITED) and which status goes with each are unconfirmed (README).
 */
export function loyverseError(status: number, code: string, details: string, field?: string): Reply {
	return { status, body: { errors: [{ code, details, ...(field ? { field } : {}) }] } };
}

export const missing = (field: string): Reply => loyverseError(400, 'MISSING_REQUIRED_PARAMETER', `${field} is required`, field);

export const wrongType = (field: string, expected: string): Reply => loyverseError(400, 'INCORRECT_VALUE_TYPE', `${field} must be ${expected}`, field);

export const invalid = (field: string, details: string): Reply => loyverseError(400, 'INVALID_VALUE', details, field);

export const notFound = (details: string, field?: string): Reply => loyverseError(404, 'NOT_FOUND', details, field);
