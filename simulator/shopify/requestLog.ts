/** What the simulated shop received, for tests to assert on (how many calls, which operations, costs). */
export interface RequestLogEntry {
	sequence: number;
	at: string;
	method: string;
	path: string;
	endpoint: 'graphql' | 'oauth' | 'other';
	requestId: string;
	status: number;
	apiVersion: string | null;
	operationName: string | null;
	/** "query" | "mutation" */
	operationType: string | null;
	variables: unknown;
	requestedCost: number | null;
	actualCost: number | null;
	/** THROTTLED, ACCESS_DENIED, a fault kind… */
	outcome: string;
	idempotencyKey: string | null;
}

/**
 * Keeps the newest entries, bounded by count and by the size of the request bodies they hold (variables of
 * 250-change mutations are large), so a long benchmark cannot grow the simulator without limit.
 */
export class RequestLog {
	private entries: RequestLogEntry[] = [];
	private weights: number[] = [];
	private totalWeight = 0;
	private sequence = 0;

	constructor(
		private readonly capacity = 5000,
		private readonly maxBodyBytes = 64 * 1024 * 1024,
	) {}

	/** `bodyBytes`: size of the request body the entry keeps (its variables). */
	add(entry: Omit<RequestLogEntry, 'sequence'>, bodyBytes = 0): RequestLogEntry {
		const full = { ...entry, sequence: ++this.sequence };
		this.entries.push(full);
		this.weights.push(bodyBytes);
		this.totalWeight += bodyBytes;
		let drop = 0;
		while (this.entries.length - drop > this.capacity || (this.totalWeight > this.maxBodyBytes && this.entries.length - drop > 1)) {
			this.totalWeight -= this.weights[drop];
			drop++;
		}
		if (drop > 0) {
			this.entries.splice(0, drop);
			this.weights.splice(0, drop);
		}
		return full;
	}

	list(sinceSequence = 0): RequestLogEntry[] {
		return this.entries.filter((entry) => entry.sequence > sinceSequence);
	}

	clear(): void {
		this.entries = [];
		this.weights = [];
		this.totalWeight = 0;
	}
}
