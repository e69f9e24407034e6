import type { IHttpRequestOptions } from 'n8n-workflow';
import { bodyText, lowerCaseHeaders, n8nRequestOptions } from './n8nHelperParts';
import { NetworkError, type HttpRequest, type HttpResponse, type HttpSend } from './types';

/** A node context whose request helper signs with an OAuth2 credential (refreshing the token on a 401). */
export interface OAuth2RequestContext {
	helpers: {
		httpRequestWithAuthentication(this: unknown, credentialsType: string, requestOptions: IHttpRequestOptions): Promise<unknown>;
	};
}

interface AnsweredError {
	message?: string;
	code?: string;
	httpCode?: string;
	cause?: { code?: string; response?: { status?: number; headers?: Record<string, unknown>; data?: unknown } };
	response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
}

/**
 * lib/'s HTTP seam on n8n's OAuth2 request helper: n8n adds the bearer token and, on a 401, refreshes it,
 * stores it (a rotated refresh token included) and sends once more. The helper throws for every other
 * status, so the answer is taken back out of its error: every status resolves, as with n8nHttpSend, and the
 * package's own retries and Failed output stay as they are. A refresh n8n could not make (the sign-in was
 * revoked) comes back as a 401 whose message says so.
 */
export function n8nOAuth2HttpSend(context: OAuth2RequestContext, credentialsType: string): HttpSend {
	return async (request: HttpRequest): Promise<HttpResponse> => {
		try {
			const response = (await context.helpers.httpRequestWithAuthentication.call(context, credentialsType, n8nRequestOptions(request))) as {
				body: unknown;
				headers: Record<string, unknown>;
				statusCode: number;
			};
			return { status: response.statusCode, headers: lowerCaseHeaders(response.headers), body: bodyText(response.body) };
		} catch (error) {
			const failure = error as AnsweredError;
			const answered = failure.cause?.response ?? failure.response;
			if (answered?.status) return { status: answered.status, headers: lowerCaseHeaders(answered.headers), body: bodyText(answered.data) };
			const code = failure.cause?.code ?? failure.code;
			if (code && /^E[A-Z]+$/.test(code)) throw new NetworkError(`${request.method} ${new URL(request.url).origin}: ${failure.message ?? code}`, code);
			// No answer and no network failure: n8n could not sign the request (no token yet, or a refused refresh).
			const reason = failure.message ?? 'n8n could not sign the request with the OAuth2 credential.';
			return { status: 401, headers: {}, body: JSON.stringify({ message: `${reason} Open the credential and sign in to the POS again; nothing was sent.` }) };
		}
	};
}
