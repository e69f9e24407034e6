import type * as http from 'node:http';

export async function readBody(request: http.IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	const text = JSON.stringify(body);
	response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
	response.end(text);
}

/** Parses a JSON body; undefined for an empty one, an Error for malformed JSON. */
export function parseJson(body: Buffer): unknown {
	const text = body.toString('utf8').trim();
	if (text === '') return undefined;
	try {
		return JSON.parse(text);
	} catch (error) {
		return error as Error;
	}
}
