import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { buildPosRequest, isIdempotentMethod, type PosMethod } from '../../lib/pos/buildRequest';
import { checkBodyPatterns } from '../../lib/pos/classifyResponse';
import type { PosCredentials } from '../../lib/pos/credentials';
import { deriveIdempotencyKey, placeIdempotencyKey, type IdempotencyPlacement } from '../../lib/pos/idempotencyKey';
import { DEFAULT_RETRY_STATUSES, parseStatusList, type RetryPolicy } from '../../lib/pos/retryPolicy';
import type { PosCall } from '../../lib/pos/sendPosRequest';

export interface ItemCall {
	call: PosCall;
	idempotencyKey?: string;
}

export interface NodeSettings {
	policy: RetryPolicy;
	requestsPerSecond: number;
	concurrency: number;
}

interface NameValue {
	name?: string;
	value?: string;
}

function nameValues(collection: unknown, key: string): Record<string, string> {
	const entries = ((collection as Record<string, NameValue[] | undefined>)?.[key] ?? []).filter((entry) => (entry.name ?? '').trim() !== '');
	return Object.fromEntries(entries.map((entry) => [entry.name!.trim(), String(entry.value ?? '')]));
}

function bodyOf(context: IExecuteFunctions, raw: unknown, itemIndex: number): IDataObject | unknown[] | undefined {
	if (raw === undefined || raw === null) return undefined;
	if (typeof raw === 'object') return raw as IDataObject;
	const text = String(raw).trim();
	if (text === '') return undefined;
	try {
		return JSON.parse(text) as IDataObject;
	} catch (error) {
		throw new NodeOperationError(context.getNode(), `JSON Body is not valid JSON: ${(error as Error).message}`, {
			itemIndex,
			description: 'Write a JSON object, or an expression that returns one, e.g. {{ $json }}.',
		});
	}
}

/** Node-wide options, read once (they may not vary per item: the limiter and policy are shared). */
export function readNodeSettings(context: IExecuteFunctions): NodeSettings {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const number = (name: string, fallback: number) => (typeof options[name] === 'number' ? (options[name] as number) : fallback);
	let retryStatuses;
	try {
		retryStatuses = parseStatusList(String(options.retryStatuses ?? DEFAULT_RETRY_STATUSES));
	} catch (error) {
		throw new NodeOperationError(context.getNode(), `Retry On Statuses: ${(error as Error).message}`);
	}
	return {
		policy: {
			maxAttempts: Math.max(1, Math.floor(number('maxAttempts', 5))),
			maxTotalWaitMs: number('maxTotalWaitSeconds', 60) * 1000,
			initialDelayMs: number('initialDelaySeconds', 0.5) * 1000,
			maxDelayMs: number('maxDelaySeconds', 15) * 1000,
			retryStatuses,
		},
		requestsPerSecond: number('requestsPerSecond', 10),
		concurrency: Math.max(1, Math.floor(number('concurrency', 1))),
	};
}

/** Reads one item's parameters into the call lib/pos sends. Throws NodeOperationError for bad parameters. */
export function readItemCall(context: IExecuteFunctions, itemIndex: number, credentials: PosCredentials, timeoutMs: number): ItemCall {
	const node = context.getNode();
	const parameter = <T>(name: string, fallback?: T) => context.getNodeParameter(name, itemIndex, fallback) as T;
	const fail = (message: string, description?: string) => new NodeOperationError(node, message, { itemIndex, description });
	const method = parameter<PosMethod>('method');
	const path = parameter<string>('path', '');
	if (path.trim() === '') throw fail('Path is empty', 'Give the API path relative to the credential\'s Base URL, e.g. /v2/orders.');
	const query = nameValues(parameter('queryParameters', {}), 'parameter');
	let headers = nameValues(parameter('headerParameters', {}), 'header');
	let body = ['POST', 'PUT', 'PATCH'].includes(method) ? bodyOf(context, parameter('jsonBody', undefined), itemIndex) : undefined;

	const placementKind = parameter<'header' | 'body' | 'none'>('idempotencyPlacement', 'header');
	const placement: IdempotencyPlacement =
		placementKind === 'header'
			? { in: 'header', name: parameter('idempotencyHeaderName', 'Idempotency-Key') }
			: placementKind === 'body'
				? { in: 'body', path: parameter('idempotencyBodyPath', 'idempotency_key') }
				: { in: 'none' };
	let idempotencyKey: string | undefined;
	try {
		// A GET creates nothing, and some APIs reject unknown headers on reads.
		if (placement.in !== 'none' && method !== 'GET') {
			const given = String(parameter('idempotencyKey', '') ?? '').trim();
			const item = context.getInputData()[itemIndex]?.json ?? {};
			const key = given || deriveIdempotencyKey(item, { method, path, body: body === undefined ? undefined : JSON.stringify(body) });
			if (placement.in === 'body' && (body === undefined || Array.isArray(body) || typeof body !== 'object')) {
				throw fail(`The idempotency key goes into the body at "${placement.path}", but the JSON Body is not an object.`, 'Send a JSON object body, or put the key in a header.');
			}
			const placed = placeIdempotencyKey(placement, key, headers, body as IDataObject | undefined);
			headers = placed.headers;
			body = placed.body as IDataObject | undefined;
			idempotencyKey = placed.key;
		}
		const request = buildPosRequest(credentials, { method, path, query, headers, body, timeoutMs });
		const duplicate = readDuplicateRules(parameter<IDataObject>('options', {}));
		const lookup = readLookup(parameter, fail, credentials, timeoutMs);
		const safeToRepeat = isIdempotentMethod(method) || idempotencyKey !== undefined || lookup !== undefined;
		return { call: { request, safeToRepeat, duplicate, lookup }, idempotencyKey };
	} catch (error) {
		throw error instanceof NodeOperationError ? error : fail((error as Error).message);
	}
}

type ReadParameter = <T>(name: string, fallback?: T) => T;

/** How the POS says "already exists": statuses and body patterns (Options). */
function readDuplicateRules(options: IDataObject): PosCall['duplicate'] {
	return {
		statuses: parseStatusList(String((options.duplicateStatuses as string | undefined) ?? '409')),
		bodyPatterns: checkBodyPatterns(
			String((options.duplicateBodyPatterns as string | undefined) ?? '')
				.split(/\r?\n/)
				.map((line) => line.trim())
				.filter((line) => line !== ''),
		),
	};
}

/** Create Only If Absent: the GET that finds an earlier record, and how its answer is matched. */
function readLookup(parameter: ReadParameter, fail: (message: string, description?: string) => NodeOperationError, credentials: PosCredentials, timeoutMs: number): PosCall['lookup'] {
	if (!parameter<boolean>('createIfAbsent', false)) return undefined;
	const lookupPath = parameter<string>('lookupPath', '');
	if (lookupPath.trim() === '') throw fail('Create Only If Absent is on, but Lookup Path is empty', 'Give a GET path that finds the record by your reference.');
	return {
		request: buildPosRequest(credentials, { method: 'GET', path: lookupPath, headers: nameValues(parameter('headerParameters', {}), 'header'), timeoutMs }),
		match: {
			resultPath: parameter('lookupResultPath', ''),
			matchField: parameter('lookupMatchField', ''),
			matchValue: String(parameter('lookupMatchValue', '') ?? ''),
		},
	};
}
