import { CREDENTIAL_BLANKING_VALUE } from 'n8n-workflow';
import { chromium, type Browser, type Page } from 'playwright-core';

import { PosSimulatorClient } from '../../simulator/pos/client';
import type { SimulatedOAuth2 } from '../../simulator/pos/oauth2Server';
import { PosSimulator } from '../../simulator/pos/posSimulator';
import { packageNodeVersion } from '../helpers/nodeVersions';
import { CHROMIUM_ARGS, CHROMIUM_PATH, N8nInstance, waitFor } from './harness';
import { signInToEditor } from './harness/editorSignIn';

// The POS OAuth2 API credential in a real n8n 2.41.1: signed in through n8n's own redirect flow in Chromium
// against the POS simulator acting as Square's authorization server (refresh tokens single-use and revoked on
// use, as Lightspeed X and Clover do), then a workflow that runs across several access-token expiries and
// refresh rotations, two executions refreshing at the same moment included: no failed request, no refused
// refresh, and the credential still works at the end.
const APP: SimulatedOAuth2 = { type: 'oauth2', clientId: 'e2e-square-app', clientSecret: 'e2e-SECRET-square-app-88', accessTokenTtlSeconds: 3600, rotateRefreshTokens: true };
const TRIGGER = 'Run';

type Json = Record<string, unknown>;
interface ExecutionView {
	status: string;
	data?: { resultData: { runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Json }> | null> } }>>; error?: { message: string } } };
}

describe('POS OAuth2 API credential in n8n: sign-in in the browser, refresh rotations, concurrent refreshes', () => {
	let n8n: N8nInstance;
	let pos: PosSimulator;
	let simulator: PosSimulatorClient;
	let browser: Browser;
	let page: Page;
	let credentialId: string;
	let workflowId: string;

	beforeAll(async () => {
		pos = new PosSimulator({ config: { auth: APP, squareVersion: '2026-09-16' } });
		simulator = new PosSimulatorClient(await pos.start());
		await simulator.squareLocations([{ name: 'Main Street' }]);
		n8n = await N8nInstance.create({ log: (line) => process.stdout.write(`${line}\n`) });
		await n8n.start();
		browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
		page = await browser.newPage();
		page.setDefaultTimeout(30_000);
	}, 300_000);

	afterAll(async () => {
		await browser?.close();
		await n8n?.dispose();
		await pos?.stop();
	}, 60_000);

	/** A manual run of the workflow, as the editor's play button starts it; resolves when it has finished. */
	async function runWorkflow(): Promise<ExecutionView> {
		const started = await n8n.rest.rest<{ executionId: string }>('POST', `/workflows/${workflowId}/run`, { triggerToStartFrom: { name: TRIGGER } });
		return await waitFor(
			`execution ${started.executionId}`,
			async () => {
				const found = await n8n.rest.publicApi<ExecutionView>('GET', `/executions/${started.executionId}?includeData=true`);
				return found.status === 200 && !['new', 'running', 'waiting'].includes(found.body.status) ? found.body : undefined;
			},
			120_000,
			300,
		);
	}

	const locationsOf = (execution: ExecutionView) => execution.data?.resultData.runData['POS HTTP Request']?.[0].data?.main[0]?.map((item) => item.json) ?? [];

	it('signs in through n8n\'s redirect flow in Chromium, and the credential test passes', async () => {
		await signInToEditor(page, n8n);

		const fields = { vendor: 'square', environment: 'production', addressOverride: pos.origin, clientId: APP.clientId, clientSecret: APP.clientSecret, extraHeaders: '' };
		const saved = await n8n.rest.rest<{ id: string }>('POST', '/credentials', { name: 'Square (OAuth2)', type: 'posOAuth2Api', data: fields });
		credentialId = saved.id;
		// What "Connect my account" does: ask n8n for the sign-in address, open it; the POS sends the browser back
		// to n8n's callback, which exchanges the code and stores the tokens.
		const authorizeUrl = await page.evaluate(async (id) => {
			const response = await fetch(`/rest/oauth2-credential/auth?id=${id}`, { headers: { 'browser-id': localStorage.getItem('n8n-browserId') ?? '' } });
			return ((await response.json()) as { data: string }).data;
		}, credentialId);
		expect(authorizeUrl.startsWith(`${pos.origin}/oauth2/authorize?`)).toBe(true);
		expect(new URL(authorizeUrl).searchParams.get('scope')).toContain('INVENTORY_WRITE');
		await page.goto(authorizeUrl);
		await page.waitForURL((url) => url.pathname.endsWith('/oauth2-credential/callback'));
		expect(await page.content()).not.toMatch(/Error:|Failed to connect/);
		expect(pos.oauth2.log.codesIssued).toBe(1);

		// n8n's editor shows an OAuth2 credential as connected rather than offering Test; n8n's test endpoint runs the
		// credential's test request with the stored tokens when they are asked for by n8n's blanking value.
		const stored = await n8n.rest.rest<{ data: Json }>('GET', `/credentials/${credentialId}?includeData=true`);
		expect(stored.data.oauthTokenData).toBe(true);
		const data = { ...stored.data, oauthTokenData: CREDENTIAL_BLANKING_VALUE };
		const tested = await n8n.rest.rest<{ status: string; message: string }>('POST', '/credentials/test', { credentials: { id: credentialId, name: 'Square (OAuth2)', type: 'posOAuth2Api', data } });
		expect({ status: tested.status, message: tested.status === 'OK' ? '' : tested.message }).toEqual({ status: 'OK', message: '' });
	}, 180_000);

	it('a workflow runs across four expiries and rotations, then two executions refresh at the same moment: nothing fails', async () => {
		const created = await n8n.rest.publicApi('POST', '/workflows', {
			name: 'POS OAuth2',
			nodes: [
				{ id: 'run', name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'pos',
					name: 'POS HTTP Request',
					type: 'n8n-nodes-shopify-pos.posHttpRequest',
					typeVersion: packageNodeVersion('posHttpRequest'),
					position: [220, 0],
					parameters: { authentication: 'posOAuth2Api', method: 'GET', path: '/v2/locations', options: {} },
					credentials: { posOAuth2Api: { id: credentialId, name: 'Square (OAuth2)' } },
				},
			],
			connections: { [TRIGGER]: { main: [[{ node: 'POS HTTP Request', type: 'main', index: 0 }]] } },
			settings: {},
		});
		expect(created.status).toBe(200);
		workflowId = (created.body as { id: string }).id;

		const first = await runWorkflow();
		expect({ status: first.status, error: first.data?.resultData.error?.message }).toEqual({ status: 'success', error: undefined });
		for (let expiry = 1; expiry <= 4; expiry++) {
			await simulator.expireAccessTokens();
			const execution = await runWorkflow();
			expect({ expiry, status: execution.status, outcome: locationsOf(execution)[0]?.outcome }).toEqual({ expiry, status: 'success', outcome: 'success' });
		}
		expect(pos.oauth2.log.refreshes).toBe(4);

		await simulator.expireAccessTokens();
		// The refresh is answered only once both executions have met the expired token: both need a new one at once.
		await simulator.holdTokenRequests(2);
		const both = await Promise.all([runWorkflow(), runWorkflow()]);
		expect(both.map((execution) => [execution.status, locationsOf(execution)[0]?.outcome])).toEqual([
			['success', 'success'],
			['success', 'success'],
		]);
		// n8n 2.41 lets one execution refresh; the other takes the token it stored, so no revoked token is sent.
		expect(pos.oauth2.log.refusedRefreshes).toEqual([]);
		expect(pos.oauth2.log.refreshes).toBe(5);
		const last = await runWorkflow();
		expect(last.status).toBe('success');
		// Every 401 was an expired token that n8n refreshed and sent again: one per expiry, two for the pair.
		expect(pos.requests.filter((request) => request.path.startsWith('/v2/') && request.outcome === 401)).toHaveLength(4 + 2);
	}, 600_000);
});
