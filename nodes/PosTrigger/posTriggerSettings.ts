import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { posWebhookSecretsFrom } from '../../credentials/PosWebhookApi.credentials';
import type { DigestEncoding, HmacAlgorithm } from '../../lib/pos/webhooks/hmacDigest';
import type { SignedContent } from '../../lib/pos/webhooks/genericHmac';
import type { LoyverseAuthentication, PosPreset, PosTriggerSettings, PosWebhookSecrets } from '../../lib/pos/webhooks/presets';
import { DEFAULT_TOKEN_HEADER, DEFAULT_TOKEN_QUERY_PARAMETER } from '../../lib/pos/webhooks/urlToken';
import { VerificationKeysCache } from '../../lib/shopify/webhooks/verificationKeysCache';

type TriggerContext = IHookFunctions | IWebhookFunctions;

function text(ctx: TriggerContext, name: string, fallback: string): string {
	const value = ctx.getNodeParameter(name, fallback);
	return typeof value === 'string' ? value.trim() : fallback;
}

/**
 * The URLs the POS may have signed. Square signs the URL registered in its console: n8n's production URL
 * (built from WEBHOOK_URL) unless the user says otherwise. A test run from the editor is served on the test
 * URL, which a user may have registered for a first try, so it is accepted there too.
 */
function signedUrlsOf(ctx: TriggerContext, preset: PosPreset): string[] {
	const override = preset === 'square' || preset === 'genericHmac' ? text(ctx, 'notificationUrl', '') : '';
	const urls = [override || ctx.getNodeWebhookUrl('default') || ''];
	if (ctx.getMode() === 'manual' && 'getWebhookResourceUrl' in ctx) urls.push(ctx.getWebhookResourceUrl('default') ?? '');
	return [...new Set(urls.filter((url) => url !== ''))];
}

export function posTriggerSettingsOf(ctx: TriggerContext): PosTriggerSettings {
	const preset = ctx.getNodeParameter('pos', 'square') as PosPreset;
	const options = ctx.getNodeParameter('options', {}) as { tokenQueryParameter?: string; tokenHeaderName?: string };
	return {
		preset,
		signedUrls: signedUrlsOf(ctx, preset),
		loyverseAuthentication: (preset === 'loyverse' ? ctx.getNodeParameter('loyverseAuthentication', 'signature') : 'signature') as LoyverseAuthentication,
		tokenQueryParameter: options.tokenQueryParameter?.trim() || DEFAULT_TOKEN_QUERY_PARAMETER,
		tokenHeaderName: options.tokenHeaderName?.trim() || DEFAULT_TOKEN_HEADER,
		genericHmac: {
			headerName: preset === 'genericHmac' ? text(ctx, 'signatureHeader', '') : '',
			algorithm: (preset === 'genericHmac' ? ctx.getNodeParameter('algorithm', 'sha256') : 'sha256') as HmacAlgorithm,
			encoding: (preset === 'genericHmac' ? ctx.getNodeParameter('encoding', 'hex') : 'hex') as DigestEncoding,
			prefix: preset === 'genericHmac' ? text(ctx, 'signaturePrefix', '') : '',
			signedContent: (preset === 'genericHmac' ? ctx.getNodeParameter('signedContent', 'body') : 'body') as SignedContent,
		},
		acceptUnauthenticated: preset === 'none' && ctx.getNodeParameter('acceptUnauthenticated', false) === true,
		eventPaths: {
			eventIdPath: preset === 'genericHmac' || preset === 'none' ? text(ctx, 'eventIdPath', '') : '',
			eventTypePath: preset === 'genericHmac' || preset === 'none' ? text(ctx, 'eventTypePath', '') : '',
		},
	};
}

/** One per n8n process: each webhook process of a queue-mode setup keeps its own. */
const secretsCache = new VerificationKeysCache<PosWebhookSecrets>();

export interface PosSecretsLookup {
	/** Undefined for the None preset, or when no credential is chosen. */
	secrets: PosWebhookSecrets | undefined;
	/** Read from the credential for this delivery: a rejection with them is final. */
	fresh: boolean;
}

function credentialIdOf(ctx: TriggerContext): string | undefined {
	return ctx.getNode().credentials?.posWebhookApi?.id ?? undefined;
}

async function loadSecrets(ctx: TriggerContext): Promise<PosWebhookSecrets> {
	return posWebhookSecretsFrom(await ctx.getCredentials('posWebhookApi'));
}

/**
 * The node's POS Webhook Secret. Deliveries reuse it for a minute (VerificationKeysCache): reading a
 * credential costs n8n 2.x an expression sandbox, which a flood of forged deliveries must not be able to
 * make it pay for each one. Publishing (`fresh` callers) always reads it.
 */
export async function posWebhookSecretsOf(ctx: TriggerContext, preset: PosPreset, nowMs?: number): Promise<PosSecretsLookup> {
	if (preset === 'none' || !ctx.getNode().credentials?.posWebhookApi) return { secrets: undefined, fresh: true };
	const credentialId = credentialIdOf(ctx);
	if (nowMs === undefined || !credentialId) return { secrets: await loadSecrets(ctx), fresh: true };
	const lookup = await secretsCache.lookup(credentialId, async () => await loadSecrets(ctx), nowMs);
	return { secrets: lookup.keys, fresh: lookup.fresh };
}

/** Current secrets after remembered ones refused a delivery (a rotated key); undefined when read moments ago. */
export async function reloadPosWebhookSecrets(ctx: TriggerContext, nowMs: number): Promise<PosWebhookSecrets | undefined> {
	const credentialId = credentialIdOf(ctx);
	if (!credentialId) return undefined;
	return await secretsCache.reloadAfterRejection(credentialId, async () => await loadSecrets(ctx), nowMs);
}
