import { randomBytes } from 'node:crypto';
import type { Clock } from '../store/clock';

interface TokenGrant {
	scopes: readonly string[];
	/** epoch ms; null = never expires (a custom-app `shpat_` token) */
	expiresAt: number | null;
}

/** Admin API tokens the simulated shop accepts: the app's permanent token plus client-credentials grants. */
export class TokenRegistry {
	private readonly grants = new Map<string, TokenGrant>();

	constructor(private readonly clock: Clock) {}

	addPermanent(token: string, scopes: readonly string[]): void {
		this.grants.set(token, { scopes, expiresAt: null });
	}

	issue(lifetimeSeconds: number, scopes: readonly string[]): string {
		const token = `shpat_${randomBytes(16).toString('hex')}`;
		this.grants.set(token, { scopes, expiresAt: this.clock() + lifetimeSeconds * 1000 });
		return token;
	}

	/** The grant behind a token, or null when unknown or expired. */
	check(token: string | undefined): TokenGrant | null {
		if (!token) return null;
		const grant = this.grants.get(token);
		if (!grant) return null;
		if (grant.expiresAt !== null && grant.expiresAt <= this.clock()) {
			this.grants.delete(token);
			return null;
		}
		return grant;
	}

	/** Invalidates every issued (client-credentials) token; permanent tokens survive, as on Shopify. */
	expireIssued(): number {
		let expired = 0;
		for (const [token, grant] of this.grants)
			if (grant.expiresAt !== null) {
				this.grants.delete(token);
				expired++;
			}
		return expired;
	}

	setScopes(scopes: readonly string[]): void {
		for (const grant of this.grants.values()) grant.scopes = scopes;
	}
}
