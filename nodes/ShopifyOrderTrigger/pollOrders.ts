import { NodeApiError, type IDataObject, type INodeExecutionData, type IPollFunctions, type JsonObject } from 'n8n-workflow';
import { ShopifyApiError } from '../../lib/shopify/errors';
import { newFetchStats } from '../../lib/shopify/orders/graphqlClient';
import type { GqlOrder } from '../../lib/shopify/orders/orderSelection';
import { listOrderIds, OrderDetailsReader, type ListedOrder } from '../../lib/shopify/orders/pagedOrders';
import type { PosOrder } from '../../lib/shopify/orders/posOrder';
import { claimStockChanges, pollStockChanges, saleChanges } from '../../lib/shopify/orders/stockChanges';
import { normalizeShop } from '../../lib/shopify/shopUrl';
import { orderChangeKey } from '../../lib/shopify/webhooks/orderChangeKey';
import { orderEventFromGraphql, type OrderEventMeta, type OrderEventOutput } from '../../lib/shopify/webhooks/orderEvent';
import { advanceCursor, pollWindowStart, updatedSinceSearch } from '../../lib/shopify/webhooks/pollingCursor';
import { shopifyClientFor, shopifyCredentialFor } from '../shared/shopifyClient';
import { orderLedgers } from './triggerMemory';

interface PollOptions {
	search?: string;
	overlapMinutes?: number;
	maxChangesPerPoll?: number;
	skipPosOrders?: boolean;
}

interface PollState {
	/** Newest `updatedAt` fully processed (ISO UTC). */
	cursor?: string;
	/** When the trigger started watching: earlier changes are the past, not events (the overlap reaches back). */
	startedAt?: string;
}

function pollMeta(order: GqlOrder, shopDomain: string, apiVersion: string, now: Date): OrderEventMeta {
	return {
		// Polling sees states, not events: an order never updated since creation is reported as created.
		topic: Date.parse(order.createdAt) === Date.parse(order.updatedAt) ? 'orders/create' : 'orders/updated',
		source: 'poll',
		eventId: null,
		webhookId: null,
		triggeredAt: now.toISOString(),
		apiVersion,
		shopDomain,
	};
}

function asApiError(ctx: IPollFunctions, error: unknown): Error {
	if (error instanceof ShopifyApiError) {
		return new NodeApiError(ctx.getNode(), { message: error.message, code: error.code } as JsonObject, {
			message: error.message,
			description: error.describe(),
			httpCode: error.status ? String(error.status) : undefined,
		});
	}
	return error as Error;
}

/** The editor's "Fetch test event": the most recently updated order, touching neither cursor nor memory. */
async function sampleOrder(ctx: IPollFunctions, output: OrderEventOutput): Promise<INodeExecutionData[][] | null> {
	const client = await shopifyClientFor(ctx);
	const shop = normalizeShop((await shopifyCredentialFor(ctx)).shop);
	for await (const page of listOrderIds(client, '', 'UPDATED_AT', true)) {
		for await (const order of new OrderDetailsReader(client).read([page[0].id])) {
			const event = orderEventFromGraphql(order, pollMeta(order, shop.domain, client.apiVersion, new Date()), output);
			// The sample shows the order's sale as a first sighting would carry it (same keys), remembering nothing.
			if (output === 'posOrder') event.json.stockChanges = saleChanges(event.json as unknown as PosOrder);
			return [[{ json: event.json as IDataObject }]];
		}
		break;
	}
	return null;
}

/**
 * One poll: list orders updated since the cursor (minus the overlap), oldest first; fetch details only for
 * changes not yet emitted by this workflow (by a poll or by a Shopify Order Trigger webhook); emit each once.
 */
export async function pollOrders(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const output = this.getNodeParameter('output', 'posOrder') as OrderEventOutput;
	const options = this.getNodeParameter('options', {}) as PollOptions;
	try {
		if (this.getMode() === 'manual') return await sampleOrder(this, output);

		const state = this.getWorkflowStaticData('node') as PollState;
		const now = new Date();
		if (!state.cursor) {
			// First poll after publishing: watch from now on (Shopify Get Orders reads the past).
			state.cursor = now.toISOString();
			state.startedAt = state.cursor;
			return null;
		}

		const credential = await shopifyCredentialFor(this);
		const shop = normalizeShop(credential.shop);
		const client = await shopifyClientFor(this);
		const ledgers = orderLedgers(this.getWorkflowStaticData('global'), this.getWorkflow().id ?? 'unsaved', shop.domain, 'live', now.getTime());
		const overlapMs = Math.max(0, options.overlapMinutes ?? 10) * 60_000;
		const maxChanges = Math.max(1, options.maxChangesPerPoll ?? 500);
		const search = updatedSinceSearch(pollWindowStart(state.cursor, overlapMs), options.search);
		const stats = newFetchStats();

		const fresh: ListedOrder[] = [];
		const scanned: string[] = [];
		const startedAt = Date.parse(state.startedAt ?? state.cursor);
		listing: for await (const page of listOrderIds(client, search, 'UPDATED_AT', false, stats)) {
			for (const listed of page) {
				const key = orderChangeKey(listed.id, listed.updatedAt);
				if ((key && ledgers.changes.has(key, now.getTime())) || Date.parse(listed.updatedAt) < startedAt) {
					scanned.push(listed.updatedAt);
					continue;
				}
				if (fresh.length >= maxChanges) break listing;
				fresh.push(listed);
				scanned.push(listed.updatedAt);
			}
		}

		const items: INodeExecutionData[] = [];
		const skipPos = options.skipPosOrders ?? true;
		const listedAt = new Map(fresh.map((listed) => [listed.id, listed.updatedAt]));
		for await (const order of new OrderDetailsReader(client, stats).read(fresh.map((listed) => listed.id))) {
			const event = orderEventFromGraphql(order, pollMeta(order, shop.domain, client.apiVersion, now), output);
			// The listing's key too: the details may show a newer update than the listing did.
			const listingKey = orderChangeKey(order.id, listedAt.get(order.id));
			const claimed = event.changeKey ? ledgers.changes.claim(event.changeKey, now.getTime()) : true;
			if (listingKey && listingKey !== event.changeKey) ledgers.changes.claim(listingKey, now.getTime());
			if (!claimed) continue;
			if (skipPos && event.sourceName === 'pos') continue;
			if (output === 'posOrder') {
				const sales = pollStockChanges(event.json as unknown as PosOrder, Math.max(startedAt, Date.parse(pollWindowStart(state.cursor, overlapMs))));
				event.json.stockChanges = claimStockChanges(ledgers.changes, sales, now.getTime());
			}
			items.push({ json: event.json as IDataObject });
		}

		state.cursor = advanceCursor(state.cursor, scanned);
		ledgers.persist();
		this.logger.debug('Shopify Order Polling Trigger polled', {
			listed: scanned.length,
			emitted: items.length,
			requests: stats.requests,
			requestedCost: stats.requestedCost,
			actualCost: stats.actualCost,
		});
		return items.length > 0 ? [items] : null;
	} catch (error) {
		throw asApiError(this, error);
	}
}
