import { normalizeShop, ShopAddressError } from '../../../../lib/shopify/shopUrl';

describe('normalizeShop', () => {
	it.each([
		['acme', 'https://acme.myshopify.com', 'acme.myshopify.com'],
		['  Acme  ', 'https://acme.myshopify.com', 'acme.myshopify.com'],
		['acme.myshopify.com', 'https://acme.myshopify.com', 'acme.myshopify.com'],
		['ACME.MYSHOPIFY.COM', 'https://acme.myshopify.com', 'acme.myshopify.com'],
		['https://acme.myshopify.com', 'https://acme.myshopify.com', 'acme.myshopify.com'],
		['https://acme.myshopify.com/', 'https://acme.myshopify.com', 'acme.myshopify.com'],
		['https://acme.myshopify.com/admin', 'https://acme.myshopify.com', 'acme.myshopify.com'],
		['https://acme.myshopify.com/admin/', 'https://acme.myshopify.com', 'acme.myshopify.com'],
		['http://acme.myshopify.com/admin/orders?x=1', 'https://acme.myshopify.com', 'acme.myshopify.com'],
		['acme.myshopify.com.', 'https://acme.myshopify.com', 'acme.myshopify.com'],
		['my-store-2', 'https://my-store-2.myshopify.com', 'my-store-2.myshopify.com'],
		['https://admin.shopify.com/store/acme/orders', 'https://acme.myshopify.com', 'acme.myshopify.com'],
		['http://127.0.0.1:4321', 'http://127.0.0.1:4321', '127.0.0.1:4321'],
		['http://127.0.0.1:4321/', 'http://127.0.0.1:4321', '127.0.0.1:4321'],
		['http://localhost:8080/admin', 'http://localhost:8080', 'localhost:8080'],
		['HTTP://LOCALHOST:8080', 'http://localhost:8080', 'localhost:8080'],
	])('%s → %s', (input, origin, domain) => {
		const address = normalizeShop(input);
		expect(address.origin).toBe(origin);
		expect(address.domain).toBe(domain);
		expect(address.isLocal).toBe(origin.startsWith('http://'));
	});

	it.each([
		['www.acme.com', /storefront domain.*myshopify\.com/],
		['https://shop.acme.co.uk/', /storefront domain.*Settings → Domains/],
		['', /Shop is empty/],
		['   ', /Shop is empty/],
		['acme store', /not a store name/],
		['-acme.myshopify.com', /not a valid myshopify\.com address/],
	])('refuses %j with advice', (input, message) => {
		expect(() => normalizeShop(input)).toThrow(ShopAddressError);
		expect(() => normalizeShop(input)).toThrow(message);
	});
});
