import { CLOVER_AUTH_HEADER, isValidCloverAuth } from './cloverAuthCode';
import { isValidGenericHmac } from './genericHmac';
import { isValidLoyverseSignature, LOYVERSE_SIGNATURE_HEADER } from './loyverseSignature';
import { configurationProblem, usesUrlToken, type PosTriggerSettings, type PosWebhookSecrets } from './presets';
import { isValidSquareSignature, SQUARE_SIGNATURE_HEADER } from './squareSignature';
import { isValidUrlToken, tokenOf } from './urlToken';

export type IncomingHeaders = Record<string, string | string[] | undefined>;

export interface IncomingDelivery {
	rawBody: Buffer;
	/** Lower-case header names, as Node gives them. */
	headers: IncomingHeaders;
	query: Record<string, unknown>;
}

export type PosRejection = 'not-configured' | 'missing-signature' | 'bad-signature' | 'missing-token' | 'bad-token';

export type PosVerdict = { accepted: true } | { accepted: false; reason: PosRejection; detail?: string };

export function headerText(headers: IncomingHeaders, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

function signatureVerdict(valid: boolean, header: string | undefined): PosVerdict {
	if (valid) return { accepted: true };
	return { accepted: false, reason: header ? 'bad-signature' : 'missing-signature' };
}

/**
 * Whether a delivery comes from the POS, checked the vendor's way before anything is read from it. The
 * verdict names the failed check for n8n's log; it never carries the secret, the token or the signature.
 */
export function verifyPosDelivery(delivery: IncomingDelivery, settings: PosTriggerSettings, secrets: PosWebhookSecrets | undefined): PosVerdict {
	const problem = configurationProblem(settings, secrets);
	if (problem) return { accepted: false, reason: 'not-configured', detail: problem };
	if (settings.preset === 'none') return { accepted: true };
	const { secret, urlToken } = secrets!;
	if (usesUrlToken(settings)) {
		const given = tokenOf({ query: delivery.query, headers: delivery.headers, queryParameter: settings.tokenQueryParameter, headerName: settings.tokenHeaderName });
		if (isValidUrlToken(given, urlToken)) return { accepted: true };
		return { accepted: false, reason: given === undefined ? 'missing-token' : 'bad-token' };
	}
	const { rawBody, headers } = delivery;
	switch (settings.preset) {
		case 'square': {
			const header = headerText(headers, SQUARE_SIGNATURE_HEADER);
			return signatureVerdict(isValidSquareSignature(rawBody, header, secret, settings.signedUrls), header);
		}
		case 'loyverse': {
			const header = headerText(headers, LOYVERSE_SIGNATURE_HEADER);
			return signatureVerdict(isValidLoyverseSignature(rawBody, header, secret), header);
		}
		case 'clover': {
			const header = headerText(headers, CLOVER_AUTH_HEADER);
			if (!secret) return { accepted: false, reason: 'not-configured', detail: 'The Clover Auth Code is not in the POS Webhook Secret credential yet' };
			return isValidCloverAuth(header, secret) ? { accepted: true } : { accepted: false, reason: header ? 'bad-token' : 'missing-token' };
		}
		case 'genericHmac': {
			const header = headerText(headers, settings.genericHmac.headerName);
			return signatureVerdict(isValidGenericHmac(settings.genericHmac, rawBody, header, secret, settings.signedUrls), header);
		}
		default:
			return { accepted: false, reason: 'not-configured', detail: `Unknown POS "${String(settings.preset)}"` };
	}
}
