import { VerificationAlarm } from '../../../../../lib/shopify/webhooks/verificationAlarm';

describe('VerificationAlarm', () => {
	it('raises once per interval and scope', () => {
		const alarm = new VerificationAlarm(10_000);
		expect([0, 1, 9_999].map((ms) => alarm.shouldRaise('wf-1', ms))).toEqual([true, false, false]);
		expect(alarm.shouldRaise('wf-2', 5)).toBe(true);
		expect(alarm.shouldRaise('wf-1', 10_000)).toBe(true);
		expect(alarm.shouldRaise('wf-1', 10_001)).toBe(false);
	});

	it('raises again when the clock was set back', () => {
		const alarm = new VerificationAlarm(10_000);
		expect(alarm.shouldRaise('wf', 50_000)).toBe(true);
		expect(alarm.shouldRaise('wf', 40_000)).toBe(true);
	});
});
