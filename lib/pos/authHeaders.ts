import { PosCredentialError, type PosCredentials } from './credentials';

/** Header names a browser or proxy treats as hop-by-hop or that the HTTP client must own. */
const RESERVED_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

/**
 * Parses the credential's extra fixed headers: `Name: value`, one a line; blank lines and `#` comments skipped.
 * Throws a message that names the bad line, because a shop owner pasted it and must find it.
 */
export function parseFixedHeaders(text: string | undefined): Record<string, string> {
	const headers: Record<string, string> = {};
	const lines = (text ?? '').split(/\r?\n/);
	lines.forEach((raw, index) => {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) return;
		const colon = line.indexOf(':');
		const name = colon > 0 ? line.slice(0, colon).trim() : '';
		if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
			throw new PosCredentialError(
				`Extra header line ${index + 1} ("${line.slice(0, 40)}") is not "Name: value". Write one header a line, e.g. "Square-Version: 2025-10-16".`,
			);
		}
		if (RESERVED_HEADERS.has(name.toLowerCase())) {
			throw new PosCredentialError(`Extra header "${name}" is set by the HTTP client itself; remove it from the credential.`);
		}
		headers[name] = line.slice(colon + 1).trim();
	});
	return headers;
}

/** The authentication header for the credential's auth type (none → no header). */
export function authHeader(credentials: PosCredentials): Record<string, string> {
	switch (credentials.authType) {
		case 'none':
		// n8n's OAuth2 request helper adds the bearer token (and refreshes it).
		case 'oauth2':
			return {};
		case 'bearer':
			if (!credentials.token) throw new PosCredentialError('The POS API credential uses a bearer token, but the Token field is empty.');
			return { Authorization: `Bearer ${credentials.token}` };
		case 'header': {
			const name = (credentials.headerName ?? '').trim();
			if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
				throw new PosCredentialError(`The POS API credential's Header Name "${name}" is not a valid header name (e.g. X-Api-Key).`);
			}
			if (!credentials.apiKey) throw new PosCredentialError(`The POS API credential sends an API key in "${name}", but the API Key field is empty.`);
			return { [name]: credentials.apiKey };
		}
		case 'basic': {
			if (!credentials.username) throw new PosCredentialError('The POS API credential uses basic auth, but the User field is empty.');
			const pair = `${credentials.username}:${credentials.password ?? ''}`;
			return { Authorization: `Basic ${Buffer.from(pair, 'utf8').toString('base64')}` };
		}
		default:
			throw new PosCredentialError(`The POS API credential's authentication "${String(credentials.authType)}" is unknown; pick None, Bearer Token, API Key Header or Basic Auth.`);
	}
}

/** Every header the credential adds to a request: fixed headers first, auth last so it cannot be overridden. */
export function credentialHeaders(credentials: PosCredentials): Record<string, string> {
	return { ...parseFixedHeaders(credentials.extraHeaders), ...authHeader(credentials) };
}

/** Names of headers that carry a secret, lower-cased, for redaction. */
export function secretHeaderNames(credentials: PosCredentials): string[] {
	const names = ['authorization', 'proxy-authorization', 'cookie'];
	if (credentials.authType === 'header' && credentials.headerName) names.push(credentials.headerName.trim().toLowerCase());
	return names;
}

/** The secret strings themselves, including encoded forms, so they can be scrubbed from any text. */
export function secretValues(credentials: PosCredentials): string[] {
	const values: string[] = [];
	if (credentials.authType === 'bearer' && credentials.token) values.push(credentials.token);
	if (credentials.authType === 'header' && credentials.apiKey) values.push(credentials.apiKey);
	if (credentials.authType === 'oauth2') values.push(...(credentials.oauthSecrets ?? []));
	if (credentials.authType === 'basic') {
		if (credentials.password) values.push(credentials.password);
		if (credentials.username) values.push(Buffer.from(`${credentials.username}:${credentials.password ?? ''}`, 'utf8').toString('base64'));
	}
	// Short values would scrub innocent text (a 3-character "key" matches everywhere); they are still masked in headers.
	return values.filter((value) => value.length >= 4);
}
