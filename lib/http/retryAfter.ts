/**
 * `Retry-After` is either delay-seconds (`120`; Shopify sends `2.0`) or an HTTP date (`Wed, 21 Oct 2026
 * 07:28:00 GMT`, RFC 9110 §10.2.3; Lightspeed X sends the date form). Returns milliseconds from `nowMs`,
 * rounded up (never sooner than asked) and never negative; undefined when the header is absent or
 * unreadable (the caller's own backoff applies then).
 */
export function retryAfterMs(value: string | undefined, nowMs: number): number | undefined {
	if (value === undefined) return undefined;
	const text = value.trim();
	if (text === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
	// Only date-shaped text: Date.parse accepts bare numbers and other oddities as dates.
	if (!/[A-Za-z]/.test(text)) return undefined;
	const at = Date.parse(text);
	if (Number.isNaN(at)) return undefined;
	return Math.max(0, at - nowMs);
}
