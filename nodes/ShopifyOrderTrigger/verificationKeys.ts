import type { IWebhookFunctions } from 'n8n-workflow';
import { VerificationKeysCache, type VerificationKeys, type VerificationKeysLookup } from '../../lib/shopify/webhooks/verificationKeysCache';
import { shopifyCredentialFor, webhookSecretOf } from '../shared/shopifyClient';

/** One per n8n process: each webhook process of a queue-mode setup keeps its own. */
const cache = new VerificationKeysCache();

async function loadKeys(ctx: IWebhookFunctions): Promise<VerificationKeys> {
	const credential = await shopifyCredentialFor(ctx);
	return { shop: credential.shop, secret: webhookSecretOf(credential) ?? '' };
}

function credentialIdOf(ctx: IWebhookFunctions): string | undefined {
	return ctx.getNode().credentials?.shopifyAdminApi?.id ?? undefined;
}

/** The node's credential's shop and webhook secret, remembered briefly per credential (see VerificationKeysCache). */
export async function verificationKeysFor(ctx: IWebhookFunctions, nowMs: number): Promise<VerificationKeysLookup> {
	const credentialId = credentialIdOf(ctx);
	if (!credentialId) return { keys: await loadKeys(ctx), fresh: true };
	return await cache.lookup(credentialId, async () => await loadKeys(ctx), nowMs);
}

/** Fresh keys after remembered ones rejected a delivery; undefined when they were loaded moments ago. */
export async function reloadVerificationKeys(ctx: IWebhookFunctions, nowMs: number): Promise<VerificationKeys | undefined> {
	const credentialId = credentialIdOf(ctx);
	if (!credentialId) return undefined;
	return await cache.reloadAfterRejection(credentialId, async () => await loadKeys(ctx), nowMs);
}
