import { readCloverEvent } from './cloverEvent';
import { parseDeliveryBody, type DeliveryBody } from './deliveryBody';
import { readGenericEvent } from './genericEvent';
import { readLightspeedEvent } from './lightspeedEvent';
import { readLoyverseEvent } from './loyverseEvent';
import type { PosEvent } from './posEvent';
import type { PosTriggerSettings } from './presets';
import { readSquareEvent } from './squareEvent';

function jsonOf(body: DeliveryBody): unknown {
	return body.kind === 'json' ? body.value : body.payload;
}

/**
 * The normalised event of a VERIFIED delivery. Throws UnreadableBodyError (deliveryBody.ts) for a body that
 * is not JSON (or, for a form, whose `payload` is not): the trigger answers 400 and remembers nothing, so a
 * vendor's retry is still taken.
 */
export function readPosEvent(rawBody: Buffer, contentType: string | undefined, settings: PosTriggerSettings, receivedAt: string): PosEvent {
	const body = parseDeliveryBody(rawBody, contentType);
	switch (settings.preset) {
		case 'square':
			return readSquareEvent(jsonOf(body), rawBody, receivedAt);
		case 'loyverse':
			return readLoyverseEvent(jsonOf(body), rawBody, receivedAt);
		case 'clover':
			return readCloverEvent(jsonOf(body), rawBody, receivedAt);
		case 'lightspeedX':
			return readLightspeedEvent(body, rawBody, receivedAt);
		default:
			return readGenericEvent(body, rawBody, receivedAt, settings.eventPaths);
	}
}
