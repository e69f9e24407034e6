import {
	Kind,
	parse,
	validate,
	visit,
	type ArgumentNode,
	type DocumentNode,
	type ExecutionResult,
	type FieldNode,
	type GraphQLCompositeType,
	type GraphQLSchema,
	type OperationDefinitionNode,
	getNamedType,
	TypeInfo,
	visitWithTypeInfo,
} from 'graphql';
import type { RequestContext, ResolverMap } from '../graphql/context';
import { operationFragments } from '../graphql/queryCost';
import { adminSchema } from '../schemas';
import type { ShopStore } from '../store/shopStore';
import { gid } from '../store/shopStore';
import { flattenNode, isConnectionTypeName } from './bulkJsonl';

export interface BulkOperationRecord {
	__typename: 'BulkOperation';
	id: string;
	legacyResourceId: number;
	status: 'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELED';
	errorCode: 'ACCESS_DENIED' | 'INTERNAL_SERVER_ERROR' | 'TIMEOUT' | null;
	query: string;
	type: 'QUERY';
	createdAt: string;
	completedAt: string | null;
	objectCount: number;
	rootObjectCount: number;
	fileSize: number | null;
	url: string | null;
	partialDataUrl: string | null;
	/** the JSONL text, served at `url` */
	jsonl: string;
}

export type DocumentRunner = (
	apiVersion: string,
	document: DocumentNode,
	scopes: readonly string[],
) => Promise<ExecutionResult>;

const PAGE = 250;

const intArgument = (name: string, value: number): ArgumentNode => ({
	kind: Kind.ARGUMENT,
	name: { kind: Kind.NAME, value: name },
	value: { kind: Kind.INT, value: String(value) },
});

/**
 * Rewrites a bulk query into one page of an ordinary query: the root connection reads 250 nodes after
 * `cursor` and reports its pageInfo under a private alias. Nested connections are left unsized: the bulk
 * run reads them to the end, as Shopify does (a 300-line order has 300 line-item lines).
 */
function pageDocument(schema: GraphQLSchema, document: DocumentNode, rootField: FieldNode, cursor: string | null): DocumentNode {
	const typeInfo = new TypeInfo(schema);
	return visit(
		document,
		visitWithTypeInfo(typeInfo, {
			Field: {
				enter(node) {
					const type = typeInfo.getType();
					if (!type || !isConnectionTypeName(schema, getNamedType(type).name)) return undefined;
					const kept = (node.arguments ?? []).filter((a) => !['first', 'last', 'after', 'before'].includes(a.name.value));
					if (node === rootField) {
						const args = [...kept, intArgument('first', PAGE)];
						if (cursor) args.push({ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'after' }, value: { kind: Kind.STRING, value: cursor } });
						const pageInfo = parse('{ __bulkPage: pageInfo { hasNextPage endCursor } }').definitions[0] as OperationDefinitionNode;
						return {
							...node,
							arguments: args,
							selectionSet: { ...node.selectionSet!, selections: [...node.selectionSet!.selections, ...pageInfo.selectionSet.selections] },
						};
					}
					return undefined;
				},
			},
		}),
	);
}

/** bulkOperationRunQuery: runs the query over every matching record and serves Shopify's JSONL. */
export class BulkOperations {
	readonly operations = new Map<string, BulkOperationRecord>();
	/** extra time a bulk query stays RUNNING, so pollers see it in progress */
	runningDelayMs = 0;
	/** When set, a bulk query stays RUNNING until this settles: a test decides when it ends, not the clock. */
	completionGate: Promise<void> | undefined;

	constructor(
		private readonly store: ShopStore,
		private readonly run: DocumentRunner,
		private readonly origin: () => string,
	) {}

	reset(): void {
		this.operations.clear();
	}

	private current(): BulkOperationRecord | undefined {
		return [...this.operations.values()].find((op) => op.status === 'CREATED' || op.status === 'RUNNING');
	}

	start(query: string, apiVersion: string, scopes: readonly string[]): { bulkOperation: BulkOperationRecord | null; userErrors: unknown[] } {
		const running = this.current();
		if (running)
			return {
				bulkOperation: null,
				userErrors: [{ field: ['query'], message: `A bulk query operation for this app and shop is already in progress: ${running.id}.`, code: 'OPERATION_IN_PROGRESS' }],
			};
		const schema = adminSchema(apiVersion);
		let document: DocumentNode;
		try {
			document = parse(query);
		} catch (error) {
			return { bulkOperation: null, userErrors: [{ field: ['query'], message: `Invalid bulk query: ${(error as Error).message}`, code: 'INVALID' }] };
		}
		const problems = validate(schema, document);
		const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
		const rootFields = operation?.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD) ?? [];
		const rootField = rootFields[0];
		const rootType = rootField ? schema.getQueryType()?.getFields()[rootField.name.value]?.type : undefined;
		if (problems.length > 0 || !operation || operation.operation !== 'query')
			return { bulkOperation: null, userErrors: [{ field: ['query'], message: `Invalid bulk query: ${problems.map((p) => p.message).join(' ') || 'expected a query'}`, code: 'INVALID' }] };
		if (rootFields.length !== 1 || !rootType || !isConnectionTypeName(schema, getNamedType(rootType).name))
			return { bulkOperation: null, userErrors: [{ field: ['query'], message: 'Bulk queries must contain exactly one top-level connection field.', code: 'INVALID' }] };

		const legacyId = this.store.nextId('BulkOperation');
		const record: BulkOperationRecord = {
			__typename: 'BulkOperation',
			id: gid('BulkOperation', legacyId),
			legacyResourceId: legacyId,
			status: 'CREATED',
			errorCode: null,
			query,
			type: 'QUERY',
			createdAt: this.store.nowIso(),
			completedAt: null,
			objectCount: 0,
			rootObjectCount: 0,
			fileSize: null,
			url: null,
			partialDataUrl: null,
			jsonl: '',
		};
		this.operations.set(record.id, record);
		setImmediate(() => void this.execute(record, schema, document, rootField, apiVersion, scopes));
		return { bulkOperation: record, userErrors: [] };
	}

	private async execute(
		record: BulkOperationRecord,
		schema: GraphQLSchema,
		document: DocumentNode,
		rootField: FieldNode,
		apiVersion: string,
		scopes: readonly string[],
	): Promise<void> {
		record.status = 'RUNNING';
		const fragments = operationFragments(document);
		const rootKey = rootField.alias?.value ?? rootField.name.value;
		const connectionType = getNamedType(schema.getQueryType()!.getFields()[rootField.name.value].type) as unknown as {
			getFields(): Record<string, { type: Parameters<typeof getNamedType>[0] }>;
		};
		const nodeType = getNamedType(connectionType.getFields().nodes.type) as GraphQLCompositeType;
		const lines: string[] = [];
		let cursor: string | null = null;
		try {
			for (;;) {
				const result = await this.run(apiVersion, pageDocument(schema, document, rootField, cursor), scopes);
				if (result.errors?.length) {
					record.status = 'FAILED';
					record.errorCode = result.errors.some((e) => e.extensions?.code === 'ACCESS_DENIED') ? 'ACCESS_DENIED' : 'INTERNAL_SERVER_ERROR';
					break;
				}
				const connection = (result.data as Record<string, Record<string, unknown>>)[rootKey];
				const page = connection.__bulkPage as { hasNextPage: boolean; endCursor: string | null };
				const nodes: Array<Record<string, unknown>> = [];
				for (const selection of rootField.selectionSet!.selections) {
					if (selection.kind !== Kind.FIELD) continue;
					const key = selection.alias?.value ?? selection.name.value;
					if (selection.name.value === 'nodes') nodes.push(...(connection[key] as Array<Record<string, unknown>>));
					if (selection.name.value === 'edges') nodes.push(...(connection[key] as Array<{ node: Record<string, unknown> }>).map((edge) => edge.node));
				}
				const nodeSelection = rootField.selectionSet!.selections
					.filter((s): s is FieldNode => s.kind === Kind.FIELD)
					.map((s) => (s.name.value === 'nodes' ? s.selectionSet : s.name.value === 'edges' ? s.selectionSet?.selections.find((e): e is FieldNode => e.kind === Kind.FIELD && e.name.value === 'node')?.selectionSet : undefined))
					.find((set) => set !== undefined)!;
				for (const node of nodes) flattenNode(schema, fragments, node, nodeSelection, nodeType, null, lines);
				record.rootObjectCount += nodes.length;
				if (!page.hasNextPage) break;
				cursor = page.endCursor;
				// let the server answer polls between pages
				await new Promise((resolve) => setImmediate(resolve));
			}
		} catch (error) {
			record.status = 'FAILED';
			record.errorCode = 'INTERNAL_SERVER_ERROR';
			void error;
		}
		if (this.runningDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.runningDelayMs));
		if (this.completionGate) await this.completionGate;
		if (!this.operations.has(record.id)) return;
		record.completedAt = this.store.nowIso();
		if (record.status === 'FAILED') return;
		record.status = 'COMPLETED';
		record.objectCount = lines.length;
		record.jsonl = lines.length > 0 ? `${lines.join('\n')}\n` : '';
		record.fileSize = lines.length > 0 ? Buffer.byteLength(record.jsonl) : null;
		// Shopify gives no file at all when the query matched nothing
		record.url = lines.length > 0 ? `${this.origin()}/_sim/bulk/${record.legacyResourceId}.jsonl` : null;
	}
}

const bulk = (context: RequestContext): BulkOperations => context.services.bulk as BulkOperations;

export const bulkResolvers: ResolverMap = {
	Mutation: {
		bulkOperationRunQuery: (_root, args, context) => bulk(context).start(args.query, context.apiVersion, (context.services.grantedScopes as string[]) ?? []),
	},
	QueryRoot: {
		bulkOperation: (_root, args, context) => bulk(context).operations.get(args.id) ?? null,
		currentBulkOperation: (_root, args, context) => {
			if (args.type === 'MUTATION') return null;
			const all = [...bulk(context).operations.values()];
			return all[all.length - 1] ?? null;
		},
	},
	BulkOperation: {
		objectCount: (op: BulkOperationRecord) => String(op.objectCount),
		rootObjectCount: (op: BulkOperationRecord) => String(op.rootObjectCount),
		fileSize: (op: BulkOperationRecord) => (op.fileSize === null ? null : String(op.fileSize)),
	},
};
