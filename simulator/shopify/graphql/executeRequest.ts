import {
	execute,
	GraphQLError,
	parse,
	validate,
	type DocumentNode,
	type ExecutionResult,
	type GraphQLFieldResolver,
	type GraphQLSchema,
	type GraphQLTypeResolver,
	type OperationDefinitionNode,
} from 'graphql';
import type { RequestContext, ResolverMap } from './context';

export interface GraphQLRequestBody {
	query?: unknown;
	variables?: unknown;
	operationName?: unknown;
}

/** A document that parsed and validated against the version's schema, ready to cost and run. */
export interface PreparedRequest {
	document: DocumentNode;
	operation: OperationDefinitionNode;
	variables: Record<string, unknown>;
	operationName: string | null;
}

/**
 * A field with no resolver and no stored value is reported by name, never answered with made-up data, so
 * a test that depends on something the simulator lacks fails loudly instead of passing on fiction.
 */
export function notImplemented(typeName: string, fieldName: string): GraphQLError {
	return new GraphQLError(`Field '${typeName}.${fieldName}' is not implemented by the Shopify simulator.`, {
		extensions: { code: 'NOT_IMPLEMENTED', field: `${typeName}.${fieldName}` },
	});
}

/**
 * Clients send the same few documents over and over; validating against the Admin schema costs far more
 * than running a small query, so parse + validate results are kept per schema and document text.
 */
const checkedDocuments = new WeakMap<GraphQLSchema, Map<string, { document: DocumentNode } | { errors: GraphQLError[] }>>();
const MAX_CACHED_DOCUMENTS = 1000;

function checkedDocument(schema: GraphQLSchema, query: string): { document: DocumentNode } | { errors: GraphQLError[] } {
	let cache = checkedDocuments.get(schema);
	if (!cache) {
		cache = new Map();
		checkedDocuments.set(schema, cache);
	}
	const cached = cache.get(query);
	if (cached) return cached;
	let result: { document: DocumentNode } | { errors: GraphQLError[] };
	try {
		const document = parse(query);
		const errors = validate(schema, document);
		result = errors.length > 0 ? { errors: [...errors] } : { document };
	} catch (error) {
		result = { errors: [error as GraphQLError] };
	}
	if (cache.size >= MAX_CACHED_DOCUMENTS) cache.clear();
	cache.set(query, result);
	return result;
}

export function prepareRequest(
	schema: GraphQLSchema,
	body: GraphQLRequestBody,
): { prepared: PreparedRequest } | { errors: GraphQLError[] } {
	if (typeof body.query !== 'string' || body.query.trim() === '')
		return { errors: [new GraphQLError('No query string was present')] };
	const checked = checkedDocument(schema, body.query);
	if ('errors' in checked) return { errors: checked.errors };
	const document = checked.document;
	const operationName = typeof body.operationName === 'string' ? body.operationName : null;
	const operations = document.definitions.filter(
		(definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition',
	);
	const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
	if (!operation) return { errors: [new GraphQLError(`Unknown operation named "${operationName}".`)] };
	if (!operationName && operations.length > 1)
		return { errors: [new GraphQLError('An operation name is required when the document has several operations.')] };
	const variables =
		body.variables && typeof body.variables === 'object' ? (body.variables as Record<string, unknown>) : {};
	return { prepared: { document, operation, variables, operationName: operation.name?.value ?? null } };
}

export function resolverFor(resolvers: ResolverMap): GraphQLFieldResolver<unknown, RequestContext> {
	return (source, args, context, info) => {
		const resolver = resolvers[info.parentType.name]?.[info.fieldName];
		if (resolver) return resolver(source, args, context, info);
		if (source !== null && typeof source === 'object') {
			if (info.fieldName === 'legacyResourceId' && 'legacyResourceId' in source)
				return String((source as { legacyResourceId: number }).legacyResourceId);
			if (Object.prototype.hasOwnProperty.call(source, info.fieldName))
				return (source as Record<string, unknown>)[info.fieldName];
		}
		throw notImplemented(info.parentType.name, info.fieldName);
	};
}

const typeResolver: GraphQLTypeResolver<unknown, RequestContext> = (value, _context, info) => {
	const typeName = (value as { __typename?: unknown } | null)?.__typename;
	if (typeof typeName === 'string') return typeName;
	throw new GraphQLError(`The simulator cannot tell which ${info.parentType.name} type this value is.`);
};

export async function runPrepared(
	schema: GraphQLSchema,
	prepared: PreparedRequest,
	context: RequestContext,
	fieldResolver: GraphQLFieldResolver<unknown, RequestContext>,
): Promise<ExecutionResult> {
	return execute({
		schema,
		document: prepared.document,
		operationName: prepared.operationName ?? undefined,
		variableValues: prepared.variables,
		contextValue: context,
		rootValue: {},
		fieldResolver,
		typeResolver,
	});
}
