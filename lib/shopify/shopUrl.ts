import { InputError } from '../packageError';

/** The store address the credential was given, reduced to what the Admin API needs. */
export interface ShopAddress {
	/** `https://acme.myshopify.com`, or `http://127.0.0.1:PORT` for a local simulator or proxy. */
	origin: string;
	/** `acme.myshopify.com` or `127.0.0.1:PORT`: what Shopify sends in `X-Shopify-Shop-Domain`. */
	domain: string;
	/** A loopback address (simulator, proxy): plain http is kept, and HTTPS rules are not applied. */
	isLocal: boolean;
}

export class ShopAddressError extends InputError {
	constructor(message: string) {
		super(message, 'INVALID_SHOP_ADDRESS');
	}
}

const LOCAL_URL = /^(https?):\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d{1,5})?(\/.*)?$/i;
const STORE_HANDLE = /^[a-z0-9][a-z0-9-]*$/;
const ADMIN_URL = /^admin\.shopify\.com\/store\/([a-z0-9][a-z0-9-]*)/;

/**
 * Accepts `acme`, `acme.myshopify.com`, `https://acme.myshopify.com/admin/`, the admin's own address
 * `https://admin.shopify.com/store/acme/...`, and loopback URLs. Refuses a storefront domain: the Admin
 * API only answers on the myshopify.com name.
 */
export function normalizeShop(input: string): ShopAddress {
	const raw = (input ?? '').trim();
	if (raw === '') {
		throw new ShopAddressError(
			'Shop is empty. Enter your store\'s myshopify.com name, e.g. "my-store" or "my-store.myshopify.com".',
		);
	}

	const local = LOCAL_URL.exec(raw);
	if (local) {
		const [, protocol, host, port = ''] = local;
		const hostname = host.toLowerCase();
		return { origin: `${protocol.toLowerCase()}://${hostname}${port}`, domain: `${hostname}${port}`, isLocal: true };
	}

	const bare = raw
		.replace(/^[a-z]+:\/\//i, '')
		.replace(/[?#].*$/, '')
		.toLowerCase();
	const admin = ADMIN_URL.exec(bare);
	const host = admin ? `${admin[1]}.myshopify.com` : bare.split('/')[0].replace(/\.+$/, '').replace(/:443$/, '');

	if (!host.includes('.')) {
		if (!STORE_HANDLE.test(host)) {
			throw new ShopAddressError(
				`Shop "${raw}" is not a store name. Use the myshopify.com name from Shopify admin → Settings → Domains, e.g. "my-store.myshopify.com".`,
			);
		}
		return { origin: `https://${host}.myshopify.com`, domain: `${host}.myshopify.com`, isLocal: false };
	}

	if (host.endsWith('.myshopify.com')) {
		const handle = host.slice(0, -'.myshopify.com'.length);
		if (!STORE_HANDLE.test(handle)) {
			throw new ShopAddressError(
				`Shop "${raw}" is not a valid myshopify.com address. It looks like "my-store.myshopify.com".`,
			);
		}
		return { origin: `https://${host}`, domain: host, isLocal: false };
	}

	throw new ShopAddressError(
		`Shop "${raw}" looks like a storefront domain. The Admin API only answers on the store's myshopify.com address: ` +
			'find it in Shopify admin → Settings → Domains (e.g. "my-store.myshopify.com") and enter that instead.',
	);
}
