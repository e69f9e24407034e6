/**
 * One clock for the simulated store and the client: the client's waits move it forward instantly, so a
 * 10-points-per-second bucket takes no real time and no assertion depends on the machine's speed.
 */
export class VirtualTime {
	private at: number;
	slept = 0;

	constructor(start = Date.parse('2026-11-20T10:00:00Z')) {
		this.at = start;
	}

	readonly now = (): number => this.at;

	readonly sleep = async (ms: number): Promise<void> => {
		this.slept += ms;
		this.at += Math.max(0, ms);
	};

	tick(ms = 1000): void {
		this.at += ms;
	}
}
