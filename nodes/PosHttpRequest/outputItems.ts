import type { IDataObject } from 'n8n-workflow';
import type { HttpRequest, HttpResponse } from '../../lib/http/types';
import type { Redactor } from '../../lib/http/redact';
import type { PosCallResult } from '../../lib/pos/sendPosRequest';

/** JSON bodies as objects, anything else as text, so the next node can map fields. */
function parsedBody(text: string | undefined): IDataObject | IDataObject[] | string | null {
	if (text === undefined || text.trim() === '') return null;
	try {
		return JSON.parse(text) as IDataObject;
	} catch {
		return text;
	}
}

/** Success output: what the POS answered (or the record a lookup found), and how the item got there. */
export function successJson(result: PosCallResult, idempotencyKey: string | undefined, redactor: Redactor): IDataObject {
	const bodyText = result.outcome === 'alreadyExists' ? JSON.stringify(result.existing ?? null) : (result.response?.body ?? '');
	return {
		outcome: result.outcome,
		statusCode: result.response?.status ?? null,
		body: parsedBody(redactor.text(bodyText)),
		idempotencyKey: idempotencyKey ?? null,
		attempts: result.attempts,
	};
}

/**
 * Failed output: enough to see what went wrong and to re-send the item later — the request as sent
 * (secrets masked), the POS's last response, the attempts made.
 */
export function failedJson(
	reason: string,
	request: HttpRequest | undefined,
	response: HttpResponse | undefined,
	attempts: number,
	idempotencyKey: string | undefined,
	redactor: Redactor,
): IDataObject {
	const safeRequest = request ? redactor.request(request) : undefined;
	const safeResponse = response ? redactor.response(response) : undefined;
	return {
		outcome: 'failed',
		error: redactor.text(reason),
		idempotencyKey: idempotencyKey ?? null,
		attempts,
		request: safeRequest
			? { method: safeRequest.method, url: safeRequest.url, headers: safeRequest.headers, body: parsedBody(safeRequest.body) }
			: null,
		response: safeResponse ? { statusCode: safeResponse.status, headers: safeResponse.headers, body: parsedBody(safeResponse.body) } : null,
	};
}
