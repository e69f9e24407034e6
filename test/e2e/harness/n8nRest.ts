import { randomBytes } from 'node:crypto';

/** The owner account created on a fresh n8n, with a REST session and a public-API key. */
/**
 * fetch, sent once more when n8n closed the kept-alive connection as the request went out ("other side closed",
 * a reset): a race with n8n's 5 s keep-alive timeout, seen on loaded machines, in which n8n read no request.
 */
async function fetchOnce(url: string, init: RequestInit): Promise<Response> {
	try {
		return await fetch(url, init);
	} catch (error) {
		const cause = (error as { cause?: { code?: string } }).cause;
		if (cause?.code !== 'UND_ERR_SOCKET' && cause?.code !== 'ECONNRESET') throw error;
		return await fetch(url, init);
	}
}

export interface N8nOwner {
	email: string;
	password: string;
	apiKey: string;
	rest: N8nRest;
}

/** What n8n reports while a publication settles: one row per trigger node, with create()'s error. */
export interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	liveVersionId: string | null;
	pendingVersionId: string | null;
	triggers: Array<{ nodeId: string; status: string; errorMessage: string | null }>;
}

// n8n ties its auth cookie to a browser id sent at login; a fixed one keeps the REST session valid.
const BROWSER_ID = 'n8n-nodes-shopify-pos-e2e';

/** n8n's REST API (as the editor uses it, cookie session) and its public API (X-N8N-API-KEY). */
export class N8nRest {
	constructor(
		readonly baseUrl: string,
		private cookie: string,
		private apiKey = '',
	) {}

	static async setupOwner(baseUrl: string): Promise<N8nOwner> {
		const email = 'owner@example.com';
		// n8n's rule: 8-64 characters with a digit and an uppercase letter.
		const password = `Demo-${randomBytes(6).toString('hex')}-Pos1`;
		const setup = await fetchOnce(`${baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
			body: JSON.stringify({ email, firstName: 'Shop', lastName: 'Owner', password }),
		});
		if (setup.status !== 200) throw new Error(`owner setup failed: HTTP ${setup.status} ${await setup.text()}`);
		const rest = await N8nRest.login(baseUrl, email, password);
		const apiKey = await rest.createApiKey();
		return { email, password, apiKey, rest };
	}

	static async login(baseUrl: string, email: string, password: string, apiKey = ''): Promise<N8nRest> {
		const response = await fetchOnce(`${baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
			body: JSON.stringify({ emailOrLdapLoginId: email, password }),
		});
		if (response.status !== 200) throw new Error(`login failed: HTTP ${response.status} ${await response.text()}`);
		const cookie = response.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.join('; ');
		return new N8nRest(baseUrl, cookie, apiKey);
	}

	/** A REST call as the logged-in owner; returns the `data` n8n wraps answers in. */
	async rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetchOnce(`${this.baseUrl}/rest${path}`, {
			method,
			headers: { cookie: this.cookie, 'browser-id': BROWSER_ID, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (response.status >= 400) throw new Error(`n8n REST ${method} ${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
		const parsed = text === '' ? undefined : (JSON.parse(text) as { data?: T });
		return (parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed) as T;
	}

	/** A public API call (`/api/v1`), authenticated with the owner's API key. */
	async publicApi<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
		const response = await fetchOnce(`${this.baseUrl}/api/v1${path}`, {
			method,
			headers: { 'x-n8n-api-key': this.apiKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON: keep the text
		}
		return { status: response.status, body: parsed as T };
	}

	/** Creates an API key with every scope this n8n offers (its list differs between versions). */
	async createApiKey(): Promise<string> {
		const scopes = await this.rest<string[]>('GET', '/api-keys/scopes');
		const created = await this.rest<{ apiKey?: string; rawApiKey?: string }>('POST', '/api-keys', {
			label: 'e2e',
			scopes,
			expiresAt: null,
		});
		const key = created.rawApiKey ?? created.apiKey;
		if (!key) throw new Error('n8n returned no API key');
		this.apiKey = key;
		return key;
	}

	/** Every node type the running n8n knows (the list the editor loads). */
	async nodeTypes(): Promise<Array<{ name: string; displayName: string; icon?: unknown; iconUrl?: unknown }>> {
		const response = await fetchOnce(`${this.baseUrl}/types/nodes.json`, { headers: { cookie: this.cookie, 'browser-id': BROWSER_ID } });
		if (response.status !== 200) throw new Error(`GET /types/nodes.json: HTTP ${response.status}`);
		return (await response.json()) as Array<{ name: string; displayName: string }>;
	}

	/** Every credential type the running n8n knows. */
	async credentialTypes(): Promise<Array<{ name: string; displayName: string }>> {
		const response = await fetchOnce(`${this.baseUrl}/types/credentials.json`, { headers: { cookie: this.cookie, 'browser-id': BROWSER_ID } });
		if (response.status !== 200) throw new Error(`GET /types/credentials.json: HTTP ${response.status}`);
		return (await response.json()) as Array<{ name: string; displayName: string }>;
	}

	/**
	 * Publishes a workflow through the public API and waits until n8n reports it live: publishing returns
	 * before the triggers' create() has run, so a webhook sent right after it can still get a 404.
	 */
	async publishWorkflow(workflowId: string, timeoutMs = 60_000): Promise<void> {
		const published = await this.publicApi('POST', `/workflows/${workflowId}/publish`, {});
		if (published.status >= 400) {
			throw new Error(`publishing workflow ${workflowId}: HTTP ${published.status} ${JSON.stringify(published.body).slice(0, 500)}`);
		}
		await this.waitForPublication(workflowId, true, timeoutMs);
	}

	async unpublishWorkflow(workflowId: string, timeoutMs = 60_000): Promise<void> {
		const response = await this.publicApi('POST', `/workflows/${workflowId}/unpublish`, {});
		if (response.status >= 400) {
			throw new Error(`unpublishing workflow ${workflowId}: HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`);
		}
		await this.waitForPublication(workflowId, false, timeoutMs);
	}

	/** n8n 2.41's `GET /rest/workflows/:id/publication-status`. */
	async publicationStatus(workflowId: string): Promise<PublicationStatus> {
		return await this.rest<PublicationStatus>('GET', `/workflows/${workflowId}/publication-status`);
	}

	private async waitForPublication(workflowId: string, live: boolean, timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		let last: PublicationStatus | undefined;
		while (Date.now() < deadline) {
			last = await this.publicationStatus(workflowId);
			if (last.status === 'failed' || last.status === 'partial') {
				const errors = last.triggers.filter((t) => t.status === 'failed').map((t) => t.errorMessage);
				throw new Error(`workflow ${workflowId} could not be published (${last.status}): ${errors.join('; ')}`);
			}
			if (live ? last.status === 'published' : last.status === 'not_published') return;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`workflow ${workflowId} publication did not settle: ${JSON.stringify(last)}`);
	}
}
