import { createHash } from 'node:crypto';
import { canonicalJson } from './referenceDocument';
import type { InventoryChangeRequest } from './types';

function digest(text: string, length: number): string {
	return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * The key of one change, from its content as the user gave it: mode, quantity name, reference document,
 * which item (SKU / variant / inventory item as given), which location, the quantity and the compare-and-set
 * value. The same content gives the same key in every run, so n8n's retry, a re-run and a duplicate webhook
 * all map to the key Shopify already saw. The reason is left out on purpose: changing only the reason on a
 * re-run must not make an applied change look new (Shopify then answers IDEMPOTENCY_KEY_PARAMETER_MISMATCH).
 * A key the user supplies replaces the derived one.
 */
export function changeKey(change: InventoryChangeRequest): string {
	if (change.userIdempotencyKey) return `user:${change.userIdempotencyKey}`;
	const location = change.location.by === 'id' ? `id:${change.location.id}` : `name:${change.location.name}`;
	return digest(
		canonicalJson({
			v: 1,
			mode: change.mode,
			name: change.quantityName,
			reference: change.referenceDocumentUri,
			item: `${change.identifierType}:${change.identifier}`,
			location,
			quantity: change.quantity,
			changeFrom: change.changeFromQuantity,
		}),
		32,
	);
}

/**
 * The key of one mutation. Derived from the keys of every change the batch was formed with (sorted, so
 * input order inside the batch does not matter) and the attempt round, and NOT from which changes turned
 * out valid: if a re-run finds a different valid subset (a SKU was fixed meanwhile), it sends the same key
 * with other contents and Shopify refuses it (IDEMPOTENCY_KEY_PARAMETER_MISMATCH) instead of applying the
 * already-applied changes a second time. Round 0 is the first send; round n is the n-th re-send of the
 * remaining changes after Shopify rejected some of them (its mutation is atomic, and a failed key cannot be
 * reused).
 */
export function batchKey(changeKeys: ReadonlyArray<string>, round: number): string {
	const sorted = [...changeKeys].sort();
	return `n8n-shopify-pos-${digest(`${sorted.join('\n')}\n#${round}`, 40)}`;
}
