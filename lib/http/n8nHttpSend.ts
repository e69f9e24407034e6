import type { IHttpRequestOptions } from 'n8n-workflow';
import { bodyText, lowerCaseHeaders, n8nRequestOptions } from './n8nHelperParts';
import { NetworkError, type HttpRequest, type HttpResponse, type HttpSend } from './types';

interface HttpRequestHelper {
	httpRequest(options: IHttpRequestOptions): Promise<unknown>;
}

interface FullResponse {
	body: unknown;
	headers: Record<string, string | string[] | undefined>;
	statusCode: number;
}

/**
 * lib/'s HTTP seam on n8n's own request helper, so the instance's proxy, TLS and SSRF settings apply.
 * Every status resolves; only a missing response rejects (as NetworkError, with Node's error code).
 */
export function n8nHttpSend(helpers: HttpRequestHelper): HttpSend {
	return async (request: HttpRequest): Promise<HttpResponse> => {
		let response: FullResponse;
		try {
			response = (await helpers.httpRequest({ ...n8nRequestOptions(request), ignoreHttpStatusErrors: true })) as FullResponse;
		} catch (error) {
			const cause = error as { code?: string; cause?: { code?: string }; message?: string };
			const code = cause.code ?? cause.cause?.code ?? 'ECONNRESET';
			throw new NetworkError(`${request.method} ${new URL(request.url).origin}: ${cause.message ?? code}`, code);
		}
		return { status: response.statusCode, headers: lowerCaseHeaders(response.headers), body: bodyText(response.body) };
	};
}
