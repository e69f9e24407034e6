/**
 * n8n's date pickers give wall-clock times without an offset ("2026-11-20T00:00:00"), meant in the
 * workflow's time zone (Settings → Timezone), not the server's. This turns such a value into an instant;
 * a value that carries its own offset or `Z` is taken as it is.
 */
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/** Offset of `timeZone` from UTC at `instant`, in minutes (Europe/Berlin in winter: 60). */
function offsetMinutes(instant: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(instant));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

/** The instant (ISO UTC) a filter value means; the value itself when it is not a date (the caller reports it). */
export function instantInZone(value: string, timeZone: string | undefined): string {
	const text = value.trim();
	const match = WALL_CLOCK.exec(text);
	if (HAS_ZONE.test(text) || !match || !timeZone) return text;
	const [, year, month, day, hour = '0', minute = '0', second = '0', millis = '0'] = match;
	const wall = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, +millis.padEnd(3, '0'));
	try {
		// Two passes settle the offset around a daylight-saving change.
		let instant = wall - offsetMinutes(wall, timeZone) * 60000;
		instant = wall - offsetMinutes(instant, timeZone) * 60000;
		return new Date(instant).toISOString();
	} catch {
		return text;
	}
}
