import { bodyHashId } from './bodyHash';
import { bodyForOutput, type DeliveryBody } from './deliveryBody';
import { idAtPath } from './jsonPath';

import type { PosEvent } from './posEvent';

export interface GenericEventPaths {
	/** Where the sender puts its event id (e.g. `id`, `event.id`); empty: a hash of the body. */
	eventIdPath: string;
	/** Where it puts the event's type (e.g. `type`); empty: none. */
	eventTypePath: string;
}

/** An event from a sender without a preset (Generic HMAC, None): the id and type where the user says. */
export function readGenericEvent(body: DeliveryBody, rawBody: Buffer, receivedAt: string, paths: GenericEventPaths): PosEvent {
	const parsed = bodyForOutput(body);
	const eventId = paths.eventIdPath.trim() ? idAtPath(parsed, paths.eventIdPath) : undefined;
	const eventType = paths.eventTypePath.trim() ? idAtPath(parsed, paths.eventTypePath) : undefined;
	return {
		vendor: 'generic',
		eventId: eventId ?? bodyHashId(rawBody),
		eventType: eventType ?? null,
		occurredAt: receivedAt,
		merchantId: null,
		locationId: null,
		objectIds: [],
		body: parsed,
	};
}
