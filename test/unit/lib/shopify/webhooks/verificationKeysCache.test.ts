import { RELOAD_AFTER_REJECTION_INTERVAL_MS, VERIFICATION_KEYS_TTL_MS, VerificationKeysCache, type VerificationKeys } from '../../../../../lib/shopify/webhooks/verificationKeysCache';

/** A credential store whose loads are counted, and whose secret can be rotated. */
function credentialStore(secret = 'first') {
	const store = { secret, loads: 0, fail: false };
	const load = async (): Promise<VerificationKeys> => {
		store.loads++;
		await new Promise((resolve) => setImmediate(resolve));
		if (store.fail) throw new Error('Credential with ID "c1" does not exist for type "shopifyAdminApi".');
		return { shop: 'acme.myshopify.com', secret: store.secret };
	};
	return { store, load };
}

describe('VerificationKeysCache', () => {
	const t0 = 1_800_000_000_000;

	it('loads once, then answers from memory until the time to live has passed', async () => {
		const cache = new VerificationKeysCache();
		const { store, load } = credentialStore();
		expect(await cache.lookup('c1', load, t0)).toEqual({ keys: { shop: 'acme.myshopify.com', secret: 'first' }, fresh: true });
		expect(await cache.lookup('c1', load, t0 + VERIFICATION_KEYS_TTL_MS - 1)).toMatchObject({ fresh: false });
		expect(store.loads).toBe(1);
		store.secret = 'second';
		expect(await cache.lookup('c1', load, t0 + VERIFICATION_KEYS_TTL_MS)).toEqual({ keys: { shop: 'acme.myshopify.com', secret: 'second' }, fresh: true });
		expect(store.loads).toBe(2);
	});

	it('keeps credentials apart by id', async () => {
		const cache = new VerificationKeysCache();
		const a = credentialStore('a');
		const b = credentialStore('b');
		expect((await cache.lookup('a', a.load, t0)).keys.secret).toBe('a');
		expect((await cache.lookup('b', b.load, t0)).keys.secret).toBe('b');
		expect((await cache.lookup('a', a.load, t0 + 1)).keys.secret).toBe('a');
	});

	it('shares one load among simultaneous lookups', async () => {
		const cache = new VerificationKeysCache();
		const { store, load } = credentialStore();
		const lookups = await Promise.all(Array.from({ length: 20 }, async () => await cache.lookup('c1', load, t0)));
		expect(store.loads).toBe(1);
		expect(new Set(lookups.map((lookup) => lookup.keys.secret))).toEqual(new Set(['first']));
	});

	it('does not remember a failed load', async () => {
		const cache = new VerificationKeysCache();
		const { store, load } = credentialStore();
		store.fail = true;
		await expect(cache.lookup('c1', load, t0)).rejects.toThrow('does not exist');
		store.fail = false;
		expect(await cache.lookup('c1', load, t0 + 1)).toMatchObject({ fresh: true, keys: { secret: 'first' } });
		expect(store.loads).toBe(2);
	});

	it('reloads after a rejection, but at most once per interval however many rejections come', async () => {
		const cache = new VerificationKeysCache();
		const { store, load } = credentialStore();
		await cache.lookup('c1', load, t0);
		store.secret = 'rotated';
		expect(await cache.reloadAfterRejection('c1', load, t0 + RELOAD_AFTER_REJECTION_INTERVAL_MS - 1)).toBeUndefined();
		expect(await cache.reloadAfterRejection('c1', load, t0 + RELOAD_AFTER_REJECTION_INTERVAL_MS)).toEqual({ shop: 'acme.myshopify.com', secret: 'rotated' });
		for (let i = 0; i < 100; i++) await cache.reloadAfterRejection('c1', load, t0 + RELOAD_AFTER_REJECTION_INTERVAL_MS + i);
		expect(store.loads).toBe(2);
		expect(await cache.lookup('c1', load, t0 + RELOAD_AFTER_REJECTION_INTERVAL_MS + 200)).toEqual({ keys: { shop: 'acme.myshopify.com', secret: 'rotated' }, fresh: false });
	});

	it('treats an entry from the future (clock set back) as stale', async () => {
		const cache = new VerificationKeysCache();
		const { store, load } = credentialStore();
		await cache.lookup('c1', load, t0);
		expect(await cache.lookup('c1', load, t0 - 1000)).toMatchObject({ fresh: true });
		expect(store.loads).toBe(2);
	});
});
