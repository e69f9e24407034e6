import { MAX_QUERY_COST } from '../throttle';

/**
 * How many nodes one read asks for, so the requested cost stays within Shopify's 1,000-point ceiling (or the
 * bucket, when smaller). It starts from Shopify's published cost rules (object 1, connection 2 + first × node)
 * with each quantity counted as an object, and then learns from `extensions.cost.requestedQueryCost`: if
 * Shopify costs a node higher than the model, the next pages shrink; lower, they grow, up to 250.
 */
export const MAX_NODES_PER_QUERY = 250;

export interface LevelCostModel {
	/** Points a query costs whatever its size (the root connection's 2, a parent object). */
	fixed: number;
	/** Points per node of the sized list, by the model. */
	perNode: number;
}

/** A level's cost: the level, its quantities (one object per name) and, for a list of levels, its location. */
export function levelCost(names: number, withLocation: boolean): number {
	return 1 + names + (withLocation ? 1 : 0);
}

/** The levels part of an item: the level at one location, or the list of levels (`first: levelsFirst`). */
export function itemLevelsCost(names: number, levelsFirst: number | 'one'): number {
	return levelsFirst === 'one' ? levelCost(names, false) : 2 + levelsFirst * levelCost(names, true);
}

/** A variant and its item with its levels. */
export function variantWithLevelsCost(names: number, levelsFirst: number | 'one'): number {
	return 1 + 1 + itemLevelsCost(names, levelsFirst);
}

/** An entry of `nodes(ids:)`: the variant or item, the other one (an item's first variant costs 2 + 1), its levels. */
export function itemWithLevelsCost(names: number, levelsFirst: number | 'one'): number {
	return 1 + 3 + itemLevelsCost(names, levelsFirst);
}

/** A level of a location's list: the level and quantities, its item and the item's first variant. */
export function locationLevelCost(names: number): number {
	return levelCost(names, false) + 1 + 3;
}

export class PageSizer {
	private perNode: number;

	constructor(
		private readonly model: LevelCostModel,
		private readonly budget: number = MAX_QUERY_COST,
		private readonly cap: number = MAX_NODES_PER_QUERY,
	) {
		this.perNode = model.perNode;
		if (model.fixed + model.perNode > budget) {
			throw new Error(
				`One item of this read costs ${model.fixed + model.perNode} points, above the ${budget} Shopify allows in one query. Ask for fewer quantity names or fewer locations at once.`,
			);
		}
	}

	/** Nodes to ask for in the next query. */
	size(): number {
		return Math.max(1, Math.min(this.cap, Math.floor((this.budget - this.model.fixed) / this.perNode)));
	}

	/** The requested cost of a query (sized `first`), as the client should reserve it. */
	estimate(first: number): number {
		return this.model.fixed + Math.ceil(first * this.perNode);
	}

	/** What Shopify charged for a query of `first` nodes: the per-node cost to size the next one with. */
	observe(requestedQueryCost: number | null | undefined, first: number): void {
		if (typeof requestedQueryCost !== 'number' || first <= 0) return;
		const perNode = (requestedQueryCost - this.model.fixed) / first;
		if (perNode > 0) this.perNode = Math.max(perNode, 0.5);
	}
}
