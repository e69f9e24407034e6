import { isPlanSatisfied, planSubscriptions, type ExistingSubscription } from '../../../../../lib/shopify/webhooks/subscriptionPlan';
import { ORDER_WEBHOOK_TOPICS, topicFromGraphqlEnum, topicToGraphqlEnum } from '../../../../../lib/shopify/webhooks/topics';

const uri = 'https://n8n.example.com/webhook/abc/shopify-orders';
const sub = (id: string, topic: ExistingSubscription['topic'], extra: Partial<ExistingSubscription> = {}): ExistingSubscription => ({
	id,
	topic,
	uri,
	filter: null,
	includeFields: [],
	...extra,
});

describe('planSubscriptions', () => {
	it('creates every wanted topic when nothing exists', () => {
		const plan = planSubscriptions({ uri, topics: ['orders/create', 'orders/paid'] }, []);
		expect(plan).toEqual({ keep: [], create: ['orders/create', 'orders/paid'], remove: [] });
		expect(isPlanSatisfied(plan)).toBe(false);
	});

	it('is satisfied when every topic exists once with the same filter and fields (order and blanks ignored)', () => {
		const desired = { uri, topics: ['orders/create'] as const, filter: ' financial_status:paid ', includeFields: ['id', 'updated_at'] };
		const plan = planSubscriptions(desired, [sub('1', 'orders/create', { filter: 'financial_status:paid', includeFields: ['updated_at', 'id'] })]);
		expect(isPlanSatisfied(plan)).toBe(true);
		expect(plan.keep.map((s) => s.id)).toEqual(['1']);
	});

	it('re-creates a topic Shopify removed and keeps the others', () => {
		const plan = planSubscriptions({ uri, topics: ['orders/create', 'orders/updated'] }, [sub('1', 'orders/create')]);
		expect(plan.create).toEqual(['orders/updated']);
		expect(plan.remove).toEqual([]);
	});

	it('removes duplicates, changed filters and topics no longer wanted, leaving other URLs alone', () => {
		const existing = [
			sub('1', 'orders/create'),
			sub('2', 'orders/create'),
			sub('3', 'orders/paid', { filter: 'old' }),
			sub('4', 'orders/delete'),
			sub('5', 'orders/delete', { uri: 'https://elsewhere.example.com/hook' }),
		];
		const plan = planSubscriptions({ uri, topics: ['orders/create', 'orders/paid'] }, existing);
		expect(plan.keep.map((s) => s.id)).toEqual(['1']);
		expect(plan.create).toEqual(['orders/paid']);
		expect(plan.remove.map((s) => s.id).sort()).toEqual(['2', '3', '4']);
	});
});

describe('topics', () => {
	it('round-trips every topic through the GraphQL enum spelling', () => {
		for (const topic of ORDER_WEBHOOK_TOPICS) expect(topicFromGraphqlEnum(topicToGraphqlEnum(topic))).toBe(topic);
		expect(topicToGraphqlEnum('orders/partially_fulfilled')).toBe('ORDERS_PARTIALLY_FULFILLED');
		expect(topicFromGraphqlEnum('PRODUCTS_CREATE')).toBeUndefined();
	});
});
