import { PackageError } from '../packageError';

/**
 * The one HTTP seam of lib/: nodes pass a sender built on n8n's `helpers.httpRequest`
 * (so n8n's proxy and TLS settings apply); tests and scripts pass one built on node:http.
 * A sender resolves for every HTTP status and rejects only when no response arrived.
 */
export interface HttpRequest {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
	url: string;
	headers: Record<string, string>;
	body?: string;
	timeoutMs?: number;
}

export interface HttpResponse {
	status: number;
	/** Lower-cased header names. */
	headers: Record<string, string>;
	body: string;
}

export type HttpSend = (request: HttpRequest) => Promise<HttpResponse>;

/** No response arrived: refused, reset, timed out, DNS failure. `code` is Node's (ECONNRESET, ETIMEDOUT…). */
export class NetworkError extends PackageError {
	readonly remote = true;
	readonly advice = 'Check that the address is right and that n8n can reach it (proxy, firewall, DNS).';

	constructor(
		message: string,
		readonly code: string,
	) {
		super(message);
		this.name = 'NetworkError';
	}
}
