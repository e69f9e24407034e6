import type { StockChangeCursor } from './changeCursor';

/**
 * This process's copy of every stock change position it saved, by workflow, node, vendor and location.
 * n8n can put an older copy of a workflow's static data back after a run has saved a position there: a
 * polling trigger or a Schedule Trigger saves the copy it took at publishing whenever its own memory
 * changed, and two executions that end together each save the whole static data. A position that went
 * back only re-reads changes (applied once by their keys downstream); one that vanished would pass over
 * every change since, so the copy kept here is used whenever it is further on.
 */
export class ProcessCursorCopies {
	private readonly copies = new Map<string, StockChangeCursor>();

	constructor(private readonly limit = 10_000) {}

	get(scope: string): StockChangeCursor | undefined {
		return this.copies.get(scope);
	}

	keep(scope: string, cursor: StockChangeCursor): void {
		this.copies.delete(scope);
		this.copies.set(scope, cursor);
		// Oldest first out: a process holds a handful of scopes, the limit only guards against leaks.
		if (this.copies.size > this.limit) this.copies.delete(this.copies.keys().next().value!);
	}

	forget(scope: string): void {
		this.copies.delete(scope);
	}
}
