/**
 * A value inside parsed JSON by a dotted path: `id`, `event.id`, `data.items[0].id` (also `data.items.0.id`).
 * Undefined when any step is missing. No wildcards or filters: an event id is one value.
 */
export function valueAtPath(root: unknown, path: string): unknown {
	const steps = path
		.trim()
		.replace(/^\$\.?/, '')
		.replace(/\[(\d+)\]/g, '.$1')
		.split('.')
		.filter((step) => step !== '');
	let value = root;
	for (const step of steps) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as Record<string, unknown>)[step];
	}
	return steps.length === 0 ? undefined : value;
}

/** A path's value as an id: a non-empty string, or a finite number as text; else undefined. */
export function idAtPath(root: unknown, path: string): string | undefined {
	const value = valueAtPath(root, path);
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}
