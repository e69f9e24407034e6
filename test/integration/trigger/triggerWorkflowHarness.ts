/**
 * One workflow holding Shopify order triggers, hosted the way n8n hosts a published workflow, built from
 * n8n-core's own parts:
 * - a real HTTP server on 127.0.0.1 serves `/webhook/<webhookId>/<path>`; every request builds a FRESH Workflow
 *   from the stored static data (as n8n loads the workflow from its database per request), runs the node's
 *   webhook() in n8n-core's WebhookContext, saves the static data when n8n's change flag says so (after n8n
 *   2.41's steps that clear that flag when an execution starts), answers,
 *   and then runs the workflow in n8n-core's WorkflowExecute (like n8n's "respond immediately" mode);
 * - publish/unpublish call webhookMethods (checkExists → create, delete) in n8n-core's HookContext;
 * - polls run poll() in n8n-core's PollContext on ONE Workflow object kept from activation (as n8n's poller
 *   does) and save its static data over the stored copy when changed, as n8n does.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ExecutionLifecycleHooks, HookContext, PollContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	createRunExecutionData,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWebhookData,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { forgetPosProcessMemory } from '../../../lib/pos/webhooks/posEventMemory';
import { forgetProcessMemory } from '../../../lib/shopify/webhooks/memory/processMemory';
import { forgetMemoryPlace, n8nFolderOf } from '../../../nodes/shared/memoryPlace';
import { memoryFilePath, memoryFolderIn } from '../../../lib/shopify/webhooks/memory/fileMemories';
import { normalizeShop } from '../../../lib/shopify/shopUrl';
import { PlainCredentialsHelper } from '../../helpers/n8nEngine';
import { defaultVersionOf } from '../../helpers/nodeVersions';

export interface HarnessNode {
	name: string;
	type: INodeType;
	parameters?: INodeParameters;
}

export interface Execution {
	trigger: string;
	items: IDataObject[];
}

export interface DeliveryResponse {
	status: number;
	body: string;
}

class QuietLogger {
	readonly warnings: string[] = [];
	readonly infos: string[] = [];
	error() {}
	warn(message: string) {
		this.warnings.push(message);
	}
	info(message: string) {
		this.infos.push(message);
	}
	debug() {}
	scoped() {
		return this;
	}
}

class HarnessNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}
	getByName(name: string): INodeType {
		return this.types[name];
	}
	getByNameAndVersion(name: string): INodeType {
		return this.types[name];
	}
	getKnownTypes(): IDataObject {
		return {};
	}
}

/** An express-like request/response pair over node:http, with the members n8n's webhook code uses. */
function expressLike(req: IncomingMessage, res: ServerResponse, rawBody: Buffer) {
	const query = Object.fromEntries(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams);
	let body: unknown = {};
	try {
		body = JSON.parse(rawBody.toString('utf8'));
	} catch {
		body = {};
	}
	const request = Object.assign(req, { rawBody, body, query, params: {}, readRawBody: async () => undefined });
	let statusCode = 200;
	const response = {
		headersSent: false,
		status(code: number) {
			statusCode = code;
			return response;
		},
		send(payload: unknown) {
			if (!res.headersSent) {
				res.statusCode = statusCode;
				res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
			}
			response.headersSent = true;
			return response;
		},
		json(payload: unknown) {
			return response.send(JSON.stringify(payload));
		},
		end() {
			if (!res.headersSent) {
				res.statusCode = statusCode;
				res.end();
			}
			response.headersSent = true;
			return response;
		},
		setHeader(name: string, value: string) {
			res.setHeader(name, value);
			return response;
		},
	};
	return { request, response };
}

export class TriggerWorkflowHarness {
	readonly executions: Execution[] = [];
	/** Executions n8n starts failed when webhook() throws, with the error's message and description. */
	readonly failedExecutions: Array<{ trigger: string; message: string; description: string }> = [];
	readonly logger = new QuietLogger();
	/** What n8n's database holds for this workflow's static data. */
	storedStaticData: IDataObject = {};
	private server?: Server;
	private baseUrl = '';
	private poller?: Workflow;
	private pending: Array<Promise<void>> = [];
	private readonly nodeTypes: HarnessNodeTypes;
	private readonly credentialsHelper: PlainCredentialsHelper;

	constructor(
		private readonly nodes: HarnessNode[],
		private readonly credentials: Record<string, ICredentialDataDecryptedObject>,
		private readonly workflowId = `wf-${Math.random().toString(36).slice(2)}`,
	) {
		this.nodeTypes = new HarnessNodeTypes(Object.fromEntries(nodes.map((node) => [node.type.description.name, node.type])));
		this.credentialsHelper = new PlainCredentialsHelper(credentials);
		Container.set(Logger, this.logger as unknown as Logger);
	}

	/** How many times the nodes loaded their credential. */
	/** The workflow's id, which scopes the triggers' memories. */
	get id(): string {
		return this.workflowId;
	}

	/**
	 * The lines of the Order Triggers' memory file for `shop` (a domain or address, as the credential names it),
	 * by memory: `d` accepted deliveries, `c` order changes. Where a regular-mode n8n keeps the memory.
	 */
	memoryFileLines(shop: string): { d: string[]; c: string[] } {
		const scope = { workflowId: this.workflowId, shopDomain: normalizeShop(shop).domain, channel: 'live' } as const;
		const lines = readFileSync(memoryFilePath(memoryFolderIn(n8nFolderOf(process.env)), scope), 'latin1').split('\n').filter(Boolean);
		return { d: lines.filter((line) => line.startsWith('d')), c: lines.filter((line) => line.startsWith('c')) };
	}

	get credentialLoads(): number {
		return this.credentialsHelper.decryptedLoads;
	}

	/** The user edits the stored credential (n8n hands nodes the new fields from their next load on). */
	editCredential(type: string, changes: ICredentialDataDecryptedObject): void {
		this.credentials[type] = { ...this.credentials[type], ...changes };
	}

	/** n8n restarts: what the triggers kept in memory is gone; the static data in the database and n8n's folder stay. */
	restart(): void {
		forgetProcessMemory(this.workflowId);
		forgetMemoryPlace();
		forgetPosProcessMemory(this.workflowId);
		this.poller = undefined;
	}

	/** The user edits a node's parameters (publish again to apply them). */
	setParameters(nodeName: string, parameters: INodeParameters): void {
		const node = this.nodes.find((candidate) => candidate.name === nodeName);
		if (!node) throw new Error(`no node ${nodeName}`);
		node.parameters = parameters;
	}

	async listen(): Promise<void> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const done = this.handle(req, res, Buffer.concat(chunks)).catch((error: Error) => {
					if (!res.headersSent) {
						res.statusCode = 500;
						res.end(error.message);
					}
				});
				this.pending.push(done);
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	async close(): Promise<void> {
		await this.settled();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	/** Waits until every workflow started by a delivery has finished. */
	async settled(): Promise<void> {
		while (this.pending.length > 0) await Promise.all(this.pending.splice(0));
	}

	webhookUrl(nodeName: string): string {
		return `${this.baseUrl}/webhook/${this.webhookIdOf(nodeName)}/${this.webhookPathOf(nodeName)}`;
	}

	/** The path part of a webhook node's URL, from its description (`shopify-orders`, `pos`). */
	private webhookPathOf(nodeName: string): string {
		const spec = this.nodes.find((candidate) => candidate.name === nodeName);
		return String(spec?.type.description.webhooks?.[0]?.path ?? '');
	}

	/** The node's credentials: one id per workflow and type, as n8n gives each stored credential its own. */
	private credentialsOf(type: INodeType): INode['credentials'] {
		const names = (type.description.credentials ?? []).map((credential) => credential.name).filter((name) => name in this.credentials);
		return names.length === 0 ? undefined : Object.fromEntries(names.map((name) => [name, { id: `cred-${this.workflowId}-${name}`, name }]));
	}

	private webhookIdOf(nodeName: string): string {
		return `hook-${this.workflowId}-${nodeName.replace(/\W+/g, '-')}`;
	}

	/** A Workflow as n8n builds it: parameters with defaults, static data from the store (wrapped by n8n). */
	private buildWorkflow(): Workflow {
		const nodes: INode[] = this.nodes.map((spec, index) => {
			const node: INode = {
				id: `node-${index}`,
				name: spec.name,
				type: spec.type.description.name,
				typeVersion: defaultVersionOf(spec.type.description),
				position: [index * 200, 0],
				parameters: {},
				webhookId: spec.type.description.webhooks ? this.webhookIdOf(spec.name) : undefined,
				credentials: this.credentialsOf(spec.type),
			};
			node.parameters = NodeHelpers.getNodeParameters(spec.type.description.properties, spec.parameters ?? {}, true, false, node, spec.type.description) ?? {};
			return node;
		});
		return new Workflow({
			id: this.workflowId,
			name: 'orders',
			nodes,
			connections: {},
			active: true,
			nodeTypes: this.nodeTypes,
			staticData: structuredClone(this.storedStaticData),
			settings: { executionOrder: 'v1' },
		});
	}

	private saveStaticData(workflow: Workflow): void {
		const staticData = workflow.staticData as IDataObject & { __dataChanged?: boolean };
		if (staticData.__dataChanged !== true) return;
		this.storedStaticData = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		staticData.__dataChanged = false;
	}

	private additionalData(workflow: Workflow, mode: WorkflowExecuteMode, extra: Partial<IWorkflowExecuteAdditionalData> = {}): IWorkflowExecuteAdditionalData {
		const executionId = `exec-${Math.random().toString(36).slice(2)}`;
		const workflowData = { id: workflow.id, name: workflow.name, active: true, nodes: Object.values(workflow.nodes), connections: {}, createdAt: new Date(), updatedAt: new Date() };
		return {
			credentialsHelper: this.credentialsHelper,
			executionId,
			hooks: new ExecutionLifecycleHooks(mode, executionId, workflowData as unknown as IWorkflowBase),
			currentNodeExecutionIndex: 0,
			restApiUrl: `${this.baseUrl}/rest`,
			instanceBaseUrl: this.baseUrl,
			webhookBaseUrl: `${this.baseUrl}/webhook`,
			webhookWaitingBaseUrl: `${this.baseUrl}/webhook-waiting`,
			webhookTestBaseUrl: `${this.baseUrl}/webhook-test`,
			formBaseUrl: `${this.baseUrl}/form`,
			formWaitingBaseUrl: `${this.baseUrl}/form-waiting`,
			formTestBaseUrl: `${this.baseUrl}/form-test`,
			variables: {},
			userId: 'owner',
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			logAiEvent: () => undefined,
			...extra,
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	private webhookData(workflow: Workflow, node: INode, additionalData: IWorkflowExecuteAdditionalData): IWebhookData {
		const type = this.nodeTypes.getByName(node.type);
		return {
			httpMethod: 'POST',
			node: node.name,
			path: `${node.webhookId}/${this.webhookPathOf(node.name)}`,
			webhookDescription: type.description.webhooks![0],
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		};
	}

	private webhookNodes(workflow: Workflow): INode[] {
		return Object.values(workflow.nodes).filter((node) => this.nodeTypes.getByName(node.type).description.webhooks);
	}

	/** Publishing: checkExists, then create when it says false; the poller's Workflow is kept from here on. */
	async publish(): Promise<void> {
		const workflow = this.buildWorkflow();
		for (const node of this.webhookNodes(workflow)) {
			const methods = this.nodeTypes.getByName(node.type).webhookMethods!.default!;
			const additionalData = this.additionalData(workflow, 'trigger');
			const context = new HookContext(workflow, node, additionalData, 'trigger', 'activate', this.webhookData(workflow, node, additionalData));
			if (!(await methods.checkExists.call(context))) await methods.create.call(context);
		}
		this.saveStaticData(workflow);
		this.poller = this.buildWorkflow();
	}

	async unpublish(): Promise<void> {
		const workflow = this.buildWorkflow();
		for (const node of this.webhookNodes(workflow)) {
			const methods = this.nodeTypes.getByName(node.type).webhookMethods!.default!;
			const additionalData = this.additionalData(workflow, 'trigger');
			await methods.delete.call(new HookContext(workflow, node, additionalData, 'trigger', 'activate', this.webhookData(workflow, node, additionalData)));
		}
		this.saveStaticData(workflow);
		this.poller = undefined;
	}

	/** One scheduled poll of `nodeName` on the Workflow object kept since publishing. */
	async poll(nodeName: string): Promise<number> {
		const workflow = (this.poller ??= this.buildWorkflow());
		const node = workflow.getNode(nodeName)!;
		const type = this.nodeTypes.getByName(node.type);
		const additionalData = this.additionalData(workflow, 'trigger');
		const result = await type.poll!.call(new PollContext(workflow, node, additionalData, 'trigger', 'activate'));
		this.saveStaticData(workflow);
		if (!result) return 0;
		await this.execute(workflow, node, result, 'trigger');
		return result[0]?.length ?? 0;
	}

	/** The editor's "Fetch test event": poll() in manual mode on a fresh Workflow; nothing is saved. */
	async pollManually(nodeName: string): Promise<IDataObject[]> {
		const workflow = this.buildWorkflow();
		const node = workflow.getNode(nodeName)!;
		const type = this.nodeTypes.getByName(node.type);
		const result = await type.poll!.call(new PollContext(workflow, node, this.additionalData(workflow, 'manual'), 'manual', 'manual'));
		return (result?.[0] ?? []).map((item) => item.json);
	}

	private async execute(workflow: Workflow, node: INode, data: INodeExecutionData[][], mode: WorkflowExecuteMode): Promise<void> {
		const runExecutionData = createRunExecutionData({
			executionData: {
				contextData: {},
				nodeExecutionStack: [{ node, data: { main: data }, source: null }],
				waitingExecution: {},
				waitingExecutionSource: {},
				metadata: {},
			},
		});
		const run = await new WorkflowExecute(this.additionalData(workflow, mode), mode, runExecutionData).processRunExecutionData(workflow);
		const items = run.data.resultData.runData[node.name]?.[0]?.data?.main?.[0] ?? [];
		this.executions.push({ trigger: node.name, items: items.map((item) => item.json) });
	}

	/**
	 * What n8n 2.41 answers when a delivery starts a run in responseMode onReceived
	 * (extractWebhookOnReceivedResponse): the description's responseData ('firstEntryJson' when absent) unless
	 * empty, else the node's webhookResponse, else n8n's own message.
	 */
	private onReceivedBody(type: INodeType, webhookResponse: unknown): unknown {
		const responseData = type.description.webhooks![0].responseData ?? 'firstEntryJson';
		if (responseData === 'noData') return '';
		return responseData || webhookResponse || { message: 'Workflow was started' };
	}

	/** While true, every delivery gets 503 (n8n down behind its proxy), so Shopify retries and finally gives up. */
	unavailable = false;

	private async handle(req: IncomingMessage, res: ServerResponse, rawBody: Buffer): Promise<void> {
		if (this.unavailable) {
			res.statusCode = 503;
			res.end('unavailable');
			return;
		}
		const workflow = this.buildWorkflow();
		const path = (req.url ?? '').split('?')[0];
		const node = this.webhookNodes(workflow).find((candidate) => path === `/webhook/${candidate.webhookId}/${this.webhookPathOf(candidate.name)}`);
		if (!node || req.method !== 'POST') {
			res.statusCode = 404;
			res.end('not registered');
			return;
		}
		const { request, response } = expressLike(req, res, rawBody);
		const additionalData = this.additionalData(workflow, 'webhook', {
			httpRequest: request as never,
			httpResponse: response as never,
		});
		const type = this.nodeTypes.getByName(node.type);
		const context = new WebhookContext(workflow, node, additionalData, 'webhook', this.webhookData(workflow, node, additionalData), [], null);
		let result;
		try {
			result = await type.webhook!.call(context);
		} catch (error) {
			// n8n 2.41 (webhook-helpers executeWebhook): 500 to the sender, and an execution that fails at the trigger.
			res.statusCode = 500;
			res.end('Workflow Webhook Error: Workflow could not be started!');
			const { message, description } = error as Error & { description?: string };
			this.failedExecutions.push({ trigger: node.name, message, description: description ?? '' });
			return;
		}
		if (result.workflowData) {
			// What n8n 2.41 does between webhook() and saving the static data when it starts an execution: a second
			// Workflow over the same static data (WorkflowRunner.establishContextForPersistence, which clears its
			// "changed" flag), then database work (the execution's row).
			new Workflow({ id: workflow.id, nodes: Object.values(workflow.nodes), connections: {}, active: true, nodeTypes: this.nodeTypes, staticData: workflow.staticData });
			await new Promise((resolve) => setTimeout(resolve, 1));
		}
		this.saveStaticData(workflow);
		if (result.noWebhookResponse) return;
		if (!res.headersSent) {
			res.statusCode = 200;
			const body = result.workflowData ? this.onReceivedBody(type, result.webhookResponse) : (result.webhookResponse ?? { message: 'Webhook call received' });
			res.end(typeof body === 'string' ? body : JSON.stringify(body));
		}
		if (result.workflowData) await this.execute(workflow, node, result.workflowData, 'webhook');
	}
}

/** Posts a body to a URL with headers; resolves with the status and text (no retries). */
export async function post(url: string, body: Buffer, headers: Record<string, string>): Promise<DeliveryResponse> {
	const response = await fetch(url, { method: 'POST', body: new Uint8Array(body), headers: { 'content-type': 'application/json', ...headers } });
	return { status: response.status, body: await response.text() };
}

/** Runs `run` with n8n's user folder at `userFolder` (its memory place decided afresh), then puts it back. */
export async function withUserFolder<T>(userFolder: string, run: () => Promise<T>): Promise<T> {
	const before = process.env.N8N_USER_FOLDER;
	process.env.N8N_USER_FOLDER = userFolder;
	forgetMemoryPlace();
	try {
		return await run();
	} finally {
		process.env.N8N_USER_FOLDER = before;
		forgetMemoryPlace();
	}
}
