import { bodyHashId } from './bodyHash';
import { isoTime, isRecord, recordsOf, textOf, uniqueTexts, type PosEvent } from './posEvent';

/**
 * A Clover webhook message: `{appId, merchants: {<merchantId>: [{objectId: "I:…", type: "UPDATE", ts}]}}`,
 * ids only, possibly several merchants and events in one POST (https://docs.clover.com/docs/webhooks). The
 * `objectId` prefix names the kind (`O:` order, `I:` item, `IS:` item stock, `P:` payment), so the event type
 * is the distinct prefix:type pairs, e.g. `I:UPDATE`. Clover sends no event id: a repeat is recognised by a
 * hash of the body.
 */
export function readCloverEvent(body: unknown, rawBody: Buffer, receivedAt: string): PosEvent {
	const root = isRecord(body) ? body : {};
	const merchants = isRecord(root.merchants) ? root.merchants : {};
	const updates = Object.values(merchants).flatMap((list) => recordsOf(list));
	const kinds = uniqueTexts(
		updates.map((update) => {
			const objectId = textOf(update.objectId);
			const prefix = objectId?.includes(':') ? objectId.slice(0, objectId.indexOf(':')) : null;
			const type = textOf(update.type);
			return prefix && type ? `${prefix}:${type}` : type;
		}),
	);
	const times = updates.map((update) => update.ts).filter((ts): ts is number => typeof ts === 'number' && Number.isFinite(ts));
	const merchantIds = Object.keys(merchants);
	return {
		vendor: 'clover',
		eventId: bodyHashId(rawBody),
		eventType: kinds.length > 0 ? kinds.sort().join(',') : null,
		occurredAt: times.length > 0 ? isoTime(Math.max(...times), receivedAt) : receivedAt,
		merchantId: merchantIds.length === 1 ? merchantIds[0] : null,
		locationId: null,
		objectIds: uniqueTexts(updates.map((update) => textOf(update.objectId))),
		body,
	};
}

export interface CloverVerificationEvent extends PosEvent {
	eventType: 'verification';
	verificationCode: string;
	/** What the user does with the code, in the output where they find it. */
	nextStep: string;
}

/** The item that shows a beginner Clover's verification code (see cloverVerificationCode). */
export function cloverVerificationEvent(code: string, receivedAt: string): CloverVerificationEvent {
	return {
		vendor: 'clover',
		eventId: bodyHashId(code),
		eventType: 'verification',
		occurredAt: receivedAt,
		merchantId: null,
		locationId: null,
		objectIds: [],
		verificationCode: code,
		nextStep:
			"Paste verificationCode into the Verification Code field in Clover's Developer Dashboard (App Settings → Webhooks) and click Verify. Then copy the Clover Auth Code shown there into this trigger's POS Webhook Secret credential (field Secret).",
		body: { verificationCode: code },
	};
}
