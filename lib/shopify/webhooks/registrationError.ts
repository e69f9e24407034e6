import { PackageError } from '../../packageError';
import { ShopifyApiError } from '../errors';

export interface UserErrorEntry {
	field?: string[] | null;
	message: string;
}

/** A subscription could not be created or removed; the message says what the shop owner can do about it. */
export class WebhookRegistrationError extends PackageError {
	readonly code = 'WEBHOOK_REGISTRATION_REFUSED';
	/** The message itself says what to do. */
	readonly advice = undefined;
	readonly remote = true;

	constructor(
		message: string,
		readonly topic?: string,
	) {
		super(message);
		this.name = 'WebhookRegistrationError';
	}
}

const SCOPE_ADVICE =
	'Give the app the read_orders scope (and, for order topics, approval for protected customer data in the app\'s ' +
	'configuration), reinstall or approve the new version in the store, then publish the workflow again.';

/** Turns Shopify's `userErrors` for one topic into advice. */
export function registrationUserError(topic: string, errors: readonly UserErrorEntry[]): WebhookRegistrationError {
	const text = errors.map((error) => error.message).join('; ');
	if (/permission|access|scope|protected customer data|not approved/i.test(text)) {
		return new WebhookRegistrationError(`Shopify refused the ${topic} subscription: ${text}. ${SCOPE_ADVICE}`, topic);
	}
	if (/address|uri|url|protocol|https/i.test(text)) {
		return new WebhookRegistrationError(
			`Shopify refused the webhook address for ${topic}: ${text}. Shopify needs a public HTTPS URL: set WEBHOOK_URL on ` +
				'the n8n instance to its public https:// address, or use the Shopify Order Polling Trigger instead.',
			topic,
		);
	}
	if (/filter|query|search/i.test(text)) {
		return new WebhookRegistrationError(
			`Shopify refused the delivery filter for ${topic}: ${text}. Check the Filter option (Shopify search syntax, e.g. financial_status:paid).`,
			topic,
		);
	}
	return new WebhookRegistrationError(`Shopify refused the ${topic} subscription: ${text}.`, topic);
}

/** ACCESS_DENIED on the subscription calls means the token lacks the order scopes. */
export function registrationApiError(error: unknown, topic?: string): Error {
	if (error instanceof ShopifyApiError && (error.code === 'ACCESS_DENIED' || error.status === 403)) {
		const scopes = error.requiredScopes?.length ? error.requiredScopes.join(', ') : 'read_orders';
		return new WebhookRegistrationError(
			`Shopify denied access while ${topic ? `subscribing to ${topic}` : 'managing webhook subscriptions'}: the app lacks ${scopes}. ${SCOPE_ADVICE}`,
			topic,
		);
	}
	return error instanceof Error ? error : new Error(String(error));
}
