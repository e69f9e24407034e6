import { PosApi } from '../../../credentials/PosApi.credentials';
import type { PosSimulator } from '../../../simulator/pos/posSimulator';
import { logText } from '../../helpers/n8nEngine';
import { FAST_RETRIES, runPosNode, startSimulator } from './posTestKit';

/** Token, password and API key must appear in no output item, error or log line — whatever goes wrong. */
describe('POS HTTP Request keeps secrets out of outputs, errors and logs', () => {
	let sim: PosSimulator;
	beforeEach(async () => {
		sim = await startSimulator();
	});
	afterEach(async () => await sim.stop());

	const cases = [
		{ name: 'bearer token', credentials: { authType: 'bearer', token: 'sq0atp-SECRET-bearer-7731' }, secrets: ['sq0atp-SECRET-bearer-7731'], simAuth: { type: 'bearer', token: 'sq0atp-SECRET-bearer-7731' } },
		{
			name: 'basic password',
			credentials: { authType: 'basic', username: 'owner@shop', password: 'pw-SECRET-basic-5521' },
			secrets: ['pw-SECRET-basic-5521', Buffer.from('owner@shop:pw-SECRET-basic-5521').toString('base64')],
			simAuth: { type: 'basic', username: 'owner@shop', password: 'pw-SECRET-basic-5521' },
		},
		{
			name: 'API key header',
			credentials: { authType: 'header', headerName: 'X-Api-Key', apiKey: 'key-SECRET-header-9902' },
			secrets: ['key-SECRET-header-9902'],
			simAuth: { type: 'header', name: 'x-api-key', value: 'key-SECRET-header-9902' },
		},
	] as const;

	for (const { name, credentials, secrets, simAuth } of cases) {
		it(`with a ${name}`, async () => {
			sim.config.auth = simAuth as never;
			sim.faults.add({ kind: 'http503', count: 2 });
			const credential = { baseUrl: sim.origin, ...credentials };
			const secret = secrets[0];
			// The input data carries the secret too (a careless upstream node), and the workflow maps it into a header,
			// the query and the body: redaction must catch it by value, not only in the auth header.
			// Item 0: retried, then accepted. Item 1: refused (422). Item 2: unknown path (404).
			// Then: retries exhausted; a wrong credential (401); a bad parameter that stops the workflow.
			const parameters = {
				method: 'POST',
				path: '={{ $json.path }}',
				jsonBody: '={{ $json.body }}',
				headerParameters: { header: [{ name: 'X-Debug', value: '={{ "copy-" + $json.leak }}' }] },
				queryParameters: { parameter: [{ name: 'note', value: '={{ "q-" + $json.leak }}' }] },
				options: { ...FAST_RETRIES, maxAttempts: 3 },
			};
			const input = [
				{ orderId: 1, leak: secret, path: '/api/orders', body: { lines: [] } },
				{ orderId: 2, leak: secret, path: '/api/orders', body: { lines: [{ sku: 'A', quantity: 0 }], note: secret } },
				{ orderId: 3, leak: secret, path: '/api/unknown', body: {} },
			];
			const run = await runPosNode(parameters, input, credential);
			sim.faults.add({ kind: 'http503', count: 5 });
			const exhausted = await runPosNode(parameters, [input[0]], credential);
			// A wrong secret: the right one must not surface anywhere (the data no longer carries it).
			const wrong = await runPosNode(parameters, [{ ...input[0], leak: 'none' }], { ...credential, token: 'wrong', password: 'wrong', apiKey: 'wrong' });
			const stopped = await runPosNode({ ...parameters, jsonBody: '={{ "{broken " + $json.leak }}' }, [input[0]], credential);

			expect(run.json(0)).toHaveLength(1);
			expect(run.json(1)).toHaveLength(2);
			expect(exhausted.json(1)[0]).toMatchObject({ outcome: 'failed', attempts: 3 });
			expect(wrong.json(1)[0]).toMatchObject({ outcome: 'failed', response: { statusCode: 401 } });
			expect(stopped.error).toBeDefined();
			// The requests really carried the secret: the redaction is what keeps it out.
			expect(JSON.stringify(sim.requests)).toContain(secrets[secrets.length - 1]);
			const everything = [run, exhausted, wrong, stopped]
				.map((engineRun) => JSON.stringify(engineRun.outputs()) + JSON.stringify(engineRun.error ?? null) + (engineRun.error?.message ?? '') + (engineRun.error?.description ?? '') + logText(engineRun.logs))
				.join('\n');
			expect(logText(run.logs)).toContain('POS HTTP Request: item 0 attempt 1');
			expect(everything).toContain('[redacted]');
			for (const value of secrets) {
				const at = everything.indexOf(value);
				expect(at < 0 ? '' : everything.slice(Math.max(0, at - 300), at + 40)).toBe('');
			}
		});
	}

	it('the credential adds auth and fixed headers for n8n\'s credential test', async () => {
		const options = await new PosApi().authenticate(
			{ baseUrl: 'https://pos.example', authType: 'bearer', token: 't-1', extraHeaders: 'Square-Version: 2025-10-16' },
			{ url: '/v2/locations', headers: { Accept: 'application/json' } },
		);
		expect(options.headers).toEqual({ Accept: 'application/json', 'Square-Version': '2025-10-16', Authorization: 'Bearer t-1' });
	});
});
