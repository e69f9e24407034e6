import { isObject, type Reply } from '../../routeContext';

/** Square's error envelope: `{errors:[{category, code, detail, field?}]}`. */
export function squareError(status: number, category: string, code: string, detail: string, field?: string): Reply {
	return { status, body: { errors: [{ category, code, detail, ...(field ? { field } : {}) }] } };
}

export function invalidValue(detail: string, field?: string): Reply {
	return squareError(400, 'INVALID_REQUEST_ERROR', 'INVALID_VALUE', detail, field);
}

export function missingParameter(field: string): Reply {
	return squareError(400, 'INVALID_REQUEST_ERROR', 'MISSING_REQUIRED_PARAMETER', 'Field must be set', field);
}

export function notFound(detail: string, field?: string): Reply {
	return squareError(404, 'INVALID_REQUEST_ERROR', 'NOT_FOUND', detail, field);
}

/** A `square` SDK serialization schema (request, response or webhook event). */
export interface SquareSchema {
	parse(raw: unknown, options: { unrecognizedObjectKeys: 'fail' }): { ok: boolean; errors?: Array<{ path: string[]; message: string }> };
}

/** Problems the schema finds in `value`, as `path: message` lines; empty when it passes. */
export function schemaProblems(schema: SquareSchema, value: unknown): string[] {
	const result = schema.parse(value, { unrecognizedObjectKeys: 'fail' });
	return result.ok ? [] : (result.errors ?? []).map((error) => `${error.path.join('.')}: ${error.message}`);
}

/** Checks a request body with the SDK's own request schema; unknown keys fail, as Square's API rejects them. */
export function checkRequest(schema: SquareSchema, body: unknown): Reply | null {
	if (body instanceof Error) return squareError(400, 'INVALID_REQUEST_ERROR', 'INVALID_CONTENT_TYPE', `Body is not valid JSON: ${body.message}`);
	if (!isObject(body)) return squareError(400, 'INVALID_REQUEST_ERROR', 'BAD_REQUEST', 'The request body must be a JSON object');
	const result = schema.parse(body, { unrecognizedObjectKeys: 'fail' });
	if (result.ok) return null;
	const errors = (result.errors ?? []).map((error) => ({
		category: 'INVALID_REQUEST_ERROR',
		code: /Unexpected key/.test(error.message) ? 'BAD_REQUEST' : 'INVALID_VALUE',
		detail: error.message,
		field: error.path.join('.').replace(/\.\[(\d+)\]/g, '[$1]'),
	}));
	return { status: 400, body: { errors } };
}

/**
 * Holds every answer to the SDK's response schema. A reply that fails is the simulator's own bug: it
 * becomes a 500 naming the schema, so a test sees it instead of a client learning a shape Square never sends.
 */
export function checkedResponse(schema: SquareSchema, schemaName: string, reply: Reply): Reply {
	const problems = schemaProblems(schema, reply.body);
	if (problems.length === 0) return reply;
	return squareError(500, 'API_ERROR', 'INTERNAL_SERVER_ERROR', `Simulator reply fails ${schemaName}: ${problems.join('; ')}`);
}
