import * as http from 'node:http';
import * as https from 'node:https';
import { NetworkError, type HttpRequest, type HttpResponse, type HttpSend } from './types';

/** A sender on node:http(s), for tests, scripts and benchmarks outside n8n. */
export const nodeHttpSend: HttpSend = (request: HttpRequest) =>
	new Promise<HttpResponse>((resolve, reject) => {
		const url = new URL(request.url);
		const transport = url.protocol === 'https:' ? https : http;
		const req = transport.request(
			url,
			{ method: request.method, headers: request.headers, timeout: request.timeoutMs ?? 30_000 },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('error', (error: NodeJS.ErrnoException) =>
					reject(new NetworkError(error.message, error.code ?? 'ECONNRESET')),
				);
				res.on('end', () => {
					const headers: Record<string, string> = {};
					for (const [name, value] of Object.entries(res.headers)) {
						if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
					}
					resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
				});
			},
		);
		req.on('timeout', () => req.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })));
		req.on('error', (error: NodeJS.ErrnoException) =>
			reject(new NetworkError(`${request.method} ${url.origin}${url.pathname}: ${error.message}`, error.code ?? 'ECONNRESET')),
		);
		if (request.body !== undefined) req.write(request.body);
		req.end();
	});
