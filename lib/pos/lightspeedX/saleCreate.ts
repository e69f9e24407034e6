import type { CallRecord, WriteOutcome } from '../inventory/inventoryVendor';
import { callOrThrow, PosCallFailedError, type PosJsonResult, type PosJsonTransport } from '../inventory/posJsonTransport';

/**
 * Creating a Lightspeed X sale at most once, without an idempotency key (none is documented: POS-VENDORS.md
 * 2.3 and 8): look for the sale's invoice number first; create with a request that is never re-sent once it
 * may have reached Lightspeed; after an answer that leaves it unknown (a dropped connection, a 5xx, a time-out)
 * look again, and a sale found there is the one just sent. What can still double a sale is written in the
 * README ("Lightspeed X: the window that can double a sale").
 */
export const SEARCH_PATH = '/api/2.0/search';

export function salesPath(apiVersion: string): string {
	return `/api/${apiVersion}/sales`;
}

interface FoundSale {
	id: string;
	status: string | null;
}

/** The sale with this invoice number that still stands (a voided one is gone: its stock is back). */
export async function findSale(transport: PosJsonTransport, invoiceNumber: string): Promise<FoundSale | undefined> {
	const body = await callOrThrow(transport, { method: 'GET', path: SEARCH_PATH, query: { type: 'sales', invoice_number: invoiceNumber }, safeToRepeat: true });
	const sales = ((body ?? {}) as { data?: unknown }).data;
	for (const sale of Array.isArray(sales) ? (sales as Array<Record<string, unknown>>) : []) {
		const status = typeof sale.status === 'string' ? sale.status.toUpperCase() : null;
		if (sale.invoice_number === invoiceNumber && typeof sale.id === 'string' && status !== 'VOIDED') return { id: sale.id, status };
	}
	return undefined;
}

/** Whether an answer leaves it unknown if Lightspeed made the sale (4xx other than 408/429 is a clear refusal). */
function outcomeUnknown(result: Extract<PosJsonResult, { ok: false }>): boolean {
	return result.status === null || result.status === 408 || result.status >= 500;
}

export async function createSaleOnce(transport: PosJsonTransport, apiVersion: string, invoiceNumber: string, body: Record<string, unknown>): Promise<WriteOutcome> {
	const path = salesPath(apiVersion);
	const calls: CallRecord[] = [];
	let earlier: FoundSale | undefined;
	try {
		earlier = await findSale(transport, invoiceNumber);
	} catch (error) {
		if (error instanceof PosCallFailedError) return { ok: false, calls, failure: { ...error.result, reason: `Looking for an earlier sale with invoice number ${invoiceNumber} failed, so no sale was made: ${error.result.reason}` } };
		throw error;
	}
	if (earlier) {
		calls.push({ path: SEARCH_PATH, idempotencyKey: invoiceNumber, status: 200, alreadyApplied: true });
		return { ok: true, calls, result: { lightspeedSaleId: earlier.id, invoiceNumber, alreadyRecorded: true } };
	}
	const created = await transport({ method: 'POST', path, body, safeToRepeat: false });
	if (created.ok) {
		calls.push({ path, idempotencyKey: invoiceNumber, status: created.status });
		const sale = ((created.body ?? {}) as { data?: { id?: unknown; totals?: unknown } }).data;
		return { ok: true, calls, result: { lightspeedSaleId: typeof sale?.id === 'string' ? sale.id : null, invoiceNumber, alreadyRecorded: false, totals: (sale?.totals ?? null) as never } };
	}
	if (!outcomeUnknown(created)) return { ok: false, calls, failure: created };
	let landed: FoundSale | undefined;
	try {
		landed = await findSale(transport, invoiceNumber);
	} catch (error) {
		if (!(error instanceof PosCallFailedError)) throw error;
	}
	if (!landed) return { ok: false, calls, failure: { ...created, reason: `${created.reason}. No sale with invoice number ${invoiceNumber} was found afterwards; sending this item again looks for it first.` } };
	calls.push({ path, idempotencyKey: invoiceNumber, status: 200 });
	return { ok: true, calls, result: { lightspeedSaleId: landed.id, invoiceNumber, alreadyRecorded: false } };
}
