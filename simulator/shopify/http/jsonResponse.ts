import type { IncomingMessage, ServerResponse } from 'node:http';

export function sendJson(
	response: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	const text = JSON.stringify(body);
	response.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(text),
		...headers,
	});
	response.end(text);
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export function readBody(request: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('request body too large'));
				request.destroy();
				return;
			}
			chunks.push(chunk);
		});
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

/** JSON or application/x-www-form-urlencoded, as Shopify's OAuth endpoint accepts both. */
export function parseFormOrJson(body: Buffer, contentType: string | undefined): Record<string, unknown> {
	const text = body.toString('utf8');
	if ((contentType ?? '').includes('application/json')) {
		try {
			const parsed = JSON.parse(text) as unknown;
			return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
		} catch {
			return {};
		}
	}
	return Object.fromEntries(new URLSearchParams(text));
}
