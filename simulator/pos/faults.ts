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

/** An outage: from `startsAt` for `durationMs` (clock ms), every API request answers 503 or is dropped. */
export interface OutageSpec {
	startsInMs?: number;
	durationMs: number;
	kind?: 'http503' | 'drop';
}

interface Scheduled extends PosFaultSpec {
	remaining: number;
}

export class PosFaultPlan {
	private scheduled: Scheduled[] = [];
	private outages: Array<{ from: number; until: number; kind: 'http503' | 'drop' }> = [];

	constructor(private readonly now: () => number) {}

	add(spec: PosFaultSpec): void {
		this.scheduled.push({ ...spec, remaining: spec.count ?? 1 });
	}

	addOutage(spec: OutageSpec): { from: number; until: number } {
		const from = this.now() + (spec.startsInMs ?? 0);
		const outage = { from, until: from + spec.durationMs, kind: spec.kind ?? 'http503' };
		this.outages.push(outage);
		return { from: outage.from, until: outage.until };
	}

	clear(): void {
		this.scheduled = [];
		this.outages = [];
	}

	pending(): PosFaultSpec[] {
		return this.scheduled.map(({ remaining, ...spec }) => ({ ...spec, count: remaining }));
	}

	outageNow(): 'http503' | 'drop' | null {
		const now = this.now();
		return this.outages.find((outage) => outage.from <= now && now < outage.until)?.kind ?? null;
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
