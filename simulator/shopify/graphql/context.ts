import type { GraphQLResolveInfo } from 'graphql';
import type { ShopStore } from '../store/shopStore';
import type { SearchReport } from './searchSyntax';

/** Per-request state the resolvers see. */
export interface RequestContext {
	store: ShopStore;
	apiVersion: string;
	/** Shopify reports ignored search fields under `extensions.search` */
	searchWarnings: SearchReport[];
	/** set while a mutation runs, for `@idempotent(key:)` */
	idempotencyKey: string | null;
	/** mutation handlers registered by feature modules (inventory, webhooks, bulk) */
	services: RequestServices;
}

/** Services outside the plain store that some resolvers call into. */
export interface RequestServices {
	[name: string]: unknown;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FieldArgs = Record<string, any>;
export type FieldResolver<Source> = (
	source: Source,
	args: FieldArgs,
	context: RequestContext,
	info: GraphQLResolveInfo,
) => unknown;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TypeResolvers = Record<string, FieldResolver<any>>;
export type ResolverMap = Record<string, TypeResolvers>;
