import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { ShopifyApiError } from '../../lib/shopify/errors';
import { claimStockChanges, type StockChange } from '../../lib/shopify/orders/stockChanges';
import { normalizeShop, type ShopAddress } from '../../lib/shopify/shopUrl';
import { deliveryDedupeKey } from '../../lib/shopify/webhooks/deliveryHeaders';
import { deliveryMeta, orderEventFromDelivery, UnreadableDeliveryError, type OrderEventOutput } from '../../lib/shopify/webhooks/orderEvent';
import { readShopDomain } from '../../lib/shopify/webhooks/subscriptions';
import type { VerificationKeys } from '../../lib/shopify/webhooks/verificationKeysCache';
import { verifyDelivery, type DeliveryVerdict } from '../../lib/shopify/webhooks/verifyDelivery';
import { shopifyClientFor } from '../shared/shopifyClient';
import { stockChangesForDelivery } from './deliveryStockChanges';
import type { NodeWebhookData } from './subscriptionLifecycle';
import { orderLedgers } from './triggerMemory';
import { reloadVerificationKeys, verificationKeysFor } from './verificationKeys';

function reply(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).send(message).end();
	return { noWebhookResponse: true };
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

/** The verdict on a delivery with one set of keys, and the shop those keys name. */
async function verifyWith(ctx: IWebhookFunctions, rawBody: Buffer, keys: VerificationKeys): Promise<{ verdict: DeliveryVerdict; shop: ShopAddress }> {
	const shop = normalizeShop(keys.shop);
	const subscribedShop = (ctx.getWorkflowStaticData('node') as NodeWebhookData).shopDomain ?? (await proxiedShopDomain(ctx, shop));
	const verdict = verifyDelivery({
		rawBody,
		headers: ctx.getHeaderData() as Record<string, string | string[] | undefined>,
		secret: keys.secret,
		expectedShopDomains: subscribedShop ? [shop.domain, subscribedShop] : [shop.domain],
	});
	return { verdict, shop };
}

/**
 * One delivery from Shopify: verify, dedupe, emit. No call to Shopify on this path (but the one-off above, and
 * one small query for the lines of an order edit), so n8n answers at once (Shopify waits 5 seconds) and the
 * workflow runs after the answer.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	if (!request.rawBody) await request.readRawBody();
	const rawBody = request.rawBody ?? Buffer.alloc(0);

	const now = new Date();
	const lookup = await verificationKeysFor(this, now.getTime());
	let { verdict, shop } = await verifyWith(this, rawBody, lookup.keys);
	if (!verdict.accepted && !lookup.fresh) {
		// Remembered keys may predate an edit of the credential (a rotated secret): decide with the current ones.
		const current = await reloadVerificationKeys(this, now.getTime());
		if (current) ({ verdict, shop } = await verifyWith(this, rawBody, current));
	}
	if (!verdict.accepted) {
		// The reason goes to n8n's log (never the secret or the signature); the sender only learns "401".
		this.logger.warn(`Shopify Order Trigger rejected a delivery: ${verdict.reason}`, {
			topic: verdict.headers.topic,
			shopDomain: verdict.headers.shopDomain,
			webhookId: verdict.headers.webhookId,
		});
		return reply(this, 401, 'Unauthorized');
	}

	const output = this.getNodeParameter('output', 'posOrder') as OrderEventOutput;
	const options = this.getNodeParameter('options', {}) as { skipPosOrders?: boolean };
	// Read before anything is remembered: a delivery answered 400 is retried by Shopify and must not count as seen.
	let event;
	try {
		event = orderEventFromDelivery(rawBody, deliveryMeta(verdict.headers, verdict.headers.shopDomain ?? shop.domain, now), output);
	} catch (error) {
		const message = error instanceof UnreadableDeliveryError ? error.message : `The delivery could not be read as an order: ${(error as Error).message}`;
		this.logger.warn(`Shopify Order Trigger could not read a ${verdict.headers.topic ?? ''} delivery: ${message}`);
		return reply(this, 400, message);
	}
	let stockChanges: StockChange[] | undefined;
	if (output === 'posOrder') {
		try {
			stockChanges = await stockChangesForDelivery(this, verdict.headers.topic ?? '', rawBody, event.json, now);
		} catch (error) {
			// Shopify unreachable while reading an edit's lines: 503, so Shopify delivers the edit again later.
			const status = error instanceof ShopifyApiError ? 503 : 400;
			const message = `The stock changes of this ${verdict.headers.topic ?? ''} delivery could not be read: ${(error as Error).message}`;
			this.logger.warn(`Shopify Order Trigger: ${message}`);
			return reply(this, status, message);
		}
	}

	const channel = this.getMode() === 'manual' ? 'test' : 'live';
	const ledgers = orderLedgers(this.getWorkflowStaticData('global'), this.getWorkflow().id ?? 'unsaved', shop.domain, channel, now.getTime());
	// An event that names an order change is remembered by that change alone (a redelivery names the same
	// change): the delivery memory, saved with every delivery, then holds only deletions, refunds and edits.
	const dedupeKey = event.changeKey ? undefined : deliveryDedupeKey(verdict.headers);
	if (dedupeKey && !ledgers.deliveries.claim(dedupeKey, now.getTime())) {
		ledgers.persist();
		return { webhookResponse: 'Duplicate delivery: already received.' };
	}

	const skipPos = options.skipPosOrders ?? true;
	if (skipPos && event.sourceName === 'pos') {
		ledgers.persist();
		return { webhookResponse: 'Skipped: order from Shopify POS.' };
	}
	if (event.changeKey && !ledgers.changes.claim(event.changeKey, now.getTime())) {
		ledgers.persist();
		return { webhookResponse: 'Already emitted: this order change was seen before.' };
	}
	if (stockChanges) event.json.stockChanges = claimStockChanges(ledgers.changes, stockChanges, now.getTime());
	ledgers.persistAfterExecutionStarts();
	return { workflowData: [[{ json: event.json as IDataObject }]] };
}
