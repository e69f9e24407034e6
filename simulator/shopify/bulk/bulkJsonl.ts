import {
	getNamedType,
	isObjectType,
	Kind,
	type FieldNode,
	type FragmentDefinitionNode,
	type GraphQLCompositeType,
	type GraphQLField,
	type GraphQLSchema,
	type SelectionSetNode,
} from 'graphql';

/** Connection types are the ones with pageInfo; their nodes become separate JSONL lines. */
export function isConnectionTypeName(schema: GraphQLSchema, typeName: string): boolean {
	const type = schema.getType(typeName);
	return isObjectType(type) && typeName.endsWith('Connection') && 'pageInfo' in type.getFields();
}

function fieldsOf(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): FieldNode[] {
	const fields: FieldNode[] = [];
	for (const selection of selectionSet.selections) {
		if (selection.kind === Kind.FIELD) fields.push(selection);
		else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...fieldsOf(selection.selectionSet, fragments));
		else {
			const fragment = fragments.get(selection.name.value);
			if (fragment) fields.push(...fieldsOf(fragment.selectionSet, fragments));
		}
	}
	return fields;
}

/**
 * Shopify's bulk JSONL: one line per node; a node of a nested connection gets its own line after its
 * parent's, with `__parentId` set to the parent's id, and the connection itself disappears from the parent.
 */
export function flattenNode(
	schema: GraphQLSchema,
	fragments: Map<string, FragmentDefinitionNode>,
	node: Record<string, unknown>,
	selectionSet: SelectionSetNode,
	nodeType: GraphQLCompositeType,
	parentId: string | null,
	out: string[],
): void {
	const line: Record<string, unknown> = {};
	const children: Array<() => void> = [];
	const fieldDefinitions = 'getFields' in nodeType ? (nodeType.getFields() as Record<string, GraphQLField<unknown, unknown>>) : {};
	for (const field of fieldsOf(selectionSet, fragments)) {
		const key = field.alias?.value ?? field.name.value;
		if (!(key in node)) continue;
		const definition = fieldDefinitions[field.name.value];
		const namedType = definition ? getNamedType(definition.type) : undefined;
		if (namedType && field.selectionSet && isConnectionTypeName(schema, namedType.name)) {
			const connectionFields = (namedType as unknown as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields();
			const childType = getNamedType(connectionFields.nodes.type) as GraphQLCompositeType;
			const connection = node[key] as Record<string, unknown> | null;
			if (!connection) continue;
			for (const inner of fieldsOf(field.selectionSet, fragments)) {
				const innerKey = inner.alias?.value ?? inner.name.value;
				if (inner.name.value === 'nodes' && inner.selectionSet) {
					const set = inner.selectionSet;
					for (const child of (connection[innerKey] as Array<Record<string, unknown>>) ?? [])
						children.push(() => flattenNode(schema, fragments, child, set, childType, node.id as string, out));
				}
				if (inner.name.value === 'edges' && inner.selectionSet)
					for (const edgeField of fieldsOf(inner.selectionSet, fragments))
						if (edgeField.name.value === 'node' && edgeField.selectionSet) {
							const set = edgeField.selectionSet;
							const edgeKey = edgeField.alias?.value ?? 'node';
							for (const edge of (connection[innerKey] as Array<Record<string, unknown>>) ?? [])
								children.push(() => flattenNode(schema, fragments, edge[edgeKey] as Record<string, unknown>, set, childType, node.id as string, out));
						}
			}
			continue;
		}
		line[key] = node[key];
	}
	if (parentId !== null) line.__parentId = parentId;
	out.push(JSON.stringify(line));
	for (const child of children) child();
}
