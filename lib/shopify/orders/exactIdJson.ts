/**
 * Shopify's REST-shaped webhook payloads carry numeric ids as JSON numbers, and ids above 2^53 lose digits in
 * JSON.parse (Shopify's example refund 890088186047892319 parses as …400). Refunds and order edits name their
 * lines only by such numbers, so they are read with every integer too large for a double kept as its digits.
 */
export function parseJsonWithExactIds(text: string): unknown {
	let out = '';
	let copiedUpTo = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (inString) {
			if (char === '\\') i++;
			else if (char === '"') inString = false;
			continue;
		}
		if (char === '"') {
			inString = true;
			continue;
		}
		if (char !== '-' && (char < '0' || char > '9')) continue;
		const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
		if (!match) continue;
		const token = match[0];
		if (match[1] === undefined && match[2] === undefined && !Number.isSafeInteger(Number(token))) {
			out += `${text.slice(copiedUpTo, i)}"${token}"`;
			copiedUpTo = i + token.length;
		}
		i += token.length - 1;
	}
	return JSON.parse(out + text.slice(copiedUpTo)) as unknown;
}

/** A Shopify id read by parseJsonWithExactIds as its decimal digits; null for anything that is not an id. */
export function exactIdText(value: unknown): string | null {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
	if (typeof value === 'string' && /^\d+$/.test(value)) return value;
	return null;
}
