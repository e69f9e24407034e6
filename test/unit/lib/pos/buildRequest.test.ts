import { buildPosRequest, posUrl } from '../../../../lib/pos/buildRequest';

describe('posUrl', () => {
	it('joins base URL, path and query', () => {
		expect(posUrl('https://pos.example/api/', '/orders', { a: '1' })).toBe('https://pos.example/api/orders?a=1');
		expect(posUrl('https://pos.example', 'v2/orders?x=1&y=2', { z: 'a b' })).toBe('https://pos.example/v2/orders?x=1&y=2&z=a+b');
		expect(posUrl('http://127.0.0.1:8080/base', '', {})).toBe('http://127.0.0.1:8080/base');
	});

	it('refuses a full URL in the path (the secret would go to another host)', () => {
		expect(() => posUrl('https://pos.example', 'https://evil.example/x')).toThrow('relative');
		expect(() => posUrl('https://pos.example', '//evil.example/x')).toThrow('relative');
		expect(() => posUrl('pos.example', '/x')).toThrow('Base URL');
	});
});

describe('buildPosRequest', () => {
	it('adds credential headers over user headers and serialises the body', () => {
		const request = buildPosRequest(
			{ baseUrl: 'https://pos.example', authType: 'bearer', token: 't', extraHeaders: 'Square-Version: 2025-10-16' },
			{ method: 'POST', path: '/v2/orders', headers: { authorization: 'user-set', 'X-Trace': '1' }, body: { a: 1 } },
		);
		expect(request).toEqual({
			method: 'POST',
			url: 'https://pos.example/v2/orders',
			headers: { Accept: 'application/json', 'X-Trace': '1', 'Square-Version': '2025-10-16', Authorization: 'Bearer t', 'Content-Type': 'application/json' },
			body: '{"a":1}',
			timeoutMs: undefined,
		});
	});
});
