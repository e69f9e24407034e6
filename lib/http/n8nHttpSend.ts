import type { IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';
import { NetworkError, type HttpRequest, type HttpResponse, type HttpSend } from './types';

interface HttpRequestHelper {
	httpRequest(options: IHttpRequestOptions): Promise<unknown>;
}

interface FullResponse {
	body: unknown;
	headers: Record<string, string | string[] | undefined>;
	statusCode: number;
}

function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	if (typeof body === 'string') return body;
	return JSON.stringify(body);
}

/**
 * lib/'s HTTP seam on n8n's own request helper, so the instance's proxy, TLS and SSRF settings apply.
 * Every status resolves; only a missing response rejects (as NetworkError, with Node's error code).
 */
export function n8nHttpSend(helpers: HttpRequestHelper): HttpSend {
	return async (request: HttpRequest): Promise<HttpResponse> => {
		let response: FullResponse;
		try {
			response = (await helpers.httpRequest({
				method: request.method as IHttpRequestMethods,
				url: request.url,
				headers: request.headers,
				body: request.body,
				timeout: request.timeoutMs ?? 30_000,
				encoding: 'arraybuffer',
				json: false,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as FullResponse;
		} catch (error) {
			const cause = error as { code?: string; cause?: { code?: string }; message?: string };
			const code = cause.code ?? cause.cause?.code ?? 'ECONNRESET';
			throw new NetworkError(`${request.method} ${new URL(request.url).origin}: ${cause.message ?? code}`, code);
		}
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(response.headers ?? {})) {
			if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
		}
		return { status: response.statusCode, headers, body: bodyText(response.body) };
	};
}
