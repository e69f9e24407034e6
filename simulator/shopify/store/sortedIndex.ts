/**
 * Records kept sorted by (key, numeric id), so a page of orders "updated after X" is a binary search plus a
 * short walk instead of a scan and a sort of every order on each request.
 */
export class SortedIndex<T extends { legacyResourceId: number }> {
	private readonly entries: T[] = [];

	constructor(private readonly keyOf: (item: T) => string) {}

	get length(): number {
		return this.entries.length;
	}

	at(index: number): T {
		return this.entries[index];
	}

	keyAt(index: number): { key: string; id: number } {
		const entry = this.entries[index];
		return { key: this.keyOf(entry), id: entry.legacyResourceId };
	}

	/** First position whose (key, id) is >= the given one. */
	lowerBound(key: string, id: number): number {
		let low = 0;
		let high = this.entries.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			const entry = this.entries[middle];
			const entryKey = this.keyOf(entry);
			if (entryKey < key || (entryKey === key && entry.legacyResourceId < id)) low = middle + 1;
			else high = middle;
		}
		return low;
	}

	insert(item: T): void {
		const position = this.lowerBound(this.keyOf(item), item.legacyResourceId);
		if (position === this.entries.length) this.entries.push(item);
		else this.entries.splice(position, 0, item);
	}

	/** Must run before the item's key changes: the item is found by its current key. */
	remove(item: T): void {
		const position = this.lowerBound(this.keyOf(item), item.legacyResourceId);
		if (this.entries[position] !== item) throw new Error('sorted index out of step with its records');
		this.entries.splice(position, 1);
	}

	clear(): void {
		this.entries.length = 0;
	}
}
