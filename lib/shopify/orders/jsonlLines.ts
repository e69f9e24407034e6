import { StringDecoder } from 'node:string_decoder';

/**
 * Splits a byte stream into text lines as the bytes arrive, so a multi-gigabyte JSONL file is never held
 * whole in memory. A UTF-8 character split across two chunks is decoded correctly.
 */
export async function* jsonlLines(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
	const decoder = new StringDecoder('utf8');
	let pending = '';
	for await (const chunk of chunks) {
		pending += typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
		let newline = pending.indexOf('\n');
		let start = 0;
		while (newline !== -1) {
			const line = pending.slice(start, newline).trim();
			if (line !== '') yield line;
			start = newline + 1;
			newline = pending.indexOf('\n', start);
		}
		pending = pending.slice(start);
	}
	pending += decoder.end();
	if (pending.trim() !== '') yield pending.trim();
}
