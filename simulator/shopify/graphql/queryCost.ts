import {
	getNamedType,
	getNullableType,
	isCompositeType,
	isLeafType,
	isListType,
	isObjectType,
	Kind,
	type FieldNode,
	type FragmentDefinitionNode,
	type GraphQLCompositeType,
	type GraphQLField,
	type GraphQLSchema,
	type OperationDefinitionNode,
	type SelectionSetNode,
	type ValueNode,
} from 'graphql';

/**
 * Shopify's cost model: scalar and enum 0, object 1, connection 2 + (first|last) × the cost of one node,
 * mutation field 10. The requested cost is computed from the document before running it; the actual cost
 * from what was returned (a connection that returned 3 nodes costs 2 + 3 × node cost).
 */
export const MUTATION_FIELD_COST = 10;
export const CONNECTION_BASE_COST = 2;
export const OBJECT_COST = 1;

interface CostInput {
	schema: GraphQLSchema;
	operation: OperationDefinitionNode;
	fragments: Map<string, FragmentDefinitionNode>;
	variables: Record<string, unknown>;
}

function argumentNumber(node: FieldNode, name: string, variables: Record<string, unknown>): number | null {
	const argument = node.arguments?.find((a) => a.name.value === name);
	if (!argument) return null;
	return valueOf(argument.value, variables);
}

function valueOf(value: ValueNode, variables: Record<string, unknown>): number | null {
	if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
	if (value.kind === Kind.VARIABLE) {
		const v = variables[value.name.value];
		if (typeof v === 'number') return v;
		if (Array.isArray(v)) return v.length;
		return null;
	}
	if (value.kind === Kind.LIST) return value.values.length;
	return null;
}

function isConnectionType(type: GraphQLCompositeType): boolean {
	return isObjectType(type) && type.name.endsWith('Connection') && 'pageInfo' in type.getFields();
}

export function operationFragments(document: { definitions: readonly { kind: string }[] }): Map<string, FragmentDefinitionNode> {
	const fragments = new Map<string, FragmentDefinitionNode>();
	for (const definition of document.definitions)
		if (definition.kind === Kind.FRAGMENT_DEFINITION) {
			const fragment = definition as FragmentDefinitionNode;
			fragments.set(fragment.name.value, fragment);
		}
	return fragments;
}

/** data === undefined: requested cost; otherwise actual cost measured on the returned data. */
function selectionCost(input: CostInput, selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, data: unknown, measuring: boolean): number {
	let unconditional = 0;
	const conditional = new Map<string, number>();
	const visit = (set: SelectionSetNode, typeCondition: string | null): void => {
		for (const selection of set.selections) {
			if (selection.kind === Kind.FIELD) {
				const owner = typeCondition ? ((input.schema.getType(typeCondition) as GraphQLCompositeType | undefined) ?? parentType) : parentType;
				const cost = fieldCost(input, selection, owner, data, measuring);
				if (typeCondition === null || typeCondition === parentType.name) unconditional += cost;
				else conditional.set(typeCondition, (conditional.get(typeCondition) ?? 0) + cost);
			} else if (selection.kind === Kind.INLINE_FRAGMENT) {
				visit(selection.selectionSet, selection.typeCondition?.name.value ?? typeCondition);
			} else {
				const fragment = input.fragments.get(selection.name.value);
				if (fragment) visit(fragment.selectionSet, fragment.typeCondition.name.value);
			}
		}
	};
	visit(selectionSet, null);
	// fragments on alternative concrete types: only one can apply to a given object, so take the largest
	let largest = 0;
	for (const cost of conditional.values()) largest = Math.max(largest, cost);
	return unconditional + largest;
}

function fieldCost(input: CostInput, node: FieldNode, parentType: GraphQLCompositeType, parentData: unknown, measuring: boolean): number {
	const name = node.name.value;
	if (name.startsWith('__')) return 0;
	const fields = 'getFields' in parentType ? (parentType.getFields() as Record<string, GraphQLField<unknown, unknown>>) : {};
	const definition = fields[name];
	// a union has no fields of its own (only __typename); its members are costed through fragments
	if (!definition) return 0;
	const named = getNamedType(definition.type);
	if (isLeafType(named) || !node.selectionSet || !isCompositeType(named)) return 0;
	const key = node.alias?.value ?? name;
	const data = measuring ? (parentData as Record<string, unknown> | null | undefined)?.[key] : undefined;

	if (isConnectionType(named)) {
		const connectionType = named as unknown as { getFields(): Record<string, GraphQLField<unknown, unknown>> };
		const nodeType = getNamedType(connectionType.getFields().nodes.type) as GraphQLCompositeType;
		const nodeSelections: SelectionSetNode[] = [];
		const collect = (set: SelectionSetNode): void => {
			for (const selection of set.selections) {
				if (selection.kind === Kind.FIELD && selection.selectionSet) {
					if (selection.name.value === 'nodes') nodeSelections.push(selection.selectionSet);
					if (selection.name.value === 'edges')
						for (const inner of selection.selectionSet.selections)
							if (inner.kind === Kind.FIELD && inner.name.value === 'node' && inner.selectionSet) nodeSelections.push(inner.selectionSet);
				} else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
				else if (selection.kind === Kind.FRAGMENT_SPREAD) {
					const fragment = input.fragments.get(selection.name.value);
					if (fragment) collect(fragment.selectionSet);
				}
			}
		};
		collect(node.selectionSet);
		if (!measuring) {
			const size = argumentNumber(node, 'first', input.variables) ?? argumentNumber(node, 'last', input.variables) ?? 1;
			const perNode = nodeSelections.reduce((sum, set) => sum + OBJECT_COST + selectionCost(input, set, nodeType, undefined, false), 0);
			return CONNECTION_BASE_COST + size * perNode;
		}
		if (data === null || data === undefined) return CONNECTION_BASE_COST;
		const connection = data as { nodes?: unknown[]; edges?: Array<{ node?: unknown }> };
		let total = CONNECTION_BASE_COST;
		// measure each returned node against the selections that produced it
		const measureList = (items: unknown[], set: SelectionSetNode): void => {
			for (const item of items) total += OBJECT_COST + selectionCost(input, set, nodeType, item, true);
		};
		for (const selection of node.selectionSet.selections) {
			if (selection.kind !== Kind.FIELD || !selection.selectionSet) continue;
			const responseKey = selection.alias?.value ?? selection.name.value;
			if (selection.name.value === 'nodes') measureList((connection as Record<string, unknown[]>)[responseKey] ?? [], selection.selectionSet);
			if (selection.name.value === 'edges')
				for (const inner of selection.selectionSet.selections)
					if (inner.kind === Kind.FIELD && inner.name.value === 'node' && inner.selectionSet) {
						const edges = ((connection as Record<string, Array<Record<string, unknown>>>)[responseKey] ?? []);
						measureList(
							edges.map((edge) => edge[inner.alias?.value ?? 'node']),
							inner.selectionSet,
						);
					}
		}
		return total;
	}

	const isList = isListType(getNullableType(definition.type));
	if (isList) {
		if (!measuring) {
			const size = argumentNumber(node, 'first', input.variables) ?? argumentNumber(node, 'ids', input.variables) ?? 1;
			return size * (OBJECT_COST + selectionCost(input, node.selectionSet, named, undefined, false));
		}
		if (!Array.isArray(data)) return 0;
		return data.reduce<number>((sum, item) => sum + (item === null ? 0 : OBJECT_COST + selectionCost(input, node.selectionSet!, named, item, true)), 0);
	}
	if (measuring && (data === null || data === undefined)) return OBJECT_COST;
	return OBJECT_COST + selectionCost(input, node.selectionSet, named, data, measuring);
}

function rootCost(input: CostInput, data: unknown, measuring: boolean): number {
	if (input.operation.operation === 'mutation') {
		let count = 0;
		for (const selection of input.operation.selectionSet.selections) if (selection.kind === Kind.FIELD && !selection.name.value.startsWith('__')) count++;
		return count * MUTATION_FIELD_COST;
	}
	const root = input.schema.getQueryType();
	if (!root) return 0;
	return selectionCost(input, input.operation.selectionSet, root, data, measuring);
}

export function requestedQueryCost(input: CostInput): number {
	return rootCost(input, undefined, false);
}

export function actualQueryCost(input: CostInput, data: unknown): number {
	return rootCost(input, data ?? {}, true);
}
