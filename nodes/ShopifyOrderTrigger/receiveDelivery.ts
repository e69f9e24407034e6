import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { ShopifyApiError } from '../../lib/shopify/errors';
import { claimStockChanges, type StockChange } from '../../lib/shopify/orders/stockChanges';
import { normalizeShop, type ShopAddress } from '../../lib/shopify/shopUrl';
import { deliveryDedupeKey, type WebhookDeliveryHeaders } from '../../lib/shopify/webhooks/deliveryHeaders';
import { SIGNED_EVENT_MAX_AGE_MS } from '../../lib/shopify/webhooks/memory/memoryBounds';
import { deliveryMeta, orderEventFromDelivery, UnreadableDeliveryError, type OrderEvent, type OrderEventOutput } from '../../lib/shopify/webhooks/orderEvent';
import { isOlderThanWindow, signedEventOf } from '../../lib/shopify/webhooks/signedEvent';
import { readShopDomain } from '../../lib/shopify/webhooks/subscriptions';
import type { VerificationKeys } from '../../lib/shopify/webhooks/verificationKeysCache';
import { verifyDelivery, type DeliveryVerdict } from '../../lib/shopify/webhooks/verifyDelivery';
import { shopifyClientFor } from '../shared/shopifyClient';
import { stockChangesForDelivery } from './deliveryStockChanges';
import { refuseDelivery, replyStatus } from './refuseDelivery';
import type { NodeWebhookData } from './subscriptionLifecycle';
import { orderMemories, type OrderMemories } from './triggerMemory';
import { ClaimInProgressError, PENDING_CLAIM_MS } from '../../lib/shopify/webhooks/memory/redisMemories';
import { reloadVerificationKeys, verificationKeysFor } from './verificationKeys';

/** 200 with a short JSON body, nothing run: Shopify counts the delivery as received and does not retry it. */
function notRun(reason: string): IWebhookResponseData {
	return { webhookResponse: { received: true, started: false, reason } };
}

const proxiedShopDomains = new Map<string, string>();

/**
 * A loopback shop address (proxy, simulator) does not say which myshopify.com store is behind it. The name is
 * normally saved when subscribing; an editor test run may not have saved it, so ask once per process.
 */
async function proxiedShopDomain(ctx: IWebhookFunctions, shop: ShopAddress): Promise<string | undefined> {
	if (!shop.isLocal) return undefined;
	const known = proxiedShopDomains.get(shop.origin);
	if (known) return known;
	try {
		const domain = await readShopDomain(await shopifyClientFor(ctx));
		proxiedShopDomains.set(shop.origin, domain);
		return domain;
	} catch {
		return undefined;
	}
}

interface Verification {
	verdict: DeliveryVerdict;
	shop: ShopAddress;
	/** The store names a delivery may come from. */
	shopDomains: string[];
}

/** The verdict on a delivery with one set of keys, and the shop those keys name. */
async function verifyWith(ctx: IWebhookFunctions, rawBody: Buffer, keys: VerificationKeys): Promise<Verification> {
	const shop = normalizeShop(keys.shop);
	const subscribedShop = (ctx.getWorkflowStaticData('node') as NodeWebhookData).shopDomain ?? (await proxiedShopDomain(ctx, shop));
	const shopDomains = subscribedShop ? [shop.domain, subscribedShop] : [shop.domain];
	const verdict = verifyDelivery({
		rawBody,
		headers: ctx.getHeaderData() as Record<string, string | string[] | undefined>,
		secret: keys.secret,
		expectedShopDomains: shopDomains,
	});
	return { verdict, shop, shopDomains };
}

async function verify(ctx: IWebhookFunctions, rawBody: Buffer, nowMs: number): Promise<Verification> {
	const lookup = await verificationKeysFor(ctx, nowMs);
	const first = await verifyWith(ctx, rawBody, lookup.keys);
	if (first.verdict.accepted || lookup.fresh) return first;
	// Remembered keys may predate an edit of the credential (a rotated secret): decide with the current ones.
	const current = await reloadVerificationKeys(ctx, nowMs);
	return current ? await verifyWith(ctx, rawBody, current) : first;
}

/** Logs why a verified delivery runs nothing; never the body, the secret or the signature. */
function ignored(ctx: IWebhookFunctions, headers: WebhookDeliveryHeaders, why: string): IWebhookResponseData {
	ctx.logger.warn(`Shopify Order Trigger ignored a ${headers.topic ?? ''} delivery: ${why}`, {
		topic: headers.topic,
		shopDomain: headers.shopDomain,
		eventId: headers.eventId,
		webhookId: headers.webhookId,
	});
	return notRun(why);
}

/**
 * Whether this event was seen before, by what the signature covers. An order change is one order at one
 * updated_at, remembered in the memory shared with the polling trigger. A deletion, refund or edit is remembered
 * by the id its body names, with the X-Shopify-Event-Id as an extra key: a known event id also marks a
 * duplicate, but a new one never makes a known body new. The signed body's key decides, in one atomic claim
 * where the memory is kept, so of racing duplicates (in one process, or in several sharing n8n's Redis) one wins.
 */
async function claimEvent(memories: OrderMemories, event: OrderEvent, bodyKey: string, headers: WebhookDeliveryHeaders, nowMs: number): Promise<boolean> {
	if (event.changeKey) return await memories.changes.claim(event.changeKey, nowMs);
	const eventKey = deliveryDedupeKey({ eventId: headers.eventId });
	if (eventKey && (await memories.deliveries.has(eventKey, nowMs))) return false;
	if (!(await memories.deliveries.claim(`signed:${bodyKey}`, nowMs))) return false;
	if (eventKey) await memories.deliveries.claim(eventKey, nowMs);
	return true;
}

interface DeliveryToClaim {
	event: OrderEvent;
	/** The key of what the signature covers. */
	bodyKey: string;
	headers: WebhookDeliveryHeaders;
	stockChanges: StockChange[] | undefined;
	skipPos: boolean;
	shopDomain: string;
}

/**
 * Claims the delivery's event (and its stock events, which are then set on the item) in the trigger's memory.
 * Undefined when it is this delivery's to run; otherwise the answer: 200 not run for a repeat or a Shopify POS
 * order, 503 when the memory could not tell (running could run a duplicate; Shopify delivers again later).
 */
async function claimDelivery(ctx: IWebhookFunctions, delivery: DeliveryToClaim, nowMs: number): Promise<IWebhookResponseData | undefined> {
	const scope = { workflowId: ctx.getWorkflow().id ?? 'unsaved', shopDomain: delivery.shopDomain, channel: ctx.getMode() === 'manual' ? 'test' : 'live' } as const;
	const memories = orderMemories(ctx, scope, nowMs);
	const { event, stockChanges } = delivery;
	try {
		if (delivery.skipPos || !(await claimEvent(memories, event, delivery.bodyKey, delivery.headers, nowMs))) {
			await memories.giveUp();
			return notRun(delivery.skipPos ? 'order from Shopify POS' : 'already received: this event was seen before');
		}
		if (stockChanges) event.json.stockChanges = await claimStockChanges(memories.changes, stockChanges, nowMs);
	} catch (error) {
		await memories.giveUp().catch(() => undefined);
		const message =
			error instanceof ClaimInProgressError ? `${error.message}; Shopify will deliver it again.` : `The trigger's memory of deliveries could not be reached: ${(error as Error).message}`;
		ctx.logger.warn(`Shopify Order Trigger: ${message}`);
		return replyStatus(ctx, 503, message);
	}
	try {
		await memories.keep({ startsExecution: true });
	} catch (error) {
		// The claims are this delivery's either way (kept, or lapsing soon): running it is what loses nothing.
		ctx.logger.warn(
			`Shopify Order Trigger: the claims of this delivery could not be made lasting, so a copy delivered after ${PENDING_CLAIM_MS / 1000} s ` +
				`may run again (the POS key keeps it single): ${(error as Error).message}`,
		);
	}
	return undefined;
}

/**
 * One delivery from Shopify: verify, check the topic and age, dedupe, emit. No call to Shopify on this path
 * (but the one-off above, and one small query for the lines of an order edit), so n8n answers at once (Shopify
 * waits 5 seconds) and the workflow runs after the answer.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	if (!request.rawBody) await request.readRawBody();
	const rawBody = request.rawBody ?? Buffer.alloc(0);

	const now = new Date();
	const { verdict, shop, shopDomains } = await verify(this, rawBody, now.getTime());
	const topics = this.getNodeParameter('topics', []) as string[];
	if (!verdict.accepted) return refuseDelivery(this, verdict, { shopDomains, topics, nowMs: now.getTime() });

	const { headers } = verdict;
	if (!headers.topic || !topics.includes(headers.topic)) return notRun(`not subscribed to ${headers.topic ?? 'this topic'}`);
	// Unsigned, so it can only refuse: a fresh value proves nothing, the signed body's own time decides below.
	const triggeredAtMs = headers.triggeredAt ? Date.parse(headers.triggeredAt) : NaN;
	if (isOlderThanWindow(Number.isNaN(triggeredAtMs) ? undefined : triggeredAtMs, now.getTime(), SIGNED_EVENT_MAX_AGE_MS)) {
		return ignored(this, headers, `X-Shopify-Triggered-At ${headers.triggeredAt} is older than the 48-hour memory`);
	}

	const output = this.getNodeParameter('output', 'posOrder') as OrderEventOutput;
	const options = this.getNodeParameter('options', {}) as { skipPosOrders?: boolean };
	// Read before anything is remembered: a delivery answered 400 is retried by Shopify and must not count as seen.
	let event;
	try {
		event = orderEventFromDelivery(rawBody, deliveryMeta(headers, headers.shopDomain ?? shop.domain, now), output);
	} catch (error) {
		const message = error instanceof UnreadableDeliveryError ? error.message : `The delivery could not be read as an order: ${(error as Error).message}`;
		this.logger.warn(`Shopify Order Trigger could not read a ${headers.topic} delivery: ${message}`);
		return replyStatus(this, 400, message);
	}
	const signed = signedEventOf(headers.topic, rawBody);
	if (isOlderThanWindow(signed.happenedAtMs, now.getTime(), SIGNED_EVENT_MAX_AGE_MS)) {
		// Its keys may be forgotten already, so a replay could not be told apart: never run it.
		return ignored(this, headers, `the event is from ${new Date(signed.happenedAtMs!).toISOString()}, older than the 48-hour memory`);
	}
	let stockChanges: StockChange[] | undefined;
	if (output === 'posOrder') {
		try {
			stockChanges = await stockChangesForDelivery(this, headers.topic, rawBody, event.json, now);
		} catch (error) {
			// Shopify unreachable while reading an edit's lines: 503, so Shopify delivers the edit again later.
			const status = error instanceof ShopifyApiError ? 503 : 400;
			const message = `The stock changes of this ${headers.topic} delivery could not be read: ${(error as Error).message}`;
			this.logger.warn(`Shopify Order Trigger: ${message}`);
			return replyStatus(this, status, message);
		}
	}

	const refused = await claimDelivery(this, { event, bodyKey: signed.key, headers, stockChanges, skipPos: (options.skipPosOrders ?? true) && event.sourceName === 'pos', shopDomain: shop.domain }, now.getTime());
	if (refused) return refused;
	return { workflowData: [[{ json: event.json as IDataObject }]], webhookResponse: { received: true } };
}
