import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	NodeOperationError,
	type ICredentialType,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { logText, runNode, runPoll, runWorkflow } from '../../helpers/n8nEngine';

/** A node that exercises what the helper promises: real HTTP, credentials, static data, two outputs. */
class EchoRequest implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Echo Request',
		name: 'echoRequest',
		group: ['transform'],
		version: 1,
		description: 'test node',
		defaults: { name: 'Echo Request' },
		inputs: ['main'],
		outputs: ['main', 'main'],
		outputNames: ['ok', 'odd'],
		credentials: [{ name: 'echoApi', required: true }],
		properties: [
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Fail On', name: 'failOn', type: 'number', default: -1 },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const credentials = await this.getCredentials('echoApi');
		const staticData = this.getWorkflowStaticData('node');
		const ok: INodeExecutionData[] = [];
		const odd: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const n = items[i].json.n as number;
				if (n === this.getNodeParameter('failOn', i)) throw new NodeOperationError(this.getNode(), `item ${n} refused`, { itemIndex: i });
				const body = (await this.helpers.httpRequest({
					url: this.getNodeParameter('url', i) as string,
					headers: { authorization: `Bearer ${credentials.token as string}` },
					json: true,
				})) as { auth: string; path: string };
				staticData.calls = ((staticData.calls as number) ?? 0) + 1;
				this.logger.info(`called ${body.path}`);
				(n % 2 ? odd : ok).push({ json: { n, ...body }, pairedItem: { item: i } });
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				ok.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
			}
		}
		return [ok, odd];
	}
}

class EchoApi implements ICredentialType {
	name = 'echoApi';
	displayName = 'Echo API';
	properties = [{ displayName: 'Token', name: 'token', type: 'string' as const, typeOptions: { password: true }, default: '' }];
	authenticate = { type: 'generic' as const, properties: { headers: { 'X-Token': '={{$credentials.token}}' } } };
}

class CursorPoll implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cursor Poll',
		name: 'cursorPoll',
		group: ['trigger'],
		version: 1,
		description: 'test poll',
		defaults: { name: 'Cursor Poll' },
		polling: true,
		inputs: [],
		outputs: ['main'],
		properties: [],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const staticData = this.getWorkflowStaticData('node');
		const cursor = ((staticData.cursor as number) ?? 0) + 1;
		staticData.cursor = cursor;
		if (this.getMode() === 'manual') return [[{ json: { sample: true } }]];
		return cursor % 2 === 0 ? null : [[{ json: { cursor } }]];
	}
}

describe('n8nEngine helper', () => {
	let server: http.Server;
	let url: string;

	beforeAll(async () => {
		server = http.createServer((req, res) => {
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify({ auth: req.headers.authorization, token: req.headers['x-token'] ?? null, path: req.url }));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`;
	});
	afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));

	it('sends real HTTP with credentials, splits two outputs and keeps pairedItem', async () => {
		const run = await runNode({
			nodeType: EchoRequest,
			parameters: { url: `={{ "${url}?n=" + $json.n }}` },
			input: [{ n: 0 }, { n: 1 }, { n: 2 }],
			credentials: { echoApi: { token: 'secret-1' } },
		});
		expect(run.error).toBeUndefined();
		expect(run.json(0)).toEqual([
			{ n: 0, auth: 'Bearer secret-1', token: null, path: '/echo?n=0' },
			{ n: 2, auth: 'Bearer secret-1', token: null, path: '/echo?n=2' },
		]);
		expect(run.json(1).map((json) => json.n)).toEqual([1]);
		expect(run.output(1)[0].pairedItem).toEqual({ item: 1 });
		expect(logText(run.logs)).toContain('called /echo?n=1');
	});

	it('persists workflow static data across runs given the same object', async () => {
		const staticData = {};
		for (let i = 0; i < 2; i++) {
			await runNode({ nodeType: EchoRequest, parameters: { url }, input: [{ n: 0 }, { n: 2 }], credentials: { echoApi: { token: 't' } }, staticData });
		}
		expect(JSON.parse(JSON.stringify(staticData))).toEqual({ 'node:Echo Request': { calls: 4 } });
	});

	it('stops on an error, or turns it into an item with continueOnFail', async () => {
		const common = { nodeType: EchoRequest, parameters: { url, failOn: 1 }, input: [{ n: 0 }, { n: 1 }], credentials: { echoApi: { token: 't' } } };
		const stopped = await runNode(common);
		expect(stopped.error?.message).toBe('item 1 refused');
		expect(stopped.nodeError()?.message).toBe('item 1 refused');
		const continued = await runNode({ ...common, continueOnFail: true });
		expect(continued.error).toBeUndefined();
		expect(continued.json(0)).toEqual([expect.objectContaining({ n: 0 }), { error: 'item 1 refused' }]);
	});

	it('runs a graph and applies a generic credential authenticate block', async () => {
		class AuthRequest extends EchoRequest {
			async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
				const body = await this.helpers.httpRequestWithAuthentication.call(this, 'echoApi', { url, json: true });
				return [[{ json: body, pairedItem: { item: 0 } }], []];
			}
		}
		const run = await runWorkflow({
			nodeTypes: { auth: AuthRequest, echo: EchoRequest },
			nodes: [
				{ name: 'A', type: 'auth' },
				{ name: 'B', type: 'echo', parameters: { url: '={{ $json.path + "" === "/echo" ? "' + url + '?from=a" : "" }}' } },
			],
			connections: [
				{ from: 'Start', to: 'A' },
				{ from: 'A', to: 'B' },
			],
			credentials: { echoApi: { token: 'tok' } },
			credentialTypes: [EchoApi],
		});
		expect(run.error).toBeUndefined();
		expect(run.json(0, 'A')[0].token).toBe('tok');
		expect(run.json(0, 'B')[0].path).toBe('/echo?from=a');
	});

	it('calls poll() with PollContext, keeping the cursor in static data', async () => {
		const staticData = {};
		const results = [];
		for (let i = 0; i < 3; i++) results.push(await runPoll({ nodeType: CursorPoll, staticData }));
		expect(results).toEqual([[[{ json: { cursor: 1 } }]], null, [[{ json: { cursor: 3 } }]]]);
		expect(await runPoll({ nodeType: CursorPoll, mode: 'manual' })).toEqual([[{ json: { sample: true } }]]);
	});
});
