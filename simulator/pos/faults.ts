/**
 * Failures on demand, for the next N matching requests or during an outage, so tests can drive the
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
 * An outage: every API request answers 503 or is dropped, for `durationMs` of the simulator's clock or for
 * the next `requests` API requests (exactly one of the two). It starts `startsInMs` from now, or — with
 * `startsAfterRequests` — once that many more API requests have arrived, so a test can place it inside a
 * burst whatever the machine's speed; a chained outage (`startsWhenPreviousEnds`) begins the moment the
 * previous one ends. An outage counted in requests lasts as long on a busy machine as on an idle one.
 */
export interface OutageSpec {
	startsInMs?: number;
	startsAfterRequests?: number;
	startsWhenPreviousEnds?: boolean;
	durationMs?: number;
	requests?: number;
	kind?: 'http503' | 'drop';
}

interface Outage {
	/** Clock ms; undefined while waiting for its start. */
	from?: number;
	/** Clock ms; for an outage counted in requests, set when its last request arrives. */
	until?: number;
	durationMs?: number;
	/** Requests it still answers, for an outage counted in requests. */
	requestsLeft?: number;
	kind: 'http503' | 'drop';
	requestsToGo: number;
	previous?: Outage;
}

function checkOutageSpec(spec: OutageSpec): void {
	const { durationMs, requests } = spec;
	if ((durationMs === undefined) === (requests === undefined)) throw new RangeError('An outage needs exactly one of durationMs (clock ms) or requests (a count).');
	if (durationMs !== undefined && !(durationMs > 0)) throw new RangeError(`durationMs must be above 0, got ${durationMs}.`);
	if (requests !== undefined && !(Number.isInteger(requests) && requests > 0)) throw new RangeError(`requests must be a whole number above 0, got ${requests}.`);
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
		checkOutageSpec(spec);
		const outage: Outage = { durationMs: spec.durationMs, requestsLeft: spec.requests, kind: spec.kind ?? 'http503', requestsToGo: spec.startsAfterRequests ?? 0 };
		if (spec.startsWhenPreviousEnds && this.outages.length > 0) outage.previous = this.outages[this.outages.length - 1];
		else if (spec.startsAfterRequests === undefined) this.begin(outage, this.now() + (spec.startsInMs ?? 0));
		this.outages.push(outage);
		return outage;
	}

	private begin(outage: Outage, from: number): void {
		outage.from = from;
		if (outage.durationMs !== undefined) outage.until = from + outage.durationMs;
	}

	/**
	 * The outage this API request falls in, or null. Counts the request toward outages waiting for their
	 * start and, inside an outage counted in requests, toward its end; call once per API request.
	 */
	outageFor(): 'http503' | 'drop' | null {
		const now = this.now();
		for (const outage of this.outages) {
			if (outage.from === undefined && !outage.previous && --outage.requestsToGo <= 0) this.begin(outage, now);
		}
		const outage = this.activeOutage(now);
		if (outage?.requestsLeft !== undefined && --outage.requestsLeft === 0) outage.until = now;
		return outage?.kind ?? null;
	}

	/** The outage in force now, without counting a request (for the control API). */
	outageNow(): 'http503' | 'drop' | null {
		return this.activeOutage(this.now())?.kind ?? null;
	}

	private activeOutage(now: number): Outage | undefined {
		this.resolveChains();
		return this.outages.find((outage) => {
			if (outage.from === undefined || now < outage.from) return false;
			return outage.requestsLeft !== undefined ? outage.requestsLeft > 0 : now < outage.until!;
		});
	}

	/** When the last scheduled outage ends (clock ms), or null while one has not started or not ended its count. */
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
