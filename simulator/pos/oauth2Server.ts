import { randomBytes } from 'node:crypto';

import type { Reply } from './routeContext';

/** The POS's OAuth2 application: what n8n's credential is given, and how tokens behave. */
export interface SimulatedOAuth2 {
	type: 'oauth2';
	clientId: string;
	clientSecret: string;
	/** How long an access token works (Square: 30 days; Lightspeed's example: 7 days; Clover: varies). */
	accessTokenTtlSeconds: number;
	/** A refresh issues a new refresh token and revokes the one used (Lightspeed X since 2025-03, Clover). */
	rotateRefreshTokens: boolean;
}

type Vendor = 'square' | 'lightspeedX' | 'clover' | 'loyverse';

/** Each vendor's sign-in and token paths, as its documentation gives them. */
const AUTHORIZE_PATHS: Record<string, Vendor> = {
	'/oauth2/authorize': 'square',
	'/connect': 'lightspeedX',
	'/oauth/v2/authorize': 'clover',
	'/oauth/authorize': 'loyverse',
};
const TOKEN_PATHS: Record<string, Vendor> = {
	'/oauth2/token': 'square',
	'/api/1.0/token': 'lightspeedX',
	'/oauth/v2/token': 'clover',
	'/oauth/token': 'loyverse',
};

export const SIMULATED_MERCHANT_ID = 'SIMMERCHANT01';
export const SIMULATED_DOMAIN_PREFIX = 'simstore';

const token = (prefix: string) => `${prefix}${randomBytes(18).toString('base64url')}`;

/** What the server did, for tests: every refresh, and every refresh it refused (and why). */
export interface OAuth2Log {
	codesIssued: number;
	refreshes: number;
	refusedRefreshes: Array<{ reason: string; at: number }>;
	refusedAccessTokens: number;
}

/**
 * Each vendor's OAuth2 authorization server as its documentation describes it: the authorize page (consent
 * given at once, the code sent back to the redirect URI with the state, Clover adding the merchant and
 * Lightspeed the domain prefix), the token endpoint for codes and refreshes (single-use codes that expire
 * after 5 minutes; access tokens that expire; refresh tokens that rotate and whose predecessor is revoked at
 * once when configured), and the check of every API call's bearer token.
 *
 * Token requests are taken form-encoded (what n8n's OAuth2 client sends) and as JSON (what Square and Clover
 * document). Whether Square and Clover accept form-encoded bodies is UNCONFIRMED: README "POS credentials".
 */
export class OAuth2Server {
	readonly log: OAuth2Log = { codesIssued: 0, refreshes: 0, refusedRefreshes: [], refusedAccessTokens: 0 };
	private readonly codes = new Map<string, { redirectUri: string; expiresAt: number }>();
	private readonly accessTokens = new Map<string, number>();
	private readonly refreshTokens = new Map<string, { revoked: boolean }>();
	/** While set, token requests wait until this many access tokens have been refused in all (see holdTokenRequests). */
	private holdUntilRefused: number | undefined;

	constructor(
		private readonly app: () => SimulatedOAuth2 | undefined,
		private readonly now: () => number,
	) {}

	/** The authorize or token endpoint's answer, or null when the request is not for them. */
	route(method: string, url: URL, body: Buffer, contentType: string | undefined): Reply | null {
		const app = this.app();
		if (!app) return null;
		if (method === 'GET' && AUTHORIZE_PATHS[url.pathname]) return this.authorize(app, AUTHORIZE_PATHS[url.pathname], url);
		if (method === 'POST' && TOKEN_PATHS[url.pathname]) return this.token(app, TOKEN_PATHS[url.pathname], readParameters(body, contentType));
		// Clover refreshes at its own address, with the client ID and no secret.
		if (method === 'POST' && url.pathname === '/oauth/v2/refresh') {
			const parameters = readParameters(body, contentType);
			if (parameters.client_id !== app.clientId) return { status: 401, body: { error: 'invalid_client' } };
			return this.refresh(app, 'clover', parameters.refresh_token ?? '');
		}
		return null;
	}

	/** True when the bearer token is one this server issued and it has not expired. */
	accepts(authorization: string | undefined): boolean {
		const bearer = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
		const expiresAt = bearer ? this.accessTokens.get(bearer) : undefined;
		if (expiresAt !== undefined && expiresAt > this.now()) return true;
		this.log.refusedAccessTokens++;
		return false;
	}

	/**
	 * Holds the token endpoint's answers until `refused` more API calls have been refused for an expired or
	 * unknown token (or 60 s have passed): a test's way to make several clients meet the expiry before any
	 * refresh is answered, whatever the machine's speed.
	 */
	holdTokenRequests(refused: number): void {
		this.holdUntilRefused = this.log.refusedAccessTokens + refused;
	}

	/** Resolves when a held token request may be answered. */
	async tokenRequestMayProceed(url: URL): Promise<void> {
		if (!TOKEN_PATHS[url.pathname] && url.pathname !== '/oauth/v2/refresh') return;
		const deadline = Date.now() + 60_000;
		while (this.holdUntilRefused !== undefined && this.log.refusedAccessTokens < this.holdUntilRefused && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		this.holdUntilRefused = undefined;
	}

	/** Ends every access token now (as if they had all reached their expiry). */
	expireAccessTokens(): void {
		for (const key of this.accessTokens.keys()) this.accessTokens.set(key, 0);
	}

	private authorize(app: SimulatedOAuth2, vendor: Vendor, url: URL): Reply {
		const redirectUri = url.searchParams.get('redirect_uri');
		if (url.searchParams.get('client_id') !== app.clientId || !redirectUri) {
			return { status: 400, body: { error: 'invalid_request', error_description: 'Unknown client_id or no redirect_uri.' } };
		}
		const code = token('code-');
		this.codes.set(code, { redirectUri, expiresAt: this.now() + 5 * 60_000 });
		this.log.codesIssued++;
		const target = new URL(redirectUri);
		target.searchParams.set('code', code);
		const state = url.searchParams.get('state');
		if (state !== null) target.searchParams.set('state', state);
		if (vendor === 'clover') target.searchParams.set('merchant_id', SIMULATED_MERCHANT_ID);
		if (vendor === 'lightspeedX') target.searchParams.set('domain_prefix', SIMULATED_DOMAIN_PREFIX);
		return { status: 302, body: {}, headers: { location: target.toString() } };
	}

	private token(app: SimulatedOAuth2, vendor: Vendor, parameters: Record<string, string>): Reply {
		if (parameters.client_id !== app.clientId || parameters.client_secret !== app.clientSecret) {
			return { status: 401, body: { error: 'invalid_client', error_description: 'Client ID or secret is wrong.' } };
		}
		if (parameters.grant_type === 'authorization_code') {
			const code = this.codes.get(parameters.code ?? '');
			this.codes.delete(parameters.code ?? '');
			if (!code || code.expiresAt <= this.now()) return invalidGrant('The authorization code is unknown, used or expired.');
			return this.issue(app, vendor, token('refresh-'));
		}
		// Clover documents refreshes only at /oauth/v2/refresh (whether its token address takes them too is UNCONFIRMED).
		if (parameters.grant_type === 'refresh_token' && vendor !== 'clover') return this.refresh(app, vendor, parameters.refresh_token ?? '');
		return { status: 400, body: { error: 'unsupported_grant_type' } };
	}

	private refresh(app: SimulatedOAuth2, vendor: Vendor, used: string): Reply {
		const known = this.refreshTokens.get(used);
		if (!known || known.revoked) {
			this.log.refusedRefreshes.push({ reason: known ? 'revoked refresh token' : 'unknown refresh token', at: this.now() });
			return invalidGrant('The refresh token is unknown or was revoked.');
		}
		this.log.refreshes++;
		if (!app.rotateRefreshTokens) return this.issue(app, vendor, used);
		known.revoked = true;
		return this.issue(app, vendor, token('refresh-'));
	}

	private issue(app: SimulatedOAuth2, vendor: Vendor, refreshToken: string): Reply {
		const accessToken = token('access-');
		const expiresAt = this.now() + app.accessTokenTtlSeconds * 1000;
		this.accessTokens.set(accessToken, expiresAt);
		this.refreshTokens.set(refreshToken, { revoked: false });
		const common = { access_token: accessToken, refresh_token: refreshToken };
		switch (vendor) {
			// Square answers `expires_at` (ISO), not `expires_in`.
			case 'square':
				return { status: 200, body: { ...common, token_type: 'bearer', expires_at: new Date(expiresAt).toISOString(), merchant_id: SIMULATED_MERCHANT_ID } };
			case 'lightspeedX':
				return { status: 200, body: { ...common, token_type: 'Bearer', expires: Math.floor(expiresAt / 1000), expires_in: app.accessTokenTtlSeconds, domain_prefix: SIMULATED_DOMAIN_PREFIX } };
			case 'clover':
				return { status: 200, body: { ...common, access_token_expiration: Math.floor(expiresAt / 1000), refresh_token_expiration: Math.floor(expiresAt / 1000) + 365 * 86_400 } };
			case 'loyverse':
				return { status: 200, body: { ...common, token_type: 'Bearer', expires_in: app.accessTokenTtlSeconds } };
		}
	}
}

function invalidGrant(description: string): Reply {
	return { status: 400, body: { error: 'invalid_grant', error_description: description } };
}

/** A token request's parameters, form-encoded or JSON. */
function readParameters(body: Buffer, contentType: string | undefined): Record<string, string> {
	const text = body.toString('utf8');
	if ((contentType ?? '').includes('application/json')) {
		try {
			const parsed = JSON.parse(text) as Record<string, unknown>;
			return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
		} catch {
			return {};
		}
	}
	return Object.fromEntries(new URLSearchParams(text));
}
