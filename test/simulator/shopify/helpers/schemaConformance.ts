import {
	execute,
	getNamedType,
	isAbstractType,
	isScalarType,
	parse,
	type GraphQLFieldResolver,
	type GraphQLSchema,
	type GraphQLTypeResolver,
} from 'graphql';

const SCALAR_FORMATS: Record<string, (value: unknown) => boolean> = {
	DateTime: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v),
	Decimal: (v) => typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v),
	Money: (v) => typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v),
	UnsignedInt64: (v) => typeof v === 'string' && /^\d+$/.test(v),
	URL: (v) => typeof v === 'string' && /^https?:\/\//.test(v),
	ID: (v) => typeof v === 'string',
	String: (v) => typeof v === 'string',
	Int: (v) => typeof v === 'number' && Number.isInteger(v),
	Float: (v) => typeof v === 'number',
	Boolean: (v) => typeof v === 'boolean',
};

/**
 * Re-executes the document on the real schema with a resolver that only reads the response data back
 * (`parent[info.path.key]`). graphql-js then enforces every type, enum value and non-null the schema
 * declares; scalar formats (DateTime, Decimal, UnsignedInt64…) are checked on the way. Throws listing
 * every mismatch.
 */
export function assertConformsToSchema(
	schema: GraphQLSchema,
	query: string,
	variables: Record<string, unknown> | undefined,
	response: { data?: unknown },
): void {
	if (response.data === null || response.data === undefined) return;
	const problems: string[] = [];
	const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (parent, _args, _context, info) => {
		const value = (parent as Record<string, unknown>)[info.path.key as string];
		const named = getNamedType(info.returnType);
		if (isScalarType(named) && value !== null && value !== undefined) {
			const check = SCALAR_FORMATS[named.name];
			const values = Array.isArray(value) ? value : [value];
			for (const item of values)
				if (item !== null && check && !check(item))
					problems.push(`${pathOf(info.path)}: ${JSON.stringify(item)} is not a valid ${named.name}`);
		}
		if (value === undefined) problems.push(`${pathOf(info.path)}: missing from the response`);
		return value;
	};
	const fragmentTypes = new Set([...query.matchAll(/\bon\s+([_A-Za-z][_0-9A-Za-z]*)/g)].map((m) => m[1]));
	const typeResolver: GraphQLTypeResolver<unknown, unknown> = (value, _context, info, abstractType) => {
		const explicit = (value as { __typename?: string }).__typename;
		if (explicit) return explicit;
		const keys = Object.keys(value as object);
		const candidates = schema.getPossibleTypes(abstractType);
		const fits = (type: (typeof candidates)[number]) => keys.every((key) => key in type.getFields() || key.startsWith('__'));
		// without __typename, prefer a type the document names in a fragment (… on Order) that fits the keys
		const fitting =
			candidates.find((type) => fragmentTypes.has(type.name) && fits(type)) ?? candidates.find(fits);
		void info;
		return (fitting ?? candidates[0]).name;
	};
	const result = execute({
		schema,
		document: parse(query),
		rootValue: response.data,
		variableValues: variables,
		fieldResolver,
		typeResolver,
	}) as { errors?: readonly { message: string; path?: readonly (string | number)[] }[]; data?: unknown };
	for (const error of result.errors ?? []) problems.push(`${(error.path ?? []).join('.')}: ${error.message}`);
	if (result.data !== undefined && JSON.stringify(result.data) !== JSON.stringify(response.data))
		problems.push('re-serialising the response on the schema changed it (a value of the wrong type was coerced)');
	if (problems.length > 0) throw new Error(`response does not conform to the schema:\n${problems.join('\n')}`);
	void isAbstractType;
}

function pathOf(path: { key: string | number; prev?: unknown } | undefined): string {
	const keys: Array<string | number> = [];
	for (let p = path; p; p = p.prev as typeof path) keys.unshift(p.key);
	return keys.join('.');
}
