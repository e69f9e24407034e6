import { bodyHashId } from './bodyHash';
import { bodyForOutput, type DeliveryBody } from './deliveryBody';
import { isRecord, textOf, type PosEvent } from './posEvent';

/**
 * A Lightspeed Retail X-Series webhook: a form POST whose `payload` field holds the whole object in API 1.0
 * shape (https://x-series-api.lightspeedhq.com/docs/webhooks); the webhook type, when sent, is in the `type`
 * field. No event id is documented, so a repeat is recognised by a hash of the payload (its other fields are
 * "not guaranteed"). Its timestamps carry no time zone in API 1.0, so `occurredAt` is the arrival time.
 */
export function readLightspeedEvent(body: DeliveryBody, rawBody: Buffer, receivedAt: string): PosEvent {
	const fields = body.kind === 'form' ? body.fields : {};
	const payload = body.kind === 'form' ? body.payload : body.value;
	const object = isRecord(payload) ? payload : {};
	const hashed = body.kind === 'form' && body.payloadText !== undefined ? `${fields.type ?? ''}\n${body.payloadText}` : rawBody;
	const objectId = textOf(object.id);
	return {
		vendor: 'lightspeedX',
		eventId: bodyHashId(hashed),
		eventType: textOf(fields.type) ?? textOf(object.type),
		occurredAt: receivedAt,
		merchantId: textOf(fields.retailer_id) ?? textOf(object.retailer_id),
		locationId: textOf(object.outlet_id),
		objectIds: objectId ? [objectId] : [],
		body: bodyForOutput(body),
	};
}
