/**
 * Failures on demand, for the next N matching requests or during a time window, so tests can drive the
 * client's retry and exactly-once paths: 429 (Retry-After in seconds or as an HTTP date), 500/503,
 * slow answers, a dropped connection, and "commit then drop" (the POS stores the order, the answer is lost).
 */
export type PosFaultKind = 'http429' | 'http500' | 'http503' | 'latency' | 'drop' | 'commitThenDrop';

export interface PosFaultSpec {
	kind: PosFaultKind;
	/** Matching requests it hits (default 1). */
	count?: number;
	method?: string;
	/** Only paths starting with this. */
	pathPrefix?: string;
	retryAfterSeconds?: number;
	/** 429's Retry-After as an HTTP date instead of seconds (Lightspeed X always uses the date). */
	retryAfterForm?: 'seconds' | 'date';
	latencyMs?: number;
}

/**
 * An outage: for `durationMs` (clock ms) every API request answers 503 or is dropped. It starts
 * `startsInMs` from now, or — with `startsAfterRequests` — once that many more API requests have arrived,
 * so a test can place it inside a burst whatever the machine's speed; a chained outage
 * (`startsWhenPreviousEnds`) begins the moment the previous one ends.
 */
export interface OutageSpec {
	startsInMs?: number;
	startsAfterRequests?: number;
	startsWhenPreviousEnds?: boolean;
	durationMs: number;
	kind?: 'http503' | 'drop';
}

interface Outage {
	/** Clock ms; undefined while waiting for its start. */
	from?: number;
	until?: number;
	durationMs: number;
	kind: 'http503' | 'drop';
	requestsToGo: number;
	previous?: Outage;
}

interface Scheduled extends PosFaultSpec {
	remaining: number;
}

export class PosFaultPlan {
	private scheduled: Scheduled[] = [];
	private outages: Outage[] = [];

	constructor(private readonly now: () => number) {}

	add(spec: PosFaultSpec): void {
		this.scheduled.push({ ...spec, remaining: spec.count ?? 1 });
	}

	addOutage(spec: OutageSpec): Outage {
		const outage: Outage = { durationMs: spec.durationMs, kind: spec.kind ?? 'http503', requestsToGo: spec.startsAfterRequests ?? 0 };
		if (spec.startsWhenPreviousEnds && this.outages.length > 0) outage.previous = this.outages[this.outages.length - 1];
		else if (spec.startsAfterRequests === undefined) this.begin(outage, this.now() + (spec.startsInMs ?? 0));
		this.outages.push(outage);
		return outage;
	}

	private begin(outage: Outage, from: number): void {
		outage.from = from;
		outage.until = from + outage.durationMs;
	}

	/** Counts an API request toward outages waiting for one; call before `outageNow`. */
	noteRequest(): void {
		for (const outage of this.outages) {
			if (outage.from === undefined && !outage.previous && --outage.requestsToGo <= 0) this.begin(outage, this.now());
		}
	}

	/** When the last scheduled outage ends (clock ms), or null if one has not started yet. */
	outagesEnd(): number | null {
		this.resolveChains();
		let end = 0;
		for (const outage of this.outages) {
			if (outage.until === undefined) return null;
			end = Math.max(end, outage.until);
		}
		return end;
	}

	private resolveChains(): void {
		for (const outage of this.outages) {
			if (outage.from === undefined && outage.previous?.until !== undefined) this.begin(outage, outage.previous.until);
		}
	}

	clear(): void {
		this.scheduled = [];
		this.outages = [];
	}

	pending(): PosFaultSpec[] {
		return this.scheduled.map(({ remaining, ...spec }) => ({ ...spec, count: remaining }));
	}

	outageNow(): 'http503' | 'drop' | null {
		this.resolveChains();
		const now = this.now();
		return this.outages.find((outage) => outage.from !== undefined && outage.from <= now && now < outage.until!)?.kind ?? null;
	}

	/** The fault for this request, consumed; faults fire in the order added. */
	take(method: string, path: string): PosFaultSpec | null {
		const index = this.scheduled.findIndex(
			(fault) => (fault.method === undefined || fault.method.toUpperCase() === method) && (fault.pathPrefix === undefined || path.startsWith(fault.pathPrefix)),
		);
		if (index < 0) return null;
		const fault = this.scheduled[index];
		fault.remaining--;
		if (fault.remaining <= 0) this.scheduled.splice(index, 1);
		const { remaining: _remaining, ...spec } = fault;
		return spec;
	}
}
