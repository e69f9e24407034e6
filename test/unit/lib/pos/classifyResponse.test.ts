import { checkBodyPatterns, classifyResponse, NO_DUPLICATES, posErrorMessage } from '../../../../lib/pos/classifyResponse';
import { findExisting } from '../../../../lib/pos/lookup';
import { parseStatusList } from '../../../../lib/pos/retryPolicy';

const response = (status: number, body: unknown) => ({ status, headers: {}, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('classifyResponse', () => {
	const duplicate = { statuses: parseStatusList('409'), bodyPatterns: ['already exists', '/DUPLICATE_\\w+/'] };

	it('treats 2xx as success and configured statuses or body patterns as duplicate', () => {
		expect(classifyResponse(response(201, {}), duplicate)).toBe('success');
		expect(classifyResponse(response(409, {}), duplicate)).toBe('duplicate');
		expect(classifyResponse(response(400, { message: 'Order Already Exists' }), duplicate)).toBe('duplicate');
		expect(classifyResponse(response(400, { code: 'DUPLICATE_ORDER' }), duplicate)).toBe('duplicate');
		expect(classifyResponse(response(400, { message: 'bad quantity' }), duplicate)).toBe('error');
		expect(classifyResponse(response(409, {}), NO_DUPLICATES)).toBe('error');
	});

	it('rejects a broken regex with its text', () => {
		expect(() => checkBodyPatterns(['/([/'])).toThrow('/([/');
	});
});

describe('posErrorMessage', () => {
	it('reads Square, message and plain-text shapes', () => {
		expect(posErrorMessage(response(400, { errors: [{ category: 'INVALID_REQUEST_ERROR', code: 'MISSING_REQUIRED_PARAMETER', detail: 'Field must be set', field: 'order.location_id' }] }))).toBe(
			'MISSING_REQUIRED_PARAMETER: Field must be set',
		);
		expect(posErrorMessage(response(422, { message: 'SKU unknown' }))).toBe('SKU unknown');
		expect(posErrorMessage(response(500, 'Internal Server Error'))).toBe('Internal Server Error');
		expect(posErrorMessage(response(502, ''))).toBe('HTTP 502 with an empty body');
	});
});

describe('findExisting', () => {
	it('finds a record in a list, by field when asked', () => {
		const body = { elements: [{ id: 'A', externalReferenceId: 'shopify-1' }, { id: 'B', externalReferenceId: 'shopify-2' }] };
		expect(findExisting(response(200, body), { resultPath: 'elements', matchField: 'externalReferenceId', matchValue: 'shopify-2' })).toEqual({
			found: true,
			record: body.elements[1],
		});
		expect(findExisting(response(200, body), { resultPath: 'elements', matchField: 'externalReferenceId', matchValue: 'shopify-3' })).toEqual({ found: false });
		expect(findExisting(response(200, { elements: [] }), { resultPath: 'elements', matchField: '', matchValue: '' })).toEqual({ found: false });
		expect(findExisting(response(200, [{ id: 1 }]), { resultPath: '', matchField: '', matchValue: '' })).toEqual({ found: true, record: { id: 1 } });
	});

	it('reads 404 as absent and complains about non-JSON', () => {
		expect(findExisting(response(404, 'nope'), { resultPath: '', matchField: '', matchValue: '' })).toEqual({ found: false });
		expect(() => findExisting(response(200, '<html>'), { resultPath: '', matchField: '', matchValue: '' })).toThrow('not JSON');
	});
});
