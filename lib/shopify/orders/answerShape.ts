import type { GqlOrder } from './orderSelection';
import { PackageError } from '../../packageError';

/**
 * Shopify's schema allows answers the package cannot use as they are: `nodes(ids:)` is `[Node]` (any type,
 * or null, per id), a mutation payload may be null. Every answer is checked for the shape the package
 * relies on before use, so the shop owner reads what Shopify answered instead of a TypeError.
 */

/** A whole answer that does not fit what was asked: nothing in it is used. */
export class UnexpectedAnswerError extends PackageError {
	readonly code = 'UNEXPECTED_ANSWER';
	readonly remote = true;

	constructor(
		message: string,
		readonly advice: string,
		/** The ids the answer should have covered, when it was about ids. */
		readonly ids: readonly string[] = [],
	) {
		super(message);
		this.name = 'UnexpectedAnswerError';
	}
}

/** One order the package cannot deliver (its details are not an Order, a list is missing, an amount overflows). */
export class UnusableOrderError extends PackageError {
	readonly code = 'UNUSABLE_ORDER';
	readonly remote = true;

	constructor(
		readonly orderId: string,
		message: string,
		readonly advice: string,
	) {
		super(message);
		this.name = 'UnusableOrderError';
	}
}

const CONNECTIONS = ['lineItems', 'discountApplications', 'shippingLines', 'fulfillmentOrders'] as const;

const RETRY_ADVICE = 'Run the node again; if the same order fails again, check it in Shopify admin or read it with Output "Raw".';

/** Short text for what Shopify sent where an object was expected. */
export function describeAnswer(value: unknown): string {
	if (value === null) return 'null';
	if (value === undefined) return 'nothing';
	if (Array.isArray(value)) return `a list of ${value.length}`;
	if (typeof value !== 'object') return JSON.stringify(value);
	const typename = (value as { __typename?: unknown }).__typename;
	return typeof typename === 'string' ? `a ${typename}` : 'an object without the expected fields';
}

/**
 * Checks one `nodes(ids:)` entry that is not null: an Order, with the id asked for and every list the
 * package reads. Returns the problem, or undefined when the order is usable.
 */
export function orderShapeProblem(entry: unknown, id: string): UnusableOrderError | undefined {
	const order = entry as Partial<GqlOrder> & { __typename?: string };
	if (order?.__typename !== 'Order') {
		return new UnusableOrderError(
			id,
			`Shopify answered ${describeAnswer(entry)} for the order id ${id}, not an Order.`,
			'Check that the id is an order of this store; ' + RETRY_ADVICE,
		);
	}
	const missing = CONNECTIONS.filter((field) => !Array.isArray((order[field] as { nodes?: unknown } | undefined)?.nodes));
	const badScalars = (['createdAt', 'updatedAt'] as const).filter((field) => typeof order[field] !== 'string');
	if (missing.length > 0 || badScalars.length > 0) {
		return new UnusableOrderError(
			id,
			`Shopify's answer for order ${id} lacks ${[...missing, ...badScalars].join(', ')}, which every order has.`,
			RETRY_ADVICE,
		);
	}
	return undefined;
}

/** Ids in a message: all of them up to ten, then how many more. */
export function listIds(ids: readonly string[]): string {
	const shown = ids.slice(0, 10).join(', ');
	return ids.length > 10 ? `${shown} and ${ids.length - 10} more` : shown;
}
