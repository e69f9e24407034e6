import type { GenericEventPaths } from './genericEvent';
import type { GenericHmacScheme } from './genericHmac';
import type { PosVendor } from './posEvent';
import { MIN_URL_TOKEN_LENGTH } from './urlToken';

/** The POS Trigger's "POS" option: how a vendor's deliveries are verified and read. */
export type PosPreset = 'square' | 'loyverse' | 'clover' | 'lightspeedX' | 'genericHmac' | 'none';

export const PRESET_VENDOR: Record<PosPreset, PosVendor> = {
	square: 'square',
	loyverse: 'loyverse',
	clover: 'clover',
	lightspeedX: 'lightspeedX',
	genericHmac: 'generic',
	none: 'generic',
};

/** The secrets of the "POS Webhook Secret" credential; empty strings when unset. */
export interface PosWebhookSecrets {
	/** Square signature key, Loyverse OAuth client secret, Clover auth code, or a Generic HMAC secret. */
	secret: string;
	/** The token Lightspeed X (and Loyverse access-token webhooks) must carry in the URL or a header. */
	urlToken: string;
}

export type LoyverseAuthentication = 'signature' | 'urlToken';

export interface PosTriggerSettings {
	preset: PosPreset;
	/** The URL(s) a signing vendor may have signed: n8n's production URL or the user's override. */
	signedUrls: string[];
	loyverseAuthentication: LoyverseAuthentication;
	tokenQueryParameter: string;
	tokenHeaderName: string;
	genericHmac: GenericHmacScheme;
	acceptUnauthenticated: boolean;
	eventPaths: GenericEventPaths;
}

/** Whether the preset checks a URL token rather than a signature or code. */
export function usesUrlToken(settings: PosTriggerSettings): boolean {
	return settings.preset === 'lightspeedX' || (settings.preset === 'loyverse' && settings.loyverseAuthentication === 'urlToken');
}

const SECRET_ADVICE: Partial<Record<PosPreset, string>> = {
	square:
		"Square's webhook Signature Key is missing: copy it from Square's Developer Console (your application → Webhooks → Subscriptions → your subscription → Signature Key → Show) into the POS Webhook Secret credential's Secret field",
	loyverse:
		"Loyverse's OAuth Client Secret is missing: copy it from your Loyverse OAuth app into the POS Webhook Secret credential's Secret field (or choose Loyverse Webhook Made With: Access Token, for unsigned webhooks)",
	genericHmac: "The HMAC secret is missing: put the secret your POS signs with into the POS Webhook Secret credential's Secret field",
};

/**
 * What keeps the trigger from verifying anything, in words for the shop owner; undefined when it can run.
 * Checked when the workflow is published (so it fails there, not silently at the first delivery) and again
 * for every delivery. Clover without its auth code is allowed: the code only exists after Clover's URL
 * verification, which the trigger must answer first.
 */
export function configurationProblem(settings: PosTriggerSettings, secrets: PosWebhookSecrets | undefined): string | undefined {
	if (settings.preset === 'none') {
		return settings.acceptUnauthenticated
			? undefined
			: 'POS "None" accepts deliveries from anyone who knows the URL. Choose your POS instead, or turn on "Accept Unauthenticated Deliveries" if you really mean it';
	}
	if (!secrets) return 'Choose a POS Webhook Secret credential for this trigger';
	if (usesUrlToken(settings)) {
		if (secrets.urlToken.length >= MIN_URL_TOKEN_LENGTH) return undefined;
		return `The URL Token in the POS Webhook Secret credential must be at least ${MIN_URL_TOKEN_LENGTH} characters of random text (it is the only proof a delivery comes from your POS); it has ${secrets.urlToken.length}`;
	}
	if (settings.preset === 'clover') return undefined;
	if (!secrets.secret) return SECRET_ADVICE[settings.preset];
	if (settings.preset === 'genericHmac' && !settings.genericHmac.headerName.trim()) return 'Signature Header is empty: enter the header your POS puts the signature in';
	if ((settings.preset === 'square' || settings.genericHmac.signedContent === 'urlAndBody') && settings.signedUrls.length === 0) {
		return 'No notification URL is known: enter the URL exactly as registered with your POS';
	}
	return undefined;
}
