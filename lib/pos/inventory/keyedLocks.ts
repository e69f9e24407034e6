/**
 * Runs work while holding every named key, in this process: work on overlapping keys runs one after another,
 * work on other keys at once. Keys are taken in sorted order, so two runs holding overlapping sets never wait
 * on each other in a circle.
 */
export class KeyedLocks {
	private readonly tails = new Map<string, Promise<void>>();

	async withKeys<T>(keys: string[], work: () => Promise<T>): Promise<T> {
		const sorted = [...new Set(keys)].sort();
		const releases: Array<() => void> = [];
		try {
			for (const key of sorted) releases.push(await this.take(key));
			return await work();
		} finally {
			for (const release of releases.reverse()) release();
		}
	}

	private async take(key: string): Promise<() => void> {
		const before = this.tails.get(key) ?? Promise.resolve();
		let release!: () => void;
		const mine = new Promise<void>((resolve) => (release = resolve));
		const tail = before.then(() => mine);
		this.tails.set(key, tail);
		await before;
		return () => {
			release();
			// The last holder leaves no entry behind.
			if (this.tails.get(key) === tail) this.tails.delete(key);
		};
	}

	/** Keys someone holds or waits for (tests). */
	get size(): number {
		return this.tails.size;
	}
}
