import type { HttpRequest } from '../http/types';
import { credentialHeaders } from './authHeaders';
import type { PosCredentials } from './credentials';
import { InputError } from '../packageError';

export type PosMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export class PosRequestError extends InputError {
	constructor(message: string) {
		super(message, 'INVALID_POS_REQUEST');
	}
}

/**
 * `https://pos.example/api` + `/orders` → `https://pos.example/api/orders`. The path must stay relative:
 * an absolute URL would send the credential's secret to another host.
 */
export function posUrl(baseUrl: string, path: string, query: Record<string, string> = {}): string {
	let base: URL;
	try {
		base = new URL(baseUrl.trim());
	} catch {
		throw new PosRequestError(`The POS API credential's Base URL "${baseUrl}" is not a URL; write it like https://connect.squareup.com.`);
	}
	if (base.protocol !== 'https:' && base.protocol !== 'http:') {
		throw new PosRequestError(`The POS API credential's Base URL must start with https:// (or http:// for a local server), got "${baseUrl}".`);
	}
	const relative = path.trim();
	if (/^[a-z][a-z0-9+.-]*:/i.test(relative) || relative.startsWith('//')) {
		throw new PosRequestError(`The path "${relative}" is a full URL; write it relative to the credential's Base URL (e.g. /v2/orders).`);
	}
	const [pathPart, inlineQuery = ''] = relative.split(/\?(.*)/s, 2);
	const url = new URL(base.toString());
	const basePath = url.pathname.replace(/\/+$/, '');
	const extra = pathPart.replace(/^\/+/, '');
	url.pathname = extra === '' ? basePath || '/' : `${basePath}/${extra}`;
	const params = new URLSearchParams(url.search);
	for (const [name, value] of new URLSearchParams(inlineQuery)) params.append(name, value);
	for (const [name, value] of Object.entries(query)) params.append(name, value);
	url.search = params.toString();
	return url.toString();
}

export interface PosRequestSpec {
	method: PosMethod;
	path: string;
	query?: Record<string, string>;
	headers?: Record<string, string>;
	/** A JSON value; serialised here. */
	body?: unknown;
	timeoutMs?: number;
}

/** The HTTP request for one call: URL, the user's headers, the credential's headers (auth last), JSON body. */
export function buildPosRequest(credentials: PosCredentials, spec: PosRequestSpec): HttpRequest {
	const headers: Record<string, string> = { Accept: 'application/json', ...(spec.headers ?? {}) };
	for (const [name, value] of Object.entries(credentialHeaders(credentials))) {
		for (const existing of Object.keys(headers)) if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
		headers[name] = value;
	}
	const request: HttpRequest = { method: spec.method, url: posUrl(credentials.baseUrl, spec.path, spec.query), headers, timeoutMs: spec.timeoutMs };
	if (spec.body !== undefined) {
		if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
		request.body = JSON.stringify(spec.body);
	}
	return request;
}

/** GET, PUT, DELETE and HEAD may be repeated without creating anything new (RFC 9110 §9.2.2). */
export function isIdempotentMethod(method: string): boolean {
	return ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'].includes(method.toUpperCase());
}
