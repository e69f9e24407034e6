import { GraphQLError } from 'graphql';
import { accessDenied, hasScope } from '../auth/accessScopes';
import { paginate, sortedArraySource } from '../graphql/connection';
import type { RequestContext, ResolverMap } from '../graphql/context';
import { compareText, compileSearch, parseSearch, type FieldMatcher } from '../graphql/searchSyntax';
import { SIMULATED_API_VERSIONS } from '../schemas';
import { enumFromTopic, scopeForTopic, topicFromEnum, type DeliveredTopic } from './topics';
import type { SubscriptionRecord, WebhookService } from './webhookService';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Shopify takes https endpoints; the simulator also takes plain http on loopback so local tests can listen. */
function uriProblem(uri: string | undefined): string | null {
	if (!uri) return 'Address can\'t be blank';
	let url: URL;
	try {
		url = new URL(uri);
	} catch {
		return 'Address is invalid';
	}
	if (url.protocol === 'https:') return null;
	if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return null;
	if (url.protocol === 'http:') return 'Address protocol http:// is not supported';
	return 'Address is invalid';
}

const service = (context: RequestContext): WebhookService => context.services.webhooks as WebhookService;

const SUBSCRIPTION_FIELDS: Record<string, FieldMatcher<SubscriptionRecord>> = {
	topic: (s, comparator, value) => compareText(enumFromTopic(s.topic), comparator, value) || compareText(s.topic, comparator, value),
	uri: (s, comparator, value) => compareText(s.uri, comparator, value),
	format: (s, comparator, value) => compareText(s.format, comparator, value),
};

function requireTopic(value: string): DeliveredTopic {
	const topic = topicFromEnum(value);
	if (!topic)
		throw new GraphQLError(`The Shopify simulator does not deliver the ${value} topic.`, { extensions: { code: 'NOT_IMPLEMENTED' } });
	return topic;
}

export const webhookResolvers: ResolverMap = {
	QueryRoot: {
		webhookSubscription: (_root, args, context) => service(context).subscriptions.get(args.id) ?? null,
		webhookSubscriptions: (_root, args, context) => {
			const topics = args.topics as string[] | undefined;
			const uri = (args.uri ?? args.callbackUrl) as string | undefined;
			const search = args.query ? compileSearch(parseSearch(args.query), SUBSCRIPTION_FIELDS, () => true, []) : () => true;
			const all = [...service(context).subscriptions.values()].filter(
				(s) =>
					(!topics || topics.includes(enumFromTopic(s.topic))) &&
					(!uri || s.uri === uri) &&
					(!args.format || s.format === args.format) &&
					search(s),
			);
			return paginate(sortedArraySource(all, (s) => String(s.legacyResourceId).padStart(20, '0')), args);
		},
		webhookSubscriptionsCount: (_root, _args, context) => ({ count: service(context).subscriptions.size, precision: 'EXACT' }),
	},
	Mutation: {
		webhookSubscriptionCreate: (_root, args, context) => {
			const topic = requireTopic(args.topic);
			const scope = scopeForTopic(topic);
			if (!hasScope((context.services.grantedScopes as string[]) ?? [], scope)) throw accessDenied('webhookSubscriptionCreate', scope);
			const input = args.webhookSubscription as Record<string, any>;
			const uri = input.uri ?? input.callbackUrl;
			const problem = uriProblem(uri);
			if (problem) return { webhookSubscription: null, userErrors: [{ field: ['webhookSubscription', 'uri'], message: problem }] };
			const taken = [...service(context).subscriptions.values()].some((s) => s.topic === topic && s.uri === uri && (s.filter ?? null) === (input.filter ?? null));
			if (taken)
				return { webhookSubscription: null, userErrors: [{ field: ['webhookSubscription', 'uri'], message: 'Address for this topic has already been taken' }] };
			return { webhookSubscription: service(context).create(topic, { ...input, uri }, context.apiVersion), userErrors: [] };
		},
		webhookSubscriptionUpdate: (_root, args, context) => {
			const subscription = service(context).subscriptions.get(args.id);
			if (!subscription) return { webhookSubscription: null, userErrors: [{ field: ['id'], message: 'Webhook subscription does not exist' }] };
			const input = args.webhookSubscription as Record<string, any>;
			const uri = input.uri ?? input.callbackUrl;
			if (uri !== undefined) {
				const problem = uriProblem(uri);
				if (problem) return { webhookSubscription: null, userErrors: [{ field: ['webhookSubscription', 'uri'], message: problem }] };
				subscription.uri = uri;
			}
			if (input.filter !== undefined) subscription.filter = input.filter;
			if (input.includeFields !== undefined) subscription.includeFields = input.includeFields ?? [];
			if (input.format !== undefined) subscription.format = input.format;
			if (input.name !== undefined) subscription.name = input.name;
			subscription.updatedAt = context.store.nowIso();
			return { webhookSubscription: subscription, userErrors: [] };
		},
		webhookSubscriptionDelete: (_root, args, context) => {
			const removed = service(context).subscriptions.delete(args.id);
			if (!removed) return { deletedWebhookSubscriptionId: null, userErrors: [{ field: ['id'], message: 'Webhook subscription does not exist' }] };
			return { deletedWebhookSubscriptionId: args.id, userErrors: [] };
		},
	},
	WebhookSubscription: {
		topic: (s: SubscriptionRecord) => enumFromTopic(s.topic),
		callbackUrl: (s: SubscriptionRecord) => s.uri,
		endpoint: (s: SubscriptionRecord) => ({ __typename: 'WebhookHttpEndpoint', callbackUrl: s.uri }),
		metafields: () => [],
		apiVersion: (s: SubscriptionRecord) => ({
			handle: s.apiVersion,
			displayName: s.apiVersion,
			supported: SIMULATED_API_VERSIONS.includes(s.apiVersion),
		}),
	},
};
