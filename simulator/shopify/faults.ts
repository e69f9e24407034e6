/**
 * Failures a test can schedule for the next N Admin API requests (GraphQL and OAuth), to exercise the
 * package's retry, renewal and idempotency paths. Each fault applies once per matching request.
 */
export type FaultKind =
	| 'throttled' // HTTP 200 with errors[].extensions.code THROTTLED, nothing executed
	| 'http429' // 429 with Retry-After (seconds)
	| 'http500'
	| 'http503'
	| 'latency' // delay, then answer normally
	| 'drop' // close the connection before doing anything
	| 'commitThenDrop' // execute (a mutation commits) and close the connection without answering
	| 'unauthorized'; // 401 as if the token had expired

export interface FaultSpec {
	kind: FaultKind;
	/** how many matching requests it hits (default 1) */
	count?: number;
	/** only requests of this GraphQL operation name */
	operationName?: string;
	/** only GraphQL or only the OAuth endpoint (default: both) */
	endpoint?: 'graphql' | 'oauth';
	retryAfterSeconds?: number;
	latencyMs?: number;
}

interface ScheduledFault extends FaultSpec {
	remaining: number;
}

export class FaultPlan {
	private scheduled: ScheduledFault[] = [];

	add(spec: FaultSpec): void {
		this.scheduled.push({ ...spec, remaining: spec.count ?? 1 });
	}

	clear(): void {
		this.scheduled = [];
	}

	pending(): FaultSpec[] {
		return this.scheduled.map((fault) => ({ ...fault, count: fault.remaining }));
	}

	/** The fault for this request, if any (consumed). Faults fire in the order they were added. */
	take(endpoint: 'graphql' | 'oauth', operationName: string | null): FaultSpec | null {
		const index = this.scheduled.findIndex(
			(fault) =>
				(fault.endpoint === undefined || fault.endpoint === endpoint) &&
				(fault.operationName === undefined || fault.operationName === operationName),
		);
		if (index === -1) return null;
		const fault = this.scheduled[index];
		fault.remaining--;
		if (fault.remaining <= 0) this.scheduled.splice(index, 1);
		return fault;
	}
}
