import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { myshopifyDomainOf } from '../../lib/shopify/myshopifyDomain';
import { UnusableOrderError } from '../../lib/shopify/orders/answerShape';
import { newFetchStats } from '../../lib/shopify/orders/graphqlClient';
import type { GqlOrder } from '../../lib/shopify/orders/orderSelection';
import { listOrderIds, OrderDetailsReader, type ListedOrder } from '../../lib/shopify/orders/pagedOrders';
import type { PosOrder } from '../../lib/shopify/orders/posOrder';
import { claimStockChanges, pollStockChanges, saleChanges } from '../../lib/shopify/orders/stockChanges';
import type { SearchWarningHandling, SearchWarningPolicy } from '../../lib/shopify/searchWarnings';
import { normalizeShop } from '../../lib/shopify/shopUrl';
import { orderChangeKey } from '../../lib/shopify/webhooks/orderChangeKey';
import { orderEventFromGraphql, type OrderEvent, type OrderEventMeta, type OrderEventOutput } from '../../lib/shopify/webhooks/orderEvent';
import { advanceCursor, pollWindowStart, updatedSinceSearch } from '../../lib/shopify/webhooks/pollingCursor';
import { shopifyClientFor, shopifyCredentialFor } from '../shared/shopifyClient';
import { orderMemories } from './triggerMemory';
import { toNodeError } from '../shared/nodeError';
import { DEFAULT_MAX_CHANGES_PER_POLL, DEFAULT_POLL_OVERLAP_MINUTES } from '../../lib/shopify/webhooks/pollingCursor';

interface PollOptions {
	search?: string;
	overlapMinutes?: number;
	maxChangesPerPoll?: number;
	skipPosOrders?: boolean;
	searchWarnings?: SearchWarningPolicy;
}

const SEARCH_ADVICE =
	'Correct the field in Options → "Search" (Shopify\'s order search fields: ' +
	'https://shopify.dev/docs/api/admin-graphql/latest/queries/orders#arguments-query), or set Options → ' +
	'"On Search Warning" to "Continue With Warning" to emit every changed order the wider search finds.';

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

/** The event for one order, or why the order cannot be made into one (named by its id). */
function eventFor(order: GqlOrder, meta: OrderEventMeta, output: OrderEventOutput): OrderEvent | UnusableOrderError {
	try {
		return orderEventFromGraphql(order, meta, output);
	} catch (error) {
		return new UnusableOrderError(
			order.id,
			`Order ${order.name ?? ''} (${order.id}) cannot be emitted: ${(error as Error).message}`,
			'Nothing of this poll was emitted and the position did not move, so no order is lost. Correct the order in Shopify, or set Output to "Shopify Order" to emit it as Shopify sent it.',
		);
	}
}

/** The editor's "Fetch test event": the most recently updated order, touching neither cursor nor memory. */
async function sampleOrder(ctx: IPollFunctions, output: OrderEventOutput): Promise<INodeExecutionData[][] | null> {
	const client = await shopifyClientFor(ctx);
	const shopDomain = await myshopifyDomainOf(client, normalizeShop((await shopifyCredentialFor(ctx)).shop));
	for await (const page of listOrderIds(client, '', 'UPDATED_AT', true)) {
		for await (const order of new OrderDetailsReader(client).orders([page[0].id])) {
			const event = eventFor(order, pollMeta(order, shopDomain, client.apiVersion, new Date()), output);
			if (event instanceof UnusableOrderError) throw event;
			// The sample shows the order's sale as a first sighting would carry it (same keys), remembering nothing.
			if (output === 'posOrder') event.json.stockChanges = saleChanges(event.json as unknown as PosOrder);
			return [[{ json: event.json as IDataObject }]];
		}
		break;
	}
	return null;
}

/** The listed changes not yet known, up to `maxChanges`, and the update times scanned on the way. */
async function listChanges(
	pages: AsyncIterable<ListedOrder[]>,
	known: (listed: ListedOrder) => Promise<boolean>,
	maxChanges: number,
): Promise<{ fresh: ListedOrder[]; scanned: string[] }> {
	const fresh: ListedOrder[] = [];
	const scanned: string[] = [];
	for await (const page of pages) {
		for (const listed of page) {
			if (!(await known(listed))) {
				if (fresh.length >= maxChanges) return { fresh, scanned };
				fresh.push(listed);
			}
			scanned.push(listed.updatedAt);
		}
	}
	return { fresh, scanned };
}

/**
 * The events of the listed changes. Every listed change is accounted for before anything is claimed: an
 * order that cannot be emitted stops the poll with its id, and nothing (memory, position) moves, so no
 * change is lost; one answered null (deleted meanwhile) is logged by id.
 */
async function changeEvents(
	ctx: IPollFunctions,
	details: OrderDetailsReader,
	fresh: ListedOrder[],
	metaOf: (order: GqlOrder) => OrderEventMeta,
	output: OrderEventOutput,
): Promise<Array<{ order: GqlOrder; event: OrderEvent }>> {
	const events: Array<{ order: GqlOrder; event: OrderEvent }> = [];
	const gone: string[] = [];
	for await (const detail of details.read(fresh.map((listed) => listed.id))) {
		if (detail.kind === 'gone') {
			gone.push(detail.id);
			continue;
		}
		if (detail.kind === 'unusable') throw detail.error;
		const event = eventFor(detail.order, metaOf(detail.order), output);
		if (event instanceof UnusableOrderError) throw event;
		events.push({ order: detail.order, event });
	}
	if (gone.length > 0) {
		ctx.logger.warn(`Shopify Order Polling Trigger: Shopify listed ${gone.join(', ')} but answered null for their details (deleted meanwhile); not emitted.`);
	}
	return events;
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
		if (!hasCursor(state)) {
			// First poll after publishing: watch from now on (Shopify Get Orders reads the past).
			state.cursor = now.toISOString();
			state.startedAt = state.cursor;
			return null;
		}

		// n8n starts the next poll on schedule even while this one still waits on Shopify's bucket: both would read
		// the same changes from the same position, doubling the load that made this one slow.
		const pollKey = `${this.getWorkflow().id ?? 'unsaved'}:${this.getNode().id}`;
		if (pollsInProgress.has(pollKey)) {
			this.logger.info('Shopify Order Polling Trigger: the previous poll is still reading; this one is skipped.');
			return null;
		}
		pollsInProgress.add(pollKey);
		try {
			return await pollChanges(this, state, output, options, now);
		} finally {
			pollsInProgress.delete(pollKey);
		}
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}

function hasCursor(state: PollState): state is PollState & { cursor: string } {
	return Boolean(state.cursor);
}

/** Polls of this process still running, by workflow and node. */
const pollsInProgress = new Set<string>();

async function pollChanges(context: IPollFunctions, state: PollState & { cursor: string }, output: OrderEventOutput, options: PollOptions, now: Date): Promise<INodeExecutionData[][] | null> {
	const credential = await shopifyCredentialFor(context);
	const shop = normalizeShop(credential.shop);
	const client = await shopifyClientFor(context);
	const shopDomain = await myshopifyDomainOf(client, shop);
	const memories = orderMemories(context, { workflowId: context.getWorkflow().id ?? 'unsaved', shopDomain: shop.domain, channel: 'live' }, now.getTime());
	const overlapMs = Math.max(0, options.overlapMinutes ?? DEFAULT_POLL_OVERLAP_MINUTES) * 60_000;
	const maxChanges = Math.max(1, options.maxChangesPerPoll ?? DEFAULT_MAX_CHANGES_PER_POLL);
	const search = updatedSinceSearch(pollWindowStart(state.cursor, overlapMs), options.search);
	const stats = newFetchStats();
	const searchWarnings: string[] = [];
	const searchHandling: SearchWarningHandling = { policy: options.searchWarnings ?? 'error', warnings: searchWarnings, advice: SEARCH_ADVICE };

	const startedAt = Date.parse(state.startedAt ?? state.cursor);
	// Known: emitted before (by either trigger), or older than the moment the trigger started watching.
	const known = async (listed: ListedOrder) => {
		if (Date.parse(listed.updatedAt) < startedAt) return true;
		const key = orderChangeKey(listed.id, listed.updatedAt);
		return Boolean(key && (await memories.changes.has(key, now.getTime())));
	};
	const { fresh, scanned } = await listChanges(listOrderIds(client, search, 'UPDATED_AT', false, stats, searchHandling), known, maxChanges);
	for (const warning of searchWarnings) context.logger.warn(`Shopify Order Polling Trigger: ${warning}`);

	const events = await changeEvents(context, new OrderDetailsReader(client, stats), fresh, (order) => pollMeta(order, shopDomain, client.apiVersion, now), output);

	const items: INodeExecutionData[] = [];
	const skipPos = options.skipPosOrders ?? true;
	const listedAt = new Map(fresh.map((listed) => [listed.id, listed.updatedAt]));
	for (const { order, event } of events) {
		// The listing's key too: the details may show a newer update than the listing did.
		const listingKey = orderChangeKey(order.id, listedAt.get(order.id));
		const claimed = event.changeKey ? await memories.changes.claim(event.changeKey, now.getTime()) : true;
		if (listingKey && listingKey !== event.changeKey) await memories.changes.claim(listingKey, now.getTime());
		if (!claimed) continue;
		if (skipPos && event.sourceName === 'pos') continue;
		if (output === 'posOrder') {
			const sales = pollStockChanges(event.json as unknown as PosOrder, Math.max(startedAt, Date.parse(pollWindowStart(state.cursor, overlapMs))));
			event.json.stockChanges = await claimStockChanges(memories.changes, sales, now.getTime());
		}
		items.push({ json: event.json as IDataObject });
	}

	state.cursor = advanceCursor(state.cursor, scanned);
	await memories.keep();
	context.logger.debug('Shopify Order Polling Trigger polled', { listed: scanned.length, emitted: items.length, ...stats });
	return items.length > 0 ? [items] : null;
}
