import { InputError } from '../../packageError';

/**
 * A delivery's body, read from the raw bytes that were verified (never from a body n8n parsed: the bytes
 * are what was signed). JSON for Square, Loyverse, Clover and most senders; Lightspeed X posts
 * `application/x-www-form-urlencoded` with the event's object as JSON in the `payload` field
 * (https://x-series-api.lightspeedhq.com/docs/webhooks), other fields "may be present but are not guaranteed".
 */
export type DeliveryBody =
	| { kind: 'json'; value: unknown }
	| { kind: 'form'; fields: Record<string, string>; payload: unknown; payloadText: string | undefined };

export class UnreadableBodyError extends InputError {
	constructor(message: string) {
		super(message, 'UNREADABLE_DELIVERY');
	}
}

function isFormContentType(contentType: string | undefined): boolean {
	return (contentType ?? '').toLowerCase().includes('application/x-www-form-urlencoded');
}

function parseJson(text: string, what: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw new UnreadableBodyError(`The ${what} is not valid JSON.`);
	}
}

function parseForm(text: string): DeliveryBody {
	const fields: Record<string, string> = {};
	for (const [name, value] of new URLSearchParams(text)) if (!(name in fields)) fields[name] = value;
	const payloadText = fields.payload;
	const payload = payloadText === undefined ? undefined : parseJson(payloadText, '"payload" form field');
	return { kind: 'form', fields, payload, payloadText };
}

export function parseDeliveryBody(rawBody: Buffer, contentType: string | undefined): DeliveryBody {
	const text = rawBody.toString('utf8');
	if (isFormContentType(contentType)) return parseForm(text);
	if (text.trim() === '') throw new UnreadableBodyError('The delivery has an empty body.');
	return { kind: 'json', value: parseJson(text, 'body') };
}

/** The body as the trigger emits it: JSON as sent; a form as its fields, with `payload` parsed. */
export function bodyForOutput(body: DeliveryBody): unknown {
	if (body.kind === 'json') return body.value;
	return body.payload === undefined ? { ...body.fields } : { ...body.fields, payload: body.payload };
}
