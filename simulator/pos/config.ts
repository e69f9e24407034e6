import type { SimulatedOAuth2 } from './oauth2Server';

/** How the simulated POS authenticates callers: the four ways a real POS API does. */
export type SimulatedAuth =
	| { type: 'none' }
	| { type: 'bearer'; token: string }
	| { type: 'header'; name: string; value: string }
	| { type: 'basic'; username: string; password: string }
	| SimulatedOAuth2;

/**
 * Idempotency of the generic REST POS: a key in a header or at a body path, or none. On a repeated key,
 * `replay` answers the stored response (Stripe-style Idempotency-Key), `conflict` answers 409 "already
 * exists" (Toast-style unique externalId).
 */
export type SimulatedIdempotency =
	| { in: 'header'; name: string; onRepeat: 'replay' | 'conflict' }
	| { in: 'body'; path: string; onRepeat: 'replay' | 'conflict' }
	| { in: 'none' };

export interface PosSimulatorConfig {
	auth: SimulatedAuth;
	idempotency: SimulatedIdempotency;
	/** Requests per second before answering 429 (0 = unlimited); Lightspeed X answers with an HTTP-date Retry-After. */
	rateLimitPerSecond: number;
	/** Square checks `Square-Version` when set here. */
	squareVersion: string | null;
}

export const DEFAULT_CONFIG: PosSimulatorConfig = {
	auth: { type: 'none' },
	idempotency: { in: 'header', name: 'Idempotency-Key', onRepeat: 'replay' },
	rateLimitPerSecond: 0,
	squareVersion: null,
};
