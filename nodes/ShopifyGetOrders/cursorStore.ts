import type { IDataObject } from 'n8n-workflow';
import { readCursor, type ChangeCursor } from '../../lib/shopify/orders/changeCursor';

/**
 * Change cursors in the node's workflow static data, one per filter set (the search text), so two items
 * asking for different orders keep separate positions. n8n saves static data with the workflow after
 * the execution, so the position only moves when this node finished its work.
 */
export function loadCursor(staticData: IDataObject, key: string): ChangeCursor | undefined {
	const cursors = staticData.orderCursors as IDataObject | undefined;
	return readCursor(cursors?.[key]);
}

export function saveCursor(staticData: IDataObject, key: string, cursor: ChangeCursor | undefined): void {
	if (!cursor) return;
	const cursors = (staticData.orderCursors as IDataObject | undefined) ?? {};
	cursors[key] = { since: cursor.since, seen: cursor.seen };
	staticData.orderCursors = cursors;
}

export function forgetCursor(staticData: IDataObject, key: string): void {
	const cursors = staticData.orderCursors as IDataObject | undefined;
	if (cursors) delete cursors[key];
}
