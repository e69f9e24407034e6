import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, parse } from 'graphql';
import { adminSchema } from '../../helpers/adminSchema';

/**
 * A stand-in Shopify in front of the simulator: every request goes through to it, and a test may edit the
 * answer of chosen operations into the schema-valid edge cases Shopify is allowed to send (a `nodes` entry
 * that is not an Order, a shorter list, a null payload, a huge amount). Every edited answer is checked
 * against Shopify's published Admin schema by executing the request's document over it: an edit that
 * Shopify could not send answers 400 and is listed in `invalidEdits`, so a test cannot pass on it.
 */
export interface GraphqlExchange {
	operationName: string | undefined;
	document: string;
	variables: Record<string, unknown>;
	/** The simulator's answer, as parsed JSON: edit it in place or return a new one. */
	answer: { data?: Record<string, unknown> | null; errors?: unknown[]; extensions?: Record<string, unknown> };
}

export type AnswerEdit = (exchange: GraphqlExchange) => GraphqlExchange['answer'] | void;

export interface AnswerEditingProxy {
	url: string;
	/** Operation names of every GraphQL request seen, in order. */
	operations: Array<string | undefined>;
	invalidEdits: string[];
	edit(edit: AnswerEdit | undefined): void;
	close(): Promise<void>;
}

function operationNameOf(document: string): string | undefined {
	return /\b(?:query|mutation)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(document)?.[1];
}

/** The problems of `data` as an answer to `document`, per the schema ([] when Shopify could send it). */
export async function schemaProblems(apiVersion: string, document: string, variables: Record<string, unknown>, data: unknown): Promise<string[]> {
	const result = await execute({ schema: adminSchema(apiVersion), document: parse(document), rootValue: data, variableValues: variables });
	const problems = (result.errors ?? []).map((error) => error.message);
	if (JSON.stringify(result.data) !== JSON.stringify(data)) problems.push('the answer has fields the document did not select, or lacks some it did');
	return problems;
}

export async function startAnswerEditingProxy(target: string): Promise<AnswerEditingProxy> {
	let currentEdit: AnswerEdit | undefined;
	const state = { operations: [] as Array<string | undefined>, invalidEdits: [] as string[] };
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const forward = http.request(`${target}${req.url ?? '/'}`, { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (upstream) => {
				const parts: Buffer[] = [];
				upstream.on('data', (chunk: Buffer) => parts.push(chunk));
				upstream.on('end', () => void answer(req, res, body, upstream, Buffer.concat(parts)));
			});
			forward.on('error', () => res.destroy());
			forward.end(body);
		});
	});

	async function answer(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, upstream: http.IncomingMessage, raw: Buffer): Promise<void> {
		const version = /\/admin\/api\/([^/]+)\/graphql\.json/.exec(req.url ?? '')?.[1];
		const headers = { ...upstream.headers };
		delete headers['content-length'];
		if (!version || upstream.statusCode !== 200) {
			res.writeHead(upstream.statusCode ?? 500, headers).end(raw);
			return;
		}
		const request = JSON.parse(body.toString('utf8')) as { query: string; variables?: Record<string, unknown> };
		const exchange: GraphqlExchange = {
			operationName: operationNameOf(request.query),
			document: request.query,
			variables: request.variables ?? {},
			answer: JSON.parse(raw.toString('utf8')),
		};
		state.operations.push(exchange.operationName);
		const before = JSON.stringify(exchange.answer);
		const edited = currentEdit?.(exchange) ?? exchange.answer;
		if (JSON.stringify(edited) !== before && edited.data) {
			const problems = await schemaProblems(version, exchange.document, exchange.variables, edited.data);
			if (problems.length > 0) {
				state.invalidEdits.push(`${exchange.operationName}: ${problems.join('; ')}`);
				res.writeHead(400, headers).end(JSON.stringify({ errors: [{ message: `not schema-valid: ${problems.join('; ')}` }] }));
				return;
			}
		}
		res.writeHead(200, headers).end(JSON.stringify(edited));
	}

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return Object.assign(state, {
		url: `http://127.0.0.1:${port}`,
		edit: (edit: AnswerEdit | undefined) => {
			currentEdit = edit;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	});
}
