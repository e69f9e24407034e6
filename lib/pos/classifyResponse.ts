import type { HttpResponse } from '../http/types';
import type { StatusMatcher } from './retryPolicy';

/**
 * Responses that mean "this already exists" for a create: a POS without replay of idempotent requests
 * answers a repeat with e.g. 409 or a 400 whose body says "already exists". The order is in the POS, so
 * for the workflow it is a success (reported as `duplicate`, never silently).
 */
export interface DuplicateRule {
	statuses: StatusMatcher;
	/** Case-insensitive substrings, or `/regex/flags`, matched against the response body of a non-2xx. */
	bodyPatterns: string[];
}

export type ResponseClass = 'success' | 'duplicate' | 'error';

export const NO_DUPLICATES: DuplicateRule = { statuses: () => false, bodyPatterns: [] };

function patternMatches(pattern: string, body: string): boolean {
	const regex = /^\/(.+)\/([gimsuy]*)$/.exec(pattern);
	if (regex) return new RegExp(regex[1], regex[2]).test(body);
	return body.toLowerCase().includes(pattern.toLowerCase());
}

/** Throws a message naming the pattern when a `/regex/` does not compile. */
export function checkBodyPatterns(patterns: string[]): string[] {
	for (const pattern of patterns) {
		const regex = /^\/(.+)\/([gimsuy]*)$/.exec(pattern);
		if (!regex) continue;
		try {
			new RegExp(regex[1], regex[2]);
		} catch (error) {
			throw new RangeError(`Duplicate body pattern ${pattern} is not a valid regular expression: ${(error as Error).message}`);
		}
	}
	return patterns;
}

export function classifyResponse(response: HttpResponse, duplicate: DuplicateRule): ResponseClass {
	if (response.status >= 200 && response.status < 300) return 'success';
	if (duplicate.statuses(response.status)) return 'duplicate';
	if (duplicate.bodyPatterns.some((pattern) => patternMatches(pattern, response.body))) return 'duplicate';
	return 'error';
}

/** The POS's own words for an error, from the common JSON shapes (Square `errors[].detail`, `message`, `error`). */
export function posErrorMessage(response: HttpResponse): string {
	const text = response.body.trim();
	if (text === '') return `HTTP ${response.status} with an empty body`;
	try {
		const json = JSON.parse(text) as Record<string, unknown>;
		const errors = json.errors;
		if (Array.isArray(errors) && errors.length > 0) {
			return errors
				.map((error) => {
					if (typeof error === 'string') return error;
					const e = error as Record<string, unknown>;
					const words = e.detail ?? e.message ?? e.code ?? JSON.stringify(e);
					return e.code && e.code !== words ? `${String(e.code)}: ${String(words)}` : String(words);
				})
				.join('; ');
		}
		for (const key of ['message', 'error_description', 'error', 'detail', 'title']) {
			const value = json[key];
			if (typeof value === 'string' && value !== '') return value;
			if (value && typeof value === 'object' && typeof (value as Record<string, unknown>).message === 'string') {
				return (value as Record<string, string>).message;
			}
		}
	} catch {
		// Not JSON: an HTML error page or plain text; show its start.
	}
	return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
