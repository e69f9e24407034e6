import { constantTimeEqual } from './constantTimeEqual';
import { decodeDigest, hmacDigest, type DigestEncoding, type HmacAlgorithm } from './hmacDigest';

export type SignedContent = 'body' | 'urlAndBody';

export interface GenericHmacScheme {
	/** The header that carries the signature (any case). */
	headerName: string;
	algorithm: HmacAlgorithm;
	encoding: DigestEncoding;
	/** Text before the digest in the header, e.g. `sha256=` (GitHub style); empty for none. */
	prefix: string;
	signedContent: SignedContent;
}

/**
 * A signature scheme described by its parts, for an in-house POS or a vendor without a preset. The digest's
 * length is checked before comparing, so a sha1 digest never passes for a sha256 scheme.
 */
export function isValidGenericHmac(
	scheme: GenericHmacScheme,
	rawBody: Buffer,
	header: string | undefined,
	secret: string,
	signedUrls: readonly string[],
): boolean {
	if (!secret || !header) return false;
	let value = header.trim();
	if (scheme.prefix) {
		if (!value.toLowerCase().startsWith(scheme.prefix.toLowerCase())) return false;
		value = value.slice(scheme.prefix.length);
	}
	const given = decodeDigest(value, scheme.encoding);
	if (!given) return false;
	const messages = scheme.signedContent === 'body' ? [[rawBody]] : signedUrls.filter((url) => url).map((url) => [url, rawBody]);
	let valid = false;
	for (const parts of messages) {
		const expected = hmacDigest(scheme.algorithm, secret, parts);
		if (given.length === expected.length && constantTimeEqual(given, expected)) valid = true;
	}
	return valid;
}
