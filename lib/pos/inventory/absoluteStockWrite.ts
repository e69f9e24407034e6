import { createHash } from 'node:crypto';
import type { CallRecord, MappedStockChange, WriteOutcome } from './inventoryVendor';
import { PosCallFailedError, type PosJsonResult } from './posJsonTransport';

/**
 * Moving a POS's stock by a difference where the POS only takes absolute counts (Loyverse `stock_after`,
 * Clover `item_stocks`): read the count, write count + difference. Two things make that exact:
 * - no other write of this package to the same items between the read and the write: the items are held
 *   (StockWriteRecord.withItems: in this process, and across n8n processes through n8n's Redis in queue mode);
 * - a change applied once only: the event's key is recorded after its write, and an event whose key is
 *   recorded is not written again (a re-send, a duplicate, the same event by webhook and by poll).
 * What this cannot exclude, written in the README: a sale at the register between the read and the write (one
 * round trip) is overwritten in the POS, and a crash between the write and its record lets a re-send write again.
 */
export interface AbsoluteLevels {
	/** The path the write goes to, for the call records. */
	writePath: string;
	/** Most items one write sets (Loyverse a list, Clover one item a call). */
	itemsPerWrite: number;
	/** The POS's count of each item at the location (an item without a count there: 0). */
	read(itemIds: string[]): Promise<Map<string, number>>;
	/** Sets the counts, in one call. Re-sending the same counts cannot move stock twice, so the call may be retried. */
	write(levels: Array<{ itemId: string; quantity: number }>): Promise<PosJsonResult>;
}

export interface StockWriteRecord {
	/** Runs `work` while no other write of this package (this process, or n8n's Redis in queue mode) holds these items. */
	withItems<T>(itemIds: string[], work: () => Promise<T>): Promise<T>;
	applied(key: string): Promise<boolean>;
	markApplied(key: string): Promise<void>;
}

/** The key of one event's changes at one location: from Shopify ids only, so every re-send gives the same one. */
export function absoluteWriteKey(vendorId: string, locationId: string, changes: MappedStockChange[]): string {
	return createHash('sha256')
		.update([vendorId, locationId, ...changes.map((mapped) => mapped.change.key).sort()].join('\n'), 'utf8')
		.digest('hex')
		.slice(0, 40);
}

function differences(changes: MappedStockChange[]): Map<string, number> {
	const byItem = new Map<string, number>();
	for (const { itemId, change } of changes) byItem.set(itemId, (byItem.get(itemId) ?? 0) + change.quantity);
	return byItem;
}

/** An answer that leaves it open whether the POS applied the write (the connection broke, a 5xx, a time-out). */
function outcomeUnknown(result: Extract<PosJsonResult, { ok: false }>): boolean {
	return result.status === null || result.status === 408 || result.status >= 500;
}

async function readOrFailure(levels: AbsoluteLevels, itemIds: string[]): Promise<Map<string, number> | Extract<PosJsonResult, { ok: false }>> {
	try {
		return await levels.read(itemIds);
	} catch (error) {
		if (error instanceof PosCallFailedError) return error.result;
		throw error;
	}
}

const same = (read: Map<string, number>, targets: Array<{ itemId: string; quantity: number }>) => targets.every((target) => read.get(target.itemId) === target.quantity);

type Failure = Extract<PosJsonResult, { ok: false }>;

/** One write of up to `itemsPerWrite` items: read, write count + difference, recorded under the group's own key. */
async function writeGroup(levels: AbsoluteLevels, record: StockWriteRecord, key: string, deltas: Map<string, number>, itemIds: string[]): Promise<{ call: CallRecord; before?: Map<string, number>; targets?: Array<{ itemId: string; quantity: number }>; recorded: boolean } | Failure> {
	if (await record.applied(key)) return { call: { path: levels.writePath, idempotencyKey: key, status: 200, alreadyApplied: true }, recorded: true };
	const before = await readOrFailure(levels, itemIds);
	if (!(before instanceof Map)) return before;
	const targets = itemIds.map((itemId) => ({ itemId, quantity: (before.get(itemId) ?? 0) + deltas.get(itemId)! }));
	const written = await levels.write(targets);
	if (!written.ok) {
		// Unknown whether it landed: it did if the counts now are the ones sent (a sale meanwhile would show otherwise).
		const now = outcomeUnknown(written) ? await readOrFailure(levels, itemIds) : undefined;
		if (!(now instanceof Map) || !same(now, targets)) return written;
	}
	// The stock moved: a record that cannot be kept (Redis gone this instant) is said, never turned into a failure that a retry would write again.
	const recorded = await record.markApplied(key).then(
		() => true,
		() => false,
	);
	return { call: { path: levels.writePath, idempotencyKey: key, status: written.ok ? written.status : 200 }, before, targets, recorded };
}

/**
 * The event's changes in writes of `itemsPerWrite` items, each recorded as it lands: when a later write fails, a
 * re-send skips the writes already made and does the rest.
 */
export async function moveByAbsoluteCounts(levels: AbsoluteLevels, record: StockWriteRecord, key: string, changes: MappedStockChange[]): Promise<WriteOutcome> {
	const deltas = differences(changes);
	const itemIds = [...deltas.keys()];
	return await record.withItems(itemIds, async (): Promise<WriteOutcome> => {
		const calls: CallRecord[] = [];
		const countsBefore: Record<string, number> = {};
		const countsWritten: Record<string, number> = {};
		let recorded = true;
		const groups = Math.ceil(itemIds.length / levels.itemsPerWrite);
		for (let index = 0; index < groups; index += 1) {
			const group = itemIds.slice(index * levels.itemsPerWrite, (index + 1) * levels.itemsPerWrite);
			const done = await writeGroup(levels, record, groups === 1 ? key : `${key}:${index + 1}of${groups}`, deltas, group);
			if ('ok' in done) return { ok: false, calls, failure: done };
			calls.push(done.call);
			for (const [itemId, quantity] of done.before ?? []) countsBefore[itemId] = quantity;
			for (const target of done.targets ?? []) countsWritten[target.itemId] = target.quantity;
			recorded &&= done.recorded;
		}
		const alreadyApplied = calls.every((call) => call.alreadyApplied === true);
		return { ok: true, calls, result: alreadyApplied ? { alreadyApplied: true } : { countsBefore: countsBefore as never, countsWritten: countsWritten as never, recorded } };
	});
}
