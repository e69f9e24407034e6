import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
	headers: http.IncomingHttpHeaders;
	rawBody: Buffer;
	json: Record<string, unknown>;
	/** the status this endpoint answered with */
	answeredWith: number;
}

/** A local endpoint that records deliveries and answers with whatever status the test scripts next. */
export async function startWebhookReceiver(): Promise<{
	url: string;
	received: ReceivedWebhook[];
	/** statuses (or 'hang') for the next requests; afterwards 200 */
	script: Array<number | 'hang'>;
	close(): Promise<void>;
}> {
	const received: ReceivedWebhook[] = [];
	const script: Array<number | 'hang'> = [];
	const hanging = new Set<http.ServerResponse>();
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const rawBody = Buffer.concat(chunks);
			const next = script.shift() ?? 200;
			if (next === 'hang') {
				hanging.add(response);
				return;
			}
			received.push({ headers: request.headers, rawBody, json: JSON.parse(rawBody.toString('utf8')) as Record<string, unknown>, answeredWith: next });
			response.writeHead(next).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hooks`,
		received,
		script,
		close: async () => {
			for (const response of hanging) response.destroy();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
