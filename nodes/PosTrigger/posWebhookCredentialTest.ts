import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { posWebhookSecretsFrom } from '../../credentials/PosWebhookApi.credentials';
import { MIN_URL_TOKEN_LENGTH } from '../../lib/pos/webhooks/urlToken';

/**
 * No POS offers an endpoint that checks a webhook secret, so the test checks what can be checked here: that
 * something is filled in and that a URL token is long enough. The signature itself is proven by the first
 * delivery (a wrong key answers 401 and is logged).
 */
export async function posWebhookSecretCheck(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const secrets = posWebhookSecretsFrom(credential.data ?? {});
	if (secrets.urlToken && secrets.urlToken.length < MIN_URL_TOKEN_LENGTH) {
		return { status: 'Error', message: `URL Token must be at least ${MIN_URL_TOKEN_LENGTH} characters of random text; it has ${secrets.urlToken.length}` };
	}
	if (!secrets.secret && !secrets.urlToken) {
		return {
			status: 'Error',
			message:
				'Enter the Secret (Square signature key, Loyverse client secret, Clover auth code or HMAC key) or a URL Token. For Clover, saving it empty is right until Clover has verified the webhook URL.',
		};
	}
	return { status: 'OK', message: 'Saved. The POS Trigger checks it against every delivery; a mismatch is answered 401 and noted in n8n\'s log.' };
}
