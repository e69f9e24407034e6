import { callOrThrow, type PosJsonTransport } from '../inventory/posJsonTransport';

/**
 * Every page of a Square POST list call (`cursor` in the body and the answer), each read by `read`, in order.
 * Undefined when the list is still not at its end after `maxPages`: the caller says what that means.
 */
export async function allCursorPages<T>(
	transport: PosJsonTransport,
	path: string,
	bodyFor: (cursor: string | undefined) => Record<string, unknown>,
	read: (body: unknown) => { items: T[]; cursor?: string },
	maxPages: number,
): Promise<T[] | undefined> {
	const items: T[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < maxPages; page++) {
		const answer = read(await callOrThrow(transport, { method: 'POST', path, body: bodyFor(cursor), safeToRepeat: true }));
		items.push(...answer.items);
		if (!answer.cursor) return items;
		cursor = answer.cursor;
	}
	return undefined;
}
