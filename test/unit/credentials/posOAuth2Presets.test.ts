import { PosOAuth2Api } from '../../../credentials/PosOAuth2Api.credentials';

// The hidden fields' expressions, evaluated on what the user chose ($self) as JavaScript, the language of n8n's
// expressions. That n8n's own expression engine resolves them the same way is checked in real n8n
// (test/e2e/posOAuth2.test.ts, which signs in through these addresses).
const credential = new PosOAuth2Api();

function resolved(field: string, self: Record<string, string>): string {
	const property = credential.properties.find((candidate) => candidate.name === field);
	const text = String(property?.default ?? '');
	const inner = /^=\{\{ ([\s\S]*) \}\}$/.exec(text)?.[1];
	if (!inner) throw new Error(`${field} is not an expression: ${text}`);
	return new Function('$self', `return ${inner};`)(self) as string;
}

const fields = (self: Record<string, string>) =>
	Object.fromEntries(['authUrl', 'accessTokenUrl', 'baseUrl', 'scope', 'vendorHeaders', 'testPath'].map((field) => [field, resolved(field, self)]));

describe('POS OAuth2 credential presets', () => {
	it('Square: production and sandbox addresses, each scope on its own, the Square-Version header', () => {
		expect(fields({ vendor: 'square', environment: 'production' })).toEqual({
			authUrl: 'https://connect.squareup.com/oauth2/authorize',
			accessTokenUrl: 'https://connect.squareup.com/oauth2/token',
			baseUrl: 'https://connect.squareup.com',
			scope: 'MERCHANT_PROFILE_READ ITEMS_READ INVENTORY_READ INVENTORY_WRITE ORDERS_READ ORDERS_WRITE PAYMENTS_WRITE',
			vendorHeaders: 'Square-Version: 2026-09-16',
			testPath: '/v2/locations',
		});
		expect(fields({ vendor: 'square', environment: 'sandbox' })).toMatchObject({
			authUrl: 'https://connect.squareupsandbox.com/oauth2/authorize',
			accessTokenUrl: 'https://connect.squareupsandbox.com/oauth2/token',
			baseUrl: 'https://connect.squareupsandbox.com',
		});
	});

	it('Lightspeed X: sign-in at secure.retail.lightspeed.app, tokens and API under the domain prefix', () => {
		expect(fields({ vendor: 'lightspeedX', environment: 'production', domainPrefix: 'acme' })).toMatchObject({
			authUrl: 'https://secure.retail.lightspeed.app/connect',
			accessTokenUrl: 'https://acme.retail.lightspeed.app/api/1.0/token',
			baseUrl: 'https://acme.retail.lightspeed.app',
			testPath: '/api/2.0/outlets',
		});
	});

	it('Clover: the region\'s hosts (or the sandbox\'s two), no scopes, the merchant in the test path', () => {
		expect(fields({ vendor: 'clover', environment: 'production', cloverRegion: 'eu.clover.com', merchantId: 'M123' })).toEqual({
			authUrl: 'https://www.eu.clover.com/oauth/v2/authorize',
			accessTokenUrl: 'https://api.eu.clover.com/oauth/v2/token',
			baseUrl: 'https://api.eu.clover.com',
			scope: '',
			vendorHeaders: '',
			testPath: '/v3/merchants/M123',
		});
		expect(fields({ vendor: 'clover', environment: 'sandbox', merchantId: 'M123' })).toMatchObject({
			authUrl: 'https://sandbox.dev.clover.com/oauth/v2/authorize',
			accessTokenUrl: 'https://apisandbox.dev.clover.com/oauth/v2/token',
			baseUrl: 'https://apisandbox.dev.clover.com',
		});
	});

	it('Loyverse, and the Address Override in place of every host (paths kept, trailing slash dropped)', () => {
		expect(fields({ vendor: 'loyverse', environment: 'production' })).toMatchObject({ authUrl: 'https://api.loyverse.com/oauth/authorize', accessTokenUrl: 'https://api.loyverse.com/oauth/token' });
		expect(fields({ vendor: 'lightspeedX', environment: 'production', domainPrefix: 'acme', addressOverride: ' http://127.0.0.1:4100/ ' })).toMatchObject({
			authUrl: 'http://127.0.0.1:4100/connect',
			accessTokenUrl: 'http://127.0.0.1:4100/api/1.0/token',
			baseUrl: 'http://127.0.0.1:4100',
		});
	});

	it('n8n sends the client ID and secret in the token request body, and refreshes on a 401', () => {
		const hidden = (name: string) => credential.properties.find((property) => property.name === name);
		expect(hidden('authentication')).toMatchObject({ type: 'hidden', default: 'body' });
		expect(hidden('grantType')).toMatchObject({ type: 'hidden', default: 'authorizationCode' });
		expect(hidden('tokenExpiredStatusCode')).toMatchObject({ type: 'hidden', default: 401 });
		expect(credential.extends).toEqual(['oAuth2Api']);
	});
});
