import type { HttpRequest, HttpResponse } from './types';

export const REDACTED = '[redacted]';

export interface Redactor {
	text(value: string): string;
	headers(headers: Record<string, string>): Record<string, string>;
	request(request: HttpRequest): HttpRequest;
	response(response: HttpResponse): HttpResponse;
}

/**
 * Removes secrets from whatever leaves the node (output items, error messages, log lines): headers that
 * carry credentials are masked whole, and any occurrence of a secret value in URLs and bodies is replaced
 * (a POS may echo the token back in an error body, a user may put it in a query string).
 */
export function createRedactor(secretHeaderNames: string[], secretValues: string[]): Redactor {
	const names = new Set(secretHeaderNames.map((name) => name.toLowerCase()));
	const values = [...new Set(secretValues.filter((value) => value.length > 0))].sort((a, b) => b.length - a.length);
	const variants = values.flatMap((value) => [value, encodeURIComponent(value)]);
	const text = (value: string): string => {
		let result = value;
		for (const secret of variants) if (result.includes(secret)) result = result.split(secret).join(REDACTED);
		return result;
	};
	const headers = (input: Record<string, string>): Record<string, string> => {
		const output: Record<string, string> = {};
		for (const [name, value] of Object.entries(input)) output[name] = names.has(name.toLowerCase()) ? REDACTED : text(value);
		return output;
	};
	return {
		text,
		headers,
		request: (request) => ({
			...request,
			url: text(request.url),
			headers: headers(request.headers),
			...(request.body === undefined ? {} : { body: text(request.body) }),
		}),
		response: (response) => ({ status: response.status, headers: headers(response.headers), body: text(response.body) }),
	};
}
