/** What a delivery is checked against: the credential's shop and the secret its signature is made with. */
export interface VerificationKeys {
	shop: string;
	secret: string;
}

export interface VerificationKeysLookup<Keys = VerificationKeys> {
	keys: Keys;
	/** Loaded for this lookup (not remembered): a rejection with these keys is final. */
	fresh: boolean;
}

/**
 * Keys are reused for a minute: loading a credential in n8n 2.x builds an expression isolate (~35 ms of CPU),
 * which would otherwise be paid by every delivery. A credential edited meanwhile is picked up at the latest
 * after this time, and at once when a delivery fails with the remembered keys (see `reloadAfterRejection`).
 */
export const VERIFICATION_KEYS_TTL_MS = 60_000;

/** Rejected deliveries reload the keys at most this often, so a flood of forgeries cannot force a load each. */
export const RELOAD_AFTER_REJECTION_INTERVAL_MS = 1_000;

interface Entry<Keys> {
	keys: Keys;
	loadedAtMs: number;
}

/**
 * The verification keys of each credential (by n8n credential id), remembered for a short time in this process.
 * Concurrent lookups of one credential share one load; a failed load is not remembered. `Keys` is what a
 * trigger verifies with: the Shopify shop and secret by default, a POS webhook secret for the POS Trigger.
 */
export class VerificationKeysCache<Keys = VerificationKeys> {
	private readonly entries = new Map<string, Entry<Keys>>();
	private readonly loading = new Map<string, Promise<Keys>>();

	constructor(
		private readonly ttlMs = VERIFICATION_KEYS_TTL_MS,
		private readonly reloadIntervalMs = RELOAD_AFTER_REJECTION_INTERVAL_MS,
	) {}

	async lookup(credentialId: string, load: () => Promise<Keys>, nowMs: number): Promise<VerificationKeysLookup<Keys>> {
		const entry = this.loadedWithin(credentialId, this.ttlMs, nowMs);
		if (entry) return { keys: entry.keys, fresh: false };
		return { keys: await this.load(credentialId, load, nowMs), fresh: true };
	}

	/**
	 * After remembered keys rejected a delivery: the credential may have been edited (a rotated secret, another
	 * shop), so load it again, unless it was loaded moments ago. Undefined when no new load was made.
	 */
	async reloadAfterRejection(credentialId: string, load: () => Promise<Keys>, nowMs: number): Promise<Keys | undefined> {
		if (this.loadedWithin(credentialId, this.reloadIntervalMs, nowMs)) return undefined;
		return await this.load(credentialId, load, nowMs);
	}

	/** The entry when it was loaded less than `windowMs` ago (an entry from the future, clock set back, is not). */
	private loadedWithin(credentialId: string, windowMs: number, nowMs: number): Entry<Keys> | undefined {
		const entry = this.entries.get(credentialId);
		return entry && nowMs >= entry.loadedAtMs && nowMs - entry.loadedAtMs < windowMs ? entry : undefined;
	}

	private async load(credentialId: string, load: () => Promise<Keys>, nowMs: number): Promise<Keys> {
		const inFlight = this.loading.get(credentialId);
		if (inFlight) return await inFlight;
		const loaded = load().then(
			(keys) => {
				this.entries.set(credentialId, { keys, loadedAtMs: nowMs });
				return keys;
			},
			(error: unknown) => {
				this.entries.delete(credentialId);
				throw error;
			},
		);
		this.loading.set(credentialId, loaded);
		try {
			return await loaded;
		} finally {
			this.loading.delete(credentialId);
		}
	}
}
