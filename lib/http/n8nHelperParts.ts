import type { IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';
import type { HttpRequest } from './types';

/** What both n8n senders ask n8n's request helper for: the raw body back and the whole response. */
export function n8nRequestOptions(request: HttpRequest): IHttpRequestOptions {
	return {
		method: request.method as IHttpRequestMethods,
		url: request.url,
		headers: request.headers,
		body: request.body,
		timeout: request.timeoutMs ?? 30_000,
		encoding: 'arraybuffer',
		json: false,
		returnFullResponse: true,
	};
}

/** A response body as text, whatever form n8n's request helper returned it in (buffer, array buffer, string, object). */
export function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	if (typeof body === 'string') return body;
	return JSON.stringify(body);
}

/** Response headers with lower-cased names and one string each (repeated headers joined). */
export function lowerCaseHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers ?? {})) {
		if (value !== undefined && value !== null) result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return result;
}
