import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 that answers the Admin GraphQL endpoint from a script, one step per
 * request, so transport tests can play Shopify's failure modes in an exact order. Not a store: the Shopify
 * simulator is that. Anything not scripted answers `{ shop { name } }`-style success.
 */
export type Step =
	| { kind: 'ok'; data?: unknown; available?: number; requested?: number; apiVersion?: string }
	| { kind: 'throttled'; available: number; requested: number; restoreRate?: number }
	| { kind: 'status'; status: number; body?: string; retryAfter?: string }
	| { kind: 'graphqlErrors'; errors: unknown[] }
	| { kind: 'drop' };

export interface RecordedRequest {
	path: string;
	token?: string;
	body: string;
}

export interface ScriptedShopifyServer {
	url: string;
	requests: RecordedRequest[];
	tokenRequests: number;
	script(...steps: Step[]): void;
	/** Tokens issued before now stop working (401), as when Shopify expires them. */
	expireTokens(): void;
	/** The token endpoint answers this status and body instead of issuing a token. */
	failTokenGrant(status: number, body: string): void;
	close(): Promise<void>;
}

export async function startScriptedShopifyServer(options: { clientId?: string; clientSecret?: string; staticToken?: string } = {}): Promise<ScriptedShopifyServer> {
	const steps: Step[] = [];
	const valid = new Set<string>(options.staticToken ? [options.staticToken] : []);
	let issued = 0;
	let tokenFailure: { status: number; body: string } | undefined;
	const state: Omit<ScriptedShopifyServer, 'url' | 'script' | 'expireTokens' | 'failTokenGrant' | 'close'> = {
		requests: [],
		tokenRequests: 0,
	};

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			const path = req.url ?? '/';
			if (path === '/admin/oauth/access_token') {
				state.tokenRequests++;
				if (tokenFailure) {
					res.writeHead(tokenFailure.status, { 'content-type': 'application/json' }).end(tokenFailure.body);
					return;
				}
				const form = new URLSearchParams(body);
				if (form.get('client_id') !== options.clientId || form.get('client_secret') !== options.clientSecret) {
					res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_client","error_description":"Client authentication failed"}');
					return;
				}
				const token = `shpat_issued_${++issued}`;
				valid.add(token);
				res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: token, scope: 'read_orders', expires_in: 86399 }));
				return;
			}
			const token = req.headers['x-shopify-access-token'] as string | undefined;
			state.requests.push({ path, token, body });
			const version = /\/admin\/api\/([^/]+)\/graphql\.json/.exec(path)?.[1] ?? 'unknown';
			const headers = { 'content-type': 'application/json', 'x-request-id': `req-${state.requests.length}`, 'x-shopify-api-version': version };
			if (!token || !valid.has(token)) {
				res.writeHead(401, headers).end('{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}');
				return;
			}
			const step = steps.shift() ?? { kind: 'ok' };
			const cost = (requested: number, actual: number | null, available: number, restoreRate = 100) => ({
				cost: {
					requestedQueryCost: requested,
					actualQueryCost: actual,
					throttleStatus: { maximumAvailable: 2000, currentlyAvailable: available, restoreRate },
				},
			});
			switch (step.kind) {
				case 'ok':
					res.writeHead(200, { ...headers, 'x-shopify-api-version': step.apiVersion ?? version }).end(
						JSON.stringify({
							data: step.data ?? { shop: { name: 'Scripted Shop', myshopifyDomain: 'scripted.myshopify.com' } },
							extensions: cost(step.requested ?? 1, step.requested ?? 1, step.available ?? 1999),
						}),
					);
					return;
				case 'throttled':
					res.writeHead(200, headers).end(
						JSON.stringify({
							errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
							extensions: cost(step.requested, null, step.available, step.restoreRate),
						}),
					);
					return;
				case 'status':
					res.writeHead(step.status, { ...headers, ...(step.retryAfter ? { 'retry-after': step.retryAfter } : {}) }).end(step.body ?? '');
					return;
				case 'graphqlErrors':
					res.writeHead(200, headers).end(JSON.stringify({ errors: step.errors }));
					return;
				case 'drop':
					req.socket.destroy();
					return;
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return Object.assign(state, {
		url: `http://127.0.0.1:${port}`,
		script: (...more: Step[]) => void steps.push(...more),
		expireTokens: () => {
			for (const token of [...valid]) if (token !== options.staticToken) valid.delete(token);
		},
		failTokenGrant: (status: number, body: string) => {
			tokenFailure = { status, body };
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	});
}
