import { NodeOperationError, type IWebhookFunctions, type IWebhookResponseData } from 'n8n-workflow';
import type { WebhookDeliveryHeaders } from '../../lib/shopify/webhooks/deliveryHeaders';
import { VerificationAlarm, VERIFICATION_ALARM_INTERVAL_MS } from '../../lib/shopify/webhooks/verificationAlarm';
import type { DeliveryRejection, DeliveryVerdict } from '../../lib/shopify/webhooks/verifyDelivery';

const alarm = new VerificationAlarm();

/** Answers with a status and a plain message, past n8n's own response. */
export function replyStatus(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).send(message).end();
	return { noWebhookResponse: true };
}

const WHERE_THE_SECRET_IS =
	'In Shopify: for a custom app made in the Shopify admin, Settings → Apps and sales channels → Develop apps → the app → API credentials → API secret key; for a Dev Dashboard app, its Settings → Client secret.';

const PROBLEMS: Partial<Record<DeliveryRejection, string>> = {
	'missing-secret': 'the Shopify credential has no Webhook Secret (and no Client Secret), so no delivery can be verified',
	'bad-signature': 'their signature does not match the Webhook Secret of the Shopify credential',
	'missing-signature': 'they arrive without the X-Shopify-Hmac-Sha256 signature (a proxy in front of n8n may remove it)',
};

interface DeliveryContext {
	/** The store names this trigger answers for. */
	shopDomains: string[];
	/** The topics this trigger subscribes to. */
	topics: string[];
	nowMs: number;
}

/** Whether a refused delivery names our store and a topic we subscribed to: then Shopify's are likely failing too. */
function looksLikeOurs(headers: WebhookDeliveryHeaders, context: DeliveryContext): boolean {
	const shop = (headers.shopDomain ?? '').toLowerCase();
	return context.shopDomains.some((domain) => domain.toLowerCase() === shop) && context.topics.includes(headers.topic ?? '');
}

/**
 * A delivery that failed verification. The sender learns only "401"; the reason goes to n8n's log (never the
 * secret or the signature). When the delivery otherwise looks like Shopify's, the shop owner must learn of it:
 * Shopify deletes a subscription whose deliveries fail for 4 hours, and a log line on the server is not where
 * a shop owner looks. So, at most once per VERIFICATION_ALARM_INTERVAL_MS, the error is thrown instead: n8n
 * 2.41 (webhook-helpers executeWebhook) then answers 500 and still starts an execution that fails at this
 * trigger with this message, which shows in the workflow's Executions list and starts its Error Workflow.
 * Starting a run with an item that describes the failure was the other choice, but the next node (a POS
 * request) would take that item for an order.
 */
export function refuseDelivery(
	ctx: IWebhookFunctions,
	verdict: DeliveryVerdict & { accepted: false },
	context: DeliveryContext,
): IWebhookResponseData {
	const { headers, reason } = verdict;
	ctx.logger.warn(`Shopify Order Trigger rejected a delivery: ${reason}`, {
		topic: headers.topic,
		shopDomain: headers.shopDomain,
		webhookId: headers.webhookId,
	});
	const problem = PROBLEMS[reason];
	const scope = `${ctx.getWorkflow().id ?? 'unsaved'}\u0000${ctx.getNode().name}\u0000${ctx.getMode()}`;
	if (!problem || !looksLikeOurs(headers, context) || !alarm.shouldRaise(scope, context.nowMs)) return replyStatus(ctx, 401, 'Unauthorized');
	const minutes = VERIFICATION_ALARM_INTERVAL_MS / 60_000;
	throw new NodeOperationError(ctx.getNode(), `Shopify deliveries for ${headers.topic} are refused: ${problem}`, {
		description:
			`Fill "Webhook Secret" in the Shopify credential with the key the app signs webhooks with. ${WHERE_THE_SECRET_IS} ` +
			`Until then no order event runs this workflow, and Shopify deletes the subscription after 4 hours of failed deliveries (publish the workflow again afterwards). ` +
			`This error is raised at most once every ${minutes} minutes; n8n's log lists every refused delivery.`,
	});
}
