/**
 * The Loyverse flavour's knobs (control API `PUT /_pos/loyverse/settings`). Each unconfirmed behaviour a
 * client could depend on is one of them, so a test can run both ways; the defaults are the simulator's best
 * reading of the sources (README, "Not simulated, or not confirmed").
 */
export interface LoyverseSettings {
	/** `POST /v1.0/receipts` lines naming a known variant move the store's stock (REFUND puts it back). Unconfirmed. */
	apiReceiptsMoveStock: boolean;
	/**
	 * `POST /v1.0/receipts` refuses a store, variant or payment type id the merchant does not have (404 naming
	 * the field). Unconfirmed; default off: such ids are accepted and move no stock.
	 */
	receiptsCheckIds: boolean;
	/** `GET /v1.0/variants?sku=` ignores case. Unconfirmed; default exact and case-sensitive. */
	skuCaseInsensitive: boolean;
	/** `POST /v1.0/inventory`: an `updated_at` older than the stored level's is refused (409 CONFLICT). Unconfirmed; default ignored. */
	inventoryUpdatedAtCheck: boolean;
	/**
	 * The OAuth application whose token subscribes webhooks: its subscriptions are signed with this client
	 * secret. null = subscribed with an access token, unsigned.
	 */
	oauthApp: { clientSecret: string } | null;
	/** Encoding of `X-Loyverse-Signature` (HMAC-SHA1): the docs reportedly say base64, a developer found hex. */
	signatureEncoding: 'hex' | 'base64';
	/** Deliver webhooks as soon as they are queued and retry on timers (a running n8n); off = tests call deliverDue(). */
	autoDeliver: boolean;
	/** Share of webhooks (0..1) never delivered. Test knob. */
	dropShare: number;
	/** Share of delivered webhooks sent once more, same body and signature. Test knob. */
	duplicateShare: number;
	/** Share of webhooks followed by a forged copy (other quantities, wrong signature or URL token). Test knob. */
	forgeShare: number;
	/** Seed of the generator that picks which webhooks are dropped, duplicated or forged. */
	seed: number;
	/** Loyverse's own limit: requests per window on /v1.0/ (0 = off). Sources say about 300 per 300 s. */
	rateLimitRequests: number;
	rateLimitWindowSeconds: number;
	/** A 429 on /v1.0/ carries Retry-After (seconds). Unconfirmed. */
	retryAfterHeader: boolean;
	/** Receipts older than this many days are not listed (no "Unlimited Sales History" add-on); null = all. Unconfirmed. */
	receiptHistoryDays: number | null;
}

export const DEFAULT_SETTINGS: LoyverseSettings = {
	apiReceiptsMoveStock: true,
	receiptsCheckIds: false,
	skuCaseInsensitive: false,
	inventoryUpdatedAtCheck: false,
	oauthApp: null,
	signatureEncoding: 'hex',
	autoDeliver: false,
	dropShare: 0,
	duplicateShare: 0,
	forgeShare: 0,
	seed: 1,
	rateLimitRequests: 0,
	rateLimitWindowSeconds: 300,
	retryAfterHeader: true,
	receiptHistoryDays: null,
};

const BOOLEANS = ['apiReceiptsMoveStock', 'receiptsCheckIds', 'skuCaseInsensitive', 'inventoryUpdatedAtCheck', 'autoDeliver', 'retryAfterHeader'] as const;
const SHARES = ['dropShare', 'duplicateShare', 'forgeShare'] as const;

const isCount = (value: unknown, min: number) => typeof value === 'number' && Number.isInteger(value) && value >= min;

/** What is wrong with a settings change (`field: problem`), or null; an unknown name is refused too. */
export function settingsProblem(settings: Record<string, unknown>): string | null {
	for (const [name, value] of Object.entries(settings)) {
		if (!(name in DEFAULT_SETTINGS)) return `${name}: not a Loyverse setting (${Object.keys(DEFAULT_SETTINGS).join(', ')})`;
		if ((BOOLEANS as readonly string[]).includes(name) && typeof value !== 'boolean') return `${name}: must be true or false`;
		if ((SHARES as readonly string[]).includes(name) && !(typeof value === 'number' && value >= 0 && value <= 1)) return `${name}: must be a number from 0 to 1`;
	}
	const { oauthApp, signatureEncoding, seed, rateLimitRequests, rateLimitWindowSeconds, receiptHistoryDays } = settings;
	if (oauthApp !== undefined && oauthApp !== null && !(typeof oauthApp === 'object' && typeof (oauthApp as { clientSecret?: unknown }).clientSecret === 'string' && (oauthApp as { clientSecret: string }).clientSecret !== '')) return 'oauthApp: must be {clientSecret} or null';
	if (signatureEncoding !== undefined && signatureEncoding !== 'hex' && signatureEncoding !== 'base64') return 'signatureEncoding: must be "hex" or "base64"';
	if (seed !== undefined && !isCount(seed, 0)) return 'seed: must be a whole number';
	if (rateLimitRequests !== undefined && !isCount(rateLimitRequests, 0)) return 'rateLimitRequests: must be a whole number (0 = off)';
	if (rateLimitWindowSeconds !== undefined && !isCount(rateLimitWindowSeconds, 1)) return 'rateLimitWindowSeconds: must be a whole number of seconds, at least 1';
	if (receiptHistoryDays !== undefined && receiptHistoryDays !== null && !isCount(receiptHistoryDays, 1)) return 'receiptHistoryDays: must be a whole number of days, or null';
	return null;
}
