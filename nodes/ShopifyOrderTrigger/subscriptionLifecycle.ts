import { NodeOperationError, type IHookFunctions } from 'n8n-workflow';
import { normalizeShop } from '../../lib/shopify/shopUrl';
import { applySubscriptionPlan, deleteSubscription, listSubscriptions, readShopDomain } from '../../lib/shopify/webhooks/subscriptions';
import { isPlanSatisfied, planSubscriptions, type DesiredSubscriptions } from '../../lib/shopify/webhooks/subscriptionPlan';
import type { OrderWebhookTopic } from '../../lib/shopify/webhooks/topics';
import { webhookAddressProblem } from '../../lib/shopify/webhooks/webhookAddress';
import { shopifyClientFor, shopifyCredentialFor, webhookSecretOf } from '../shared/shopifyClient';
import { toNodeError } from '../shared/nodeError';

/**
 * Payload fields the trigger itself reads: the ids that name each event (an order's GID, a deletion's and a
 * refund's id, the order edit), the order a refund belongs to, each event's own time (an order's updated_at, a
 * refund's created_at) and the loop-guard source. A topic's payload without one of them simply lacks it.
 */
const REQUIRED_FIELDS = ['id', 'admin_graphql_api_id', 'updated_at', 'created_at', 'source_name', 'order_id', 'order_edit'];

export interface NodeWebhookData {
	subscriptionIds?: string[];
	/** The store's myshopify.com name, read from Shopify when subscribing; deliveries must come from it. */
	shopDomain?: string;
}

function desiredSubscriptions(ctx: IHookFunctions): DesiredSubscriptions {
	const uri = ctx.getNodeWebhookUrl('default');
	if (!uri) throw new NodeOperationError(ctx.getNode(), 'n8n did not provide a webhook URL for this trigger.');
	const topics = ctx.getNodeParameter('topics', []) as OrderWebhookTopic[];
	if (topics.length === 0) throw new NodeOperationError(ctx.getNode(), 'Choose at least one event under "Events".');
	const options = ctx.getNodeParameter('options', {}) as { filter?: string; includeFields?: string };
	const fields = (options.includeFields ?? '')
		.split(',')
		.map((field) => field.trim())
		.filter(Boolean);
	return {
		uri,
		topics,
		filter: options.filter?.trim() || undefined,
		includeFields: fields.length > 0 ? [...new Set([...fields, ...REQUIRED_FIELDS])] : [],
	};
}

const NO_WEBHOOK_SECRET =
	'The Shopify credential has no Webhook Secret, so no delivery from Shopify could be verified. ' +
	'Fill "Webhook Secret" with the app\'s API secret key (Shopify admin: your custom app → API credentials → API secret key).';
const NO_WEBHOOK_SECRET_ADVICE =
	'Custom app made in the Shopify admin: Settings → Apps and sales channels → Develop apps → the app → API credentials → API secret key. ' +
	'Dev Dashboard app: its Settings → Client secret (or fill Client Secret with client credentials sign-in).';

/**
 * Before any call to Shopify: deliveries can be verified (without a key every one would be answered 401 and
 * Shopify would delete the subscription after 4 hours, with nothing to see in n8n), and a real store can
 * reach the address (only a public HTTPS one).
 */
async function assertDeliverable(ctx: IHookFunctions, uri: string): Promise<void> {
	const credential = await shopifyCredentialFor(ctx);
	if (!webhookSecretOf(credential)) {
		throw new NodeOperationError(ctx.getNode(), NO_WEBHOOK_SECRET, { description: NO_WEBHOOK_SECRET_ADVICE });
	}
	const problem = webhookAddressProblem(uri, normalizeShop(credential.shop).isLocal);
	if (problem) throw new NodeOperationError(ctx.getNode(), problem);
}

/**
 * n8n's webhook lifecycle: `checkExists` on every activation (a restart never creates duplicates, and a
 * subscription Shopify dropped after failed deliveries is noticed), `create` when anything is missing or
 * different, `delete` when the workflow is unpublished or a test run ends.
 */
export const subscriptionLifecycle = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		const desired = desiredSubscriptions(this);
		await assertDeliverable(this, desired.uri);
		const client = await shopifyClientFor(this);
		let existing;
		try {
			existing = await listSubscriptions(client, desired.uri);
		} catch (error) {
			throw toNodeError(this.getNode(), error);
		}
		const plan = planSubscriptions(desired, existing);
		if (!isPlanSatisfied(plan)) return false;
		const webhookData = this.getWorkflowStaticData('node') as NodeWebhookData;
		webhookData.subscriptionIds = plan.keep.map((subscription) => subscription.id);
		webhookData.shopDomain = await readShopDomain(client);
		return true;
	},

	async create(this: IHookFunctions): Promise<boolean> {
		const desired = desiredSubscriptions(this);
		await assertDeliverable(this, desired.uri);
		const client = await shopifyClientFor(this);
		try {
			const plan = planSubscriptions(desired, await listSubscriptions(client, desired.uri));
			const active = await applySubscriptionPlan(client, plan, desired);
			const webhookData = this.getWorkflowStaticData('node') as NodeWebhookData;
			webhookData.subscriptionIds = active.map((subscription) => subscription.id);
			webhookData.shopDomain = await readShopDomain(client);
		} catch (error) {
			throw toNodeError(this.getNode(), error);
		}
		return true;
	},

	async delete(this: IHookFunctions): Promise<boolean> {
		const webhookData = this.getWorkflowStaticData('node') as NodeWebhookData;
		const client = await shopifyClientFor(this);
		const uri = this.getNodeWebhookUrl('default');
		// Remove everything at this trigger's URL, not only the ids remembered: ids may be lost with static data.
		const ids = new Set(webhookData.subscriptionIds ?? []);
		if (uri) for (const subscription of await listSubscriptions(client, uri)) ids.add(subscription.id);
		for (const id of ids) await deleteSubscription(client, id);
		delete webhookData.subscriptionIds;
		delete webhookData.shopDomain;
		return true;
	},
};
