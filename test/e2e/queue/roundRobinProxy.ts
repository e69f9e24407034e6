import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Which upstream answered a request, for tests to see how deliveries were spread. */
export interface ProxiedRequest {
	upstream: number;
	method: string;
	path: string;
	status: number | null;
	/** Shopify's X-Shopify-Event-Id, or a POS sale's X-Event-Id: the same value means the same event. */
	eventId: string | null;
}

/**
 * A tiny load balancer in front of n8n's webhook processes: each request goes to the next upstream in turn,
 * as a round-robin ingress would, so two copies of one delivery sent together land on different processes.
 */
export class RoundRobinProxy {
	readonly log: ProxiedRequest[] = [];
	private next = 0;
	private server: Server | undefined;
	private readonly sockets = new Set<Socket>();
	url = '';

	constructor(private readonly upstreamPorts: number[]) {
		if (upstreamPorts.length === 0) throw new Error('a proxy needs at least one upstream');
	}

	async start(): Promise<string> {
		const server = createServer((incoming, outgoing) => {
			const upstream = this.next;
			this.next = (this.next + 1) % this.upstreamPorts.length;
			const entry: ProxiedRequest = {
				upstream,
				method: incoming.method ?? 'GET',
				path: incoming.url ?? '/',
				status: null,
				eventId: headerValue(incoming, 'x-shopify-event-id') ?? headerValue(incoming, 'x-event-id'),
			};
			this.log.push(entry);
			const forward = httpRequest(
				{
					host: '127.0.0.1',
					port: this.upstreamPorts[upstream],
					method: incoming.method,
					path: incoming.url,
					headers: { ...incoming.headers, 'x-forwarded-for': incoming.socket.remoteAddress ?? '127.0.0.1' },
				},
				(answer) => {
					entry.status = answer.statusCode ?? null;
					outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(outgoing);
				},
			);
			forward.on('error', () => {
				entry.status = 502;
				if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
				outgoing.end('upstream unavailable');
			});
			incoming.pipe(forward);
		});
		server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		this.server = server;
		this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (!server) return;
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	/** Events whose copies reached more than one upstream: the duplicates that two processes saw at once. */
	eventsSplitAcrossUpstreams(): number {
		const seen = new Map<string, Set<number>>();
		for (const entry of this.log) {
			if (!entry.eventId) continue;
			const upstreams = seen.get(entry.eventId) ?? new Set<number>();
			upstreams.add(entry.upstream);
			seen.set(entry.eventId, upstreams);
		}
		return [...seen.values()].filter((upstreams) => upstreams.size > 1).length;
	}

	requestsPerUpstream(): number[] {
		const counts = this.upstreamPorts.map(() => 0);
		for (const entry of this.log) counts[entry.upstream]++;
		return counts;
	}
}

function headerValue(request: IncomingMessage, name: string): string | null {
	const value = request.headers[name];
	return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}
