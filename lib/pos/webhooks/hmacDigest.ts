import { createHmac } from 'node:crypto';

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512';
export type DigestEncoding = 'hex' | 'base64';

/** HMAC over the parts in order, as one message (Square and some generic senders sign URL + body). */
export function hmacDigest(algorithm: HmacAlgorithm, key: string, parts: ReadonlyArray<string | Buffer>): Buffer {
	const hmac = createHmac(algorithm, key);
	for (const part of parts) hmac.update(part);
	return hmac.digest();
}

const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/**
 * The digest a header claims, decoded; undefined when the text is not that encoding. Hex is read in either
 * case; base64 in its standard or URL-safe alphabet (senders differ), with or without padding.
 */
export function decodeDigest(text: string, encoding: DigestEncoding): Buffer | undefined {
	const value = text.trim();
	if (value === '') return undefined;
	if (encoding === 'hex') return HEX.test(value) && value.length % 2 === 0 ? Buffer.from(value, 'hex') : undefined;
	if (BASE64.test(value)) return Buffer.from(value, 'base64');
	if (BASE64URL.test(value)) return Buffer.from(value, 'base64url');
	return undefined;
}
