import { InputError } from '../packageError';

/**
 * The `posApi` credential as lib/ sees it: where the POS lives, how it authenticates, and the fixed headers
 * some vendors require on every call (Square-Version, a User-Agent for Lightspeed X).
 */
export type PosAuthType = 'none' | 'bearer' | 'header' | 'basic' | 'oauth2';

export interface PosCredentials {
	baseUrl: string;
	authType: PosAuthType;
	/** bearer */
	token?: string;
	/** header: the header's name (e.g. `X-Api-Key`) and its value. */
	headerName?: string;
	apiKey?: string;
	/** basic */
	username?: string;
	password?: string;
	/** `Name: value`, one a line. */
	extraHeaders?: string;
	/** oauth2 (the `posOAuth2Api` credential): n8n's request helper signs each request; these are its tokens and client secret, to scrub from output. */
	oauthSecrets?: string[];
}

export class PosCredentialError extends InputError {
	constructor(message: string) {
		super(message, 'INVALID_POS_CREDENTIAL');
	}
}
