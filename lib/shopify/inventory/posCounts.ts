import type { PosCount, RawPosCount } from './reconcileTypes';
import { parseInteger } from './validateChange';

export type PosCountCheck = { ok: true; count: PosCount } | { ok: false; code: string; message: string };

const text = (value: unknown): string | null =>
	typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : null;

/** A POS count as the POS gave it: a SKU, a whole quantity (a number or "12", as Square sends it). */
export function checkPosCount(raw: RawPosCount): PosCountCheck {
	const sku = typeof raw.sku === 'string' ? raw.sku : typeof raw.sku === 'number' ? String(raw.sku) : '';
	if (sku.trim() === '') {
		return { ok: false, code: 'MISSING_SKU', message: `Item ${raw.itemIndex}: SKU is empty (got ${JSON.stringify(raw.sku) ?? 'nothing'}). Map the POS item's SKU into the "SKU" field.` };
	}
	const quantity = parseInteger(raw.quantity);
	if (quantity === undefined) {
		return {
			ok: false,
			code: 'INVALID_QUANTITY',
			message: `SKU "${sku}": the POS count ${JSON.stringify(raw.quantity) ?? 'nothing'} is not a whole number. Map the POS's on-hand count into the "Quantity" field.`,
		};
	}
	let lastChangedAt: string | null = null;
	const changed = text(raw.lastChangedAt);
	if (changed !== null) {
		const time = Date.parse(changed);
		if (Number.isNaN(time)) {
			return { ok: false, code: 'INVALID_DATE', message: `SKU "${sku}": Last Changed At ${JSON.stringify(raw.lastChangedAt)} is not a date. Use ISO 8601, e.g. 2026-11-20T09:00:00Z.` };
		}
		lastChangedAt = new Date(time).toISOString();
	}
	return { ok: true, count: { itemIndex: raw.itemIndex, sku, quantity, lastChangedAt, posItemId: text(raw.posItemId) } };
}

/** Checks every count; a SKU counted twice is refused on its later items (which count is right?). */
export function checkPosCounts(raws: ReadonlyArray<RawPosCount>): { counts: PosCount[]; refused: Map<number, { code: string; message: string; sku: string | null }> } {
	const counts: PosCount[] = [];
	const refused = new Map<number, { code: string; message: string; sku: string | null }>();
	const firstBySku = new Map<string, number>();
	for (const raw of raws) {
		const checked = checkPosCount(raw);
		if (!checked.ok) {
			refused.set(raw.itemIndex, { code: checked.code, message: checked.message, sku: typeof raw.sku === 'string' && raw.sku !== '' ? raw.sku : null });
			continue;
		}
		const first = firstBySku.get(checked.count.sku);
		if (first !== undefined) {
			refused.set(raw.itemIndex, {
				code: 'DUPLICATE_SKU',
				message: `SKU "${checked.count.sku}" is counted twice (items ${first} and ${raw.itemIndex}); only the first count is compared. Check the POS's stock list for a duplicated item.`,
				sku: checked.count.sku,
			});
			continue;
		}
		firstBySku.set(checked.count.sku, raw.itemIndex);
		counts.push(checked.count);
	}
	return { counts, refused };
}
