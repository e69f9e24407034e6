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

export class RequestLog {
	private entries: RequestLogEntry[] = [];
	private sequence = 0;

	constructor(private readonly capacity = 5000) {}

	add(entry: Omit<RequestLogEntry, 'sequence'>): RequestLogEntry {
		const full = { ...entry, sequence: ++this.sequence };
		this.entries.push(full);
		if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
		return full;
	}

	list(sinceSequence = 0): RequestLogEntry[] {
		return this.entries.filter((entry) => entry.sequence > sinceSequence);
	}

	clear(): void {
		this.entries = [];
	}
}
