import { callOrThrow, type PosJsonTransport } from '../inventory/posJsonTransport';

/**
 * The one cursor loop of the Square calls: each page of a POST list call (`cursor` in the body and the
 * answer), read by `read`, in order, at most `maxPages`. `complete` is false when the cap stopped it before
 * the list's end: the caller says what that means.
 */
export async function cursorPages<R extends { cursor?: string }>(
	transport: PosJsonTransport,
	path: string,
	bodyFor: (cursor: string | undefined) => Record<string, unknown>,
	read: (body: unknown) => R,
	maxPages: number,
): Promise<{ pages: R[]; complete: boolean }> {
	const pages: R[] = [];
	let cursor: string | undefined;
	while (pages.length < maxPages) {
		const answer = read(await callOrThrow(transport, { method: 'POST', path, body: bodyFor(cursor), safeToRepeat: true }));
		pages.push(answer);
		if (!answer.cursor) return { pages, complete: true };
		cursor = answer.cursor;
	}
	return { pages, complete: false };
}

/** Every item of every page; undefined when the list is still not at its end after `maxPages`. */
export async function allCursorPages<T>(
	transport: PosJsonTransport,
	path: string,
	bodyFor: (cursor: string | undefined) => Record<string, unknown>,
	read: (body: unknown) => { items: T[]; cursor?: string },
	maxPages: number,
): Promise<T[] | undefined> {
	const { pages, complete } = await cursorPages(transport, path, bodyFor, read, maxPages);
	return complete ? pages.flatMap((page) => page.items) : undefined;
}
