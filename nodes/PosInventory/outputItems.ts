import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { buildPosRequest } from '../../lib/pos/buildRequest';
import type { PosFailure } from '../../lib/pos/inventory/inventoryVendor';
import type { PosConnection } from './posInventoryTransport';

/** Where an item leaves: 0 = done, 1 = "Failed / Not Mapped". */
export type Routed = { output: 0 | 1; item: INodeExecutionData };

export function done(json: IDataObject, itemIndex: number): Routed {
	return { output: 0, item: { json, pairedItem: { item: itemIndex } } };
}

/**
 * A "Failed / Not Mapped" item: the reason in the shop owner's words, and (after a POS call) the request
 * as sent, secrets removed, so a retry table can keep it. Sending the item again is safe: its keys come
 * from Shopify's ids.
 */
export function failed(pos: PosConnection | undefined, outcome: 'notMapped' | 'failed' | 'orderNotUpdated', error: string, extra: IDataObject, itemIndex: number, failure?: PosFailure): Routed {
	const redact = (text: string) => (pos ? pos.redactor.text(text) : text);
	let request: IDataObject | null = null;
	if (failure && pos) {
		const built = buildPosRequest(pos.credentials, { method: failure.call.method, path: failure.call.path, query: failure.call.query, body: failure.call.body });
		const safe = pos.redactor.request(built);
		request = { method: safe.method, url: safe.url, headers: safe.headers, body: safe.body === undefined ? null : (JSON.parse(safe.body) as IDataObject) };
	}
	const json: IDataObject = {
		outcome,
		error: redact(error),
		...extra,
		request,
		response: failure ? { statusCode: failure.status, body: failure.body as IDataObject } : null,
	};
	return { output: 1, item: { json, pairedItem: { item: itemIndex } } };
}

export function splitOutputs(routed: Routed[]): INodeExecutionData[][] {
	return [routed.filter((entry) => entry.output === 0).map((entry) => entry.item), routed.filter((entry) => entry.output === 1).map((entry) => entry.item)];
}
