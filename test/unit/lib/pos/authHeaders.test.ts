import { authHeader, credentialHeaders, parseFixedHeaders, secretHeaderNames, secretValues } from '../../../../lib/pos/authHeaders';
import { createRedactor, REDACTED } from '../../../../lib/http/redact';

describe('auth headers', () => {
	it('builds each auth type', () => {
		expect(authHeader({ baseUrl: 'x', authType: 'none' })).toEqual({});
		expect(authHeader({ baseUrl: 'x', authType: 'bearer', token: 'tok-123' })).toEqual({ Authorization: 'Bearer tok-123' });
		expect(authHeader({ baseUrl: 'x', authType: 'header', headerName: ' X-Api-Key ', apiKey: 'k-1' })).toEqual({ 'X-Api-Key': 'k-1' });
		expect(authHeader({ baseUrl: 'x', authType: 'basic', username: 'ann', password: 'pw' })).toEqual({
			Authorization: `Basic ${Buffer.from('ann:pw').toString('base64')}`,
		});
	});

	it('says which field is missing', () => {
		expect(() => authHeader({ baseUrl: 'x', authType: 'bearer' })).toThrow('Token field is empty');
		expect(() => authHeader({ baseUrl: 'x', authType: 'header', headerName: 'bad name', apiKey: 'k' })).toThrow('"bad name" is not a valid header name');
		expect(() => authHeader({ baseUrl: 'x', authType: 'basic' })).toThrow('User field is empty');
	});

	it('parses extra fixed headers and keeps auth last', () => {
		expect(parseFixedHeaders('Square-Version: 2025-10-16\n\n# comment\nUser-Agent: shop/1.0 (a:b)')).toEqual({
			'Square-Version': '2025-10-16',
			'User-Agent': 'shop/1.0 (a:b)',
		});
		expect(() => parseFixedHeaders('Square-Version 2025')).toThrow('line 1');
		expect(() => parseFixedHeaders('Host: evil')).toThrow('set by the HTTP client');
		expect(credentialHeaders({ baseUrl: 'x', authType: 'bearer', token: 'real', extraHeaders: 'Authorization: fake' })).toEqual({
			Authorization: 'Bearer real',
		});
	});
});

describe('redactor', () => {
	const credentials = { baseUrl: 'x', authType: 'basic' as const, username: 'owner', password: 'hunter2-pw' };
	const redactor = createRedactor(secretHeaderNames(credentials), secretValues(credentials));

	it('masks auth headers and secret values anywhere', () => {
		const request = redactor.request({
			method: 'POST',
			url: 'https://pos/x?pw=hunter2-pw',
			headers: { Authorization: 'Basic b3duZXI6aHVudGVyMi1wdw==', 'X-Other': 'keep' },
			body: '{"note":"hunter2-pw"}',
		});
		expect(request).toEqual({
			method: 'POST',
			url: `https://pos/x?pw=${REDACTED}`,
			headers: { Authorization: REDACTED, 'X-Other': 'keep' },
			body: `{"note":"${REDACTED}"}`,
		});
		expect(redactor.text(`echo ${Buffer.from('owner:hunter2-pw').toString('base64')}`)).toBe(`echo ${REDACTED}`);
	});

	it('masks a custom API key header by name', () => {
		const apiKey = { baseUrl: 'x', authType: 'header' as const, headerName: 'X-Api-Key', apiKey: 'k' };
		const masked = createRedactor(secretHeaderNames(apiKey), secretValues(apiKey)).headers({ 'x-api-key': 'k', accept: 'k' });
		expect(masked).toEqual({ 'x-api-key': REDACTED, accept: 'k' });
	});
});
