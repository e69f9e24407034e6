import { getDirectiveValues, GraphQLError, type GraphQLResolveInfo } from 'graphql';

interface StoredOutcome {
	fingerprint: string;
	payload: unknown;
}

/**
 * Shopify's `@idempotent(key:)` contract: the first request with a key runs and its result is kept; a
 * repeat with the same key and the same arguments returns that result without running again; the same
 * key with different arguments is refused (IDEMPOTENCY_KEY_PARAMETER_MISMATCH).
 */
export class IdempotencyRecords {
	private readonly outcomes = new Map<string, StoredOutcome>();

	lookup(mutation: string, key: string, fingerprint: string): { replay: unknown } | 'mismatch' | null {
		const stored = this.outcomes.get(`${mutation}\u0000${key}`);
		if (!stored) return null;
		return stored.fingerprint === fingerprint ? { replay: stored.payload } : 'mismatch';
	}

	remember(mutation: string, key: string, fingerprint: string, payload: unknown): void {
		this.outcomes.set(`${mutation}\u0000${key}`, { fingerprint, payload });
	}

	clear(): void {
		this.outcomes.clear();
	}
}

/** The key given with `@idempotent(key: …)` on this field, or null. */
export function idempotencyKeyOf(info: GraphQLResolveInfo): string | null {
	const directive = info.schema.getDirective('idempotent');
	if (!directive) return null;
	const values = getDirectiveValues(directive, info.fieldNodes[0], info.variableValues) as { key?: string } | undefined;
	return values?.key ?? null;
}

export function idempotencyRequired(fieldName: string, version: string): GraphQLError {
	return new GraphQLError(
		`The ${fieldName} mutation requires an idempotency key from API version 2026-04 (this request used ${version}). Add @idempotent(key: "<unique key>") to the ${fieldName} field.`,
		{ extensions: { code: 'BAD_REQUEST' } },
	);
}
