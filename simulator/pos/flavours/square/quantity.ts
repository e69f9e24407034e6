/** Square quantities are decimal strings with up to 5 digits after the point; kept here as integers ×100000. */
const SCALE = 100_000;

/** A positive (or, with `allowZero`, non-negative) decimal string → scaled integer; null when malformed. */
export function parseQuantity(text: unknown, allowZero = false): number | null {
	if (typeof text !== 'string' || !/^\d{1,12}(\.\d{1,5})?$/.test(text)) return null;
	const [whole, fraction = ''] = text.split('.');
	const scaled = Number(whole) * SCALE + Number(fraction.padEnd(5, '0'));
	return scaled > 0 || (allowZero && scaled === 0) ? scaled : null;
}

export function formatQuantity(scaled: number): string {
	const sign = scaled < 0 ? '-' : '';
	const absolute = Math.abs(scaled);
	const whole = Math.floor(absolute / SCALE);
	const fraction = String(absolute % SCALE).padStart(5, '0').replace(/0+$/, '');
	return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

export function toNumber(scaled: number): number {
	return scaled / SCALE;
}

export function fromNumber(quantity: number): number {
	return Math.round(quantity * SCALE);
}
