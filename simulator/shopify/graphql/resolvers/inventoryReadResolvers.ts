import { GraphQLError } from 'graphql';
import type { ResolverMap } from '../context';
import { count } from './views';

/** Counts a full inventory read uses to choose between paging and a bulk operation. */
export const inventoryReadResolvers: ResolverMap = {
	QueryRoot: {
		// Shopify caps counts at 10,000 unless `limit: null` is passed explicitly
		productVariantsCount: (_root, args, context) => {
			if (args.query)
				throw new GraphQLError('The simulator does not implement a query on productVariantsCount.', { extensions: { code: 'NOT_IMPLEMENTED' } });
			const limit = 'limit' in args ? args.limit : 10000;
			return count(context.store.variants.size, limit);
		},
	},
};
