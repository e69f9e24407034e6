import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { cloverVerificationCode } from '../../lib/pos/webhooks/cloverAuthCode';
import { cloverVerificationEvent } from '../../lib/pos/webhooks/cloverEvent';
import { UnreadableBodyError } from '../../lib/pos/webhooks/deliveryBody';
import { readPosEvent } from '../../lib/pos/webhooks/readPosEvent';
import { PRESET_VENDOR, type PosTriggerSettings, type PosWebhookSecrets } from '../../lib/pos/webhooks/presets';
import { headerText, verifyPosDelivery, type IncomingHeaders } from '../../lib/pos/webhooks/verifyPosDelivery';
import { ClaimInProgressError } from '../../lib/shopify/webhooks/memory/redisMemories';
import { posEventMemory } from './posTriggerMemory';
import { posTriggerSettingsOf, posWebhookSecretsOf, reloadPosWebhookSecrets } from './posTriggerSettings';
import { toNodeError } from '../shared/nodeError';

function reply(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).send(message).end();
	return { noWebhookResponse: true };
}

/**
 * Claims an event in the trigger's memory. Undefined when it is this delivery's to run; otherwise the answer: 200
 * for a repeat, 503 when the memory could not tell (running could run a duplicate; the POS delivers it again).
 */
async function claimPosEvent(ctx: IWebhookFunctions, key: string, receivedAt: Date): Promise<IWebhookResponseData | undefined> {
	const scope = { workflowId: ctx.getWorkflow().id ?? 'unsaved', nodeName: ctx.getNode().name, channel: ctx.getMode() === 'manual' ? 'test' : 'live' } as const;
	const memory = posEventMemory(ctx, scope, receivedAt.getTime());
	try {
		if (!(await memory.claim(key, receivedAt.getTime()))) {
			await memory.giveUp();
			return { webhookResponse: { received: true, duplicate: true } };
		}
	} catch (error) {
		await memory.giveUp().catch(() => undefined);
		const message =
			error instanceof ClaimInProgressError ? `${error.message}; the POS will deliver it again.` : `The trigger's memory of events could not be reached: ${(error as Error).message}`;
		ctx.logger.warn(`POS Trigger: ${message}`, { node: ctx.getNode().name });
		return reply(ctx, 503, message);
	}
	try {
		await memory.keep({ startsExecution: true });
	} catch (error) {
		// The claim is this delivery's either way (kept, or lapsing soon): running it is what loses nothing.
		ctx.logger.warn(`POS Trigger: the claim of this event could not be made lasting, so a copy delivered a minute later may run again: ${(error as Error).message}`, {
			node: ctx.getNode().name,
		});
	}
	return undefined;
}

function parsedJson(rawBody: Buffer): unknown {
	try {
		return JSON.parse(rawBody.toString('utf8'));
	} catch {
		return undefined;
	}
}

/**
 * Clover's one-time URL verification. Until the Clover Auth Code is in the credential (it only exists once
 * the URL is verified), the code is emitted as an item: a beginner sees it in the editor's output when
 * listening for a test event, or in the Executions list of a published workflow, and copies it from there.
 * Once the auth code is set, a verification request starts nothing (anyone could send one) and the code
 * goes to n8n's log only.
 */
async function answerCloverVerification(ctx: IWebhookFunctions, code: string, secrets: PosWebhookSecrets | undefined, receivedAt: Date): Promise<IWebhookResponseData> {
	if (secrets?.secret) {
		ctx.logger.info(`POS Trigger received Clover's webhook verification code ${code}. Paste it into Clover's Verification Code field.`);
		return { webhookResponse: { received: true } };
	}
	const answered = await claimPosEvent(ctx, `clover:verification:${code}`, receivedAt);
	if (answered) return answered;
	return { workflowData: [[{ json: cloverVerificationEvent(code, receivedAt.toISOString()) as unknown as IDataObject }]] };
}

function rejected(ctx: IWebhookFunctions, settings: PosTriggerSettings, reason: string, detail?: string): IWebhookResponseData {
	// The reason goes to n8n's log (never a secret, token or signature); the sender only learns "401".
	ctx.logger.warn(`POS Trigger (${settings.preset}) refused a delivery: ${reason}${detail ? `. ${detail}` : ''}`, { node: ctx.getNode().name });
	return reply(ctx, 401, 'Unauthorized');
}

/**
 * One delivery from a POS: verify, read, dedupe, emit. Nothing here calls the POS, so n8n answers at once
 * (Square waits 10 s, Lightspeed X 5 s) and the workflow runs after the answer.
 */
export async function receivePosDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	if (!request.rawBody) await request.readRawBody();
	const rawBody = request.rawBody ?? Buffer.alloc(0);
	const headers = this.getHeaderData() as IncomingHeaders;
	const receivedAt = new Date();

	const settings = posTriggerSettingsOf(this);
	const lookup = await posWebhookSecretsOf(this, settings.preset, receivedAt.getTime());
	if (settings.preset === 'clover') {
		const code = cloverVerificationCode(parsedJson(rawBody));
		// Whether Clover's verification POST carries an X-Clover-Auth header is not documented: the body decides.
		if (code !== undefined) return await answerCloverVerification(this, code, lookup.secrets, receivedAt);
	}
	const delivery = { rawBody, headers, query: this.getQueryData() as Record<string, unknown> };
	let verdict = verifyPosDelivery(delivery, settings, lookup.secrets);
	if (!verdict.accepted && !lookup.fresh) {
		// Remembered secrets may predate an edit of the credential (a rotated key): decide with the current ones.
		const current = await reloadPosWebhookSecrets(this, receivedAt.getTime());
		if (current) verdict = verifyPosDelivery(delivery, settings, current);
	}
	if (!verdict.accepted) return rejected(this, settings, verdict.reason, verdict.detail);

	// Read before anything is remembered: a delivery answered 400 is retried by the POS and must not count as seen.
	let event;
	try {
		event = readPosEvent(rawBody, headerText(headers, 'content-type'), settings, receivedAt.toISOString());
	} catch (error) {
		if (!(error instanceof UnreadableBodyError)) throw toNodeError(this.getNode(), error);
		this.logger.warn(`POS Trigger (${settings.preset}) could not read a verified delivery: ${error.message}`);
		return reply(this, 400, error.message);
	}

	const answered = await claimPosEvent(this, `${PRESET_VENDOR[settings.preset]}:${event.eventId}`, receivedAt);
	if (answered) return answered;
	return { workflowData: [[{ json: event as unknown as IDataObject }]] };
}
