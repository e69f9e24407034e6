import { createRedactor } from '../http/redact';
import { PackageError } from '../packageError';
/**
 * Every failure the Shopify side can produce, as one error type that carries what a person debugging needs
 * (Shopify's code, the operation, `x-request-id` for Shopify support) and never a token or secret.
 */
export interface ShopifyApiErrorDetails {
	/** Shopify's code (ACCESS_DENIED, THROTTLED, MAX_COST_EXCEEDED, app_not_installed…) or HTTP_<status>/NETWORK. */
	code: string;
	operationName?: string;
	requestId?: string;
	status?: number;
	/** Scopes Shopify named as missing (ACCESS_DENIED). */
	requiredScopes?: string[];
	/** What the shop owner can do about it. */
	advice?: string;
	/** Shopify's own error entries, as sent (they hold no credentials). */
	shopifyErrors?: unknown;
	/** Worth sending again later (throttling, 5xx, network) once our own retries ran out. */
	retryable?: boolean;
}

export class ShopifyApiError extends PackageError {
	readonly remote = true;
	readonly code: string;
	readonly operationName?: string;
	readonly requestId?: string;
	readonly status?: number;
	readonly requiredScopes?: string[];
	readonly advice?: string;
	readonly shopifyErrors?: unknown;
	readonly retryable: boolean;

	constructor(message: string, details: ShopifyApiErrorDetails) {
		super(message);
		this.name = 'ShopifyApiError';
		this.code = details.code;
		this.operationName = details.operationName;
		this.requestId = details.requestId;
		this.status = details.status;
		this.requiredScopes = details.requiredScopes;
		this.advice = details.advice;
		this.shopifyErrors = details.shopifyErrors;
		this.retryable = details.retryable ?? false;
	}

	override get httpStatus(): number | undefined {
		return this.status;
	}

	/** Message, advice and request id on one line each, for logs and n8n's error view. */
	override describe(): string {
		return [this.message, this.advice, this.requestId ? `Shopify request id: ${this.requestId}` : undefined]
			.filter(Boolean)
			.join('\n');
	}
}

/** Every occurrence of each secret (and of its URL-encoded form) replaced by a marker: the POS side's redactor. */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
	return createRedactor([], secrets.filter((secret): secret is string => secret !== undefined)).text(text);
}

/** `"`read_orders` access scope."` or `"read_orders"` → ['read_orders']. */
export function scopesIn(text: string | undefined): string[] {
	if (!text) return [];
	return [...new Set(text.match(/\b(?:read|write|unauthenticated_read|unauthenticated_write)_[a-z_]+\b/g) ?? [])];
}
