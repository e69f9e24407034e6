import { firstRunStart } from '../../../../../lib/pos/inventory/changeCursor';

const NOW = '2026-12-06T12:00:00.000Z';

describe('firstRunStart: where a first Get Stock Changes run starts without First Run From', () => {
	it('is now for a run no POS event started (a schedule, a manual run, any other item)', () => {
		expect(firstRunStart([], NOW)).toBe(NOW);
		expect(firstRunStart([{}], NOW)).toBe(NOW);
		// A Shopify order change, or an item that only looks like an event: not a POS Trigger event.
		expect(firstRunStart([{ occurredAt: '2026-12-06T11:00:00.000Z', orderId: 'gid://shopify/Order/1' }], NOW)).toBe(NOW);
		expect(firstRunStart([{ vendor: 'shopify', eventId: 'e', occurredAt: '2026-12-06T11:00:00.000Z' }], NOW)).toBe(NOW);
	});

	it("is the earliest time the POS Trigger's events name, 5 s earlier, so the change that sent the first one is read", () => {
		const events = [
			{ vendor: 'square', eventId: 'e2', occurredAt: '2026-12-06T11:59:58.000Z', stockLevels: [{ calculatedAt: '2026-12-06T11:59:57.400Z' }] },
			{ vendor: 'loyverse', eventId: 'e1', occurredAt: '2026-12-06T11:59:59.000Z', stockLevels: [] },
		];
		expect(firstRunStart(events, NOW)).toBe('2026-12-06T11:59:52.400Z');
	});

	it('is never later than now, and ignores times it cannot read', () => {
		expect(firstRunStart([{ vendor: 'clover', eventId: 'e', occurredAt: '2026-12-06T12:05:00.000Z' }], NOW)).toBe(NOW);
		expect(firstRunStart([{ vendor: 'generic', eventId: 'e', occurredAt: 'yesterday', stockLevels: [{ calculatedAt: null }, null] }], NOW)).toBe(NOW);
	});
});
