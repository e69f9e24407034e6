/**
 * Runs this package's nodes inside n8n-core's real execution engine (WorkflowExecute), so tests see what
 * n8n does: parameter and expression resolution, credentials, `this.helpers.httpRequest` sending real HTTP
 * (n8n-core's implementation), pairedItem checks, continueOnFail, multiple outputs, workflow static data.
 *
 * API
 * ---
 * runNode(options) → Promise<EngineRun>
 *   One node fed by a built-in start node. Options:
 *     nodeType        the node's class (e.g. `PosHttpRequest`) or an instance
 *     parameters      the node's parameters as in workflow JSON (strings starting with '=' are expressions)
 *     input           items the start node emits: plain JSON objects or INodeExecutionData (default: one `{}`)
 *     credentials     { <credential type name>: <decrypted fields> } — the node gets every type it declares
 *     credentialTypes credential classes or instances; needed for `authenticate` / `preAuthentication`
 *                     when a node calls httpRequestWithAuthentication
 *     continueOnFail  node setting "On Error: Continue" (errors become items on the first output)
 *     onError         or the exact setting: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput'
 *     staticData      workflow static data; pass the SAME object to successive runs to persist it
 *     name            node name in the workflow (default: the type's display name)
 *   The run's `nodeName` is the node under test, so `run.output()` / `run.json()` need no name.
 *
 * runWorkflow(options) → Promise<EngineRun>
 *   Any graph. `nodeTypes` maps a type name (as used in `nodes[].type`) to a class or instance; nodes are
 *   `{ name, type, parameters?, typeVersion?, credentials?, continueOnFail?, onError?, retryOnFail?,
 *   maxTries?, waitBetweenTries? }`; `connections` is a list of `{ from, to, output?, input? }`. A node named
 *   START_NODE_NAME ('Start') emitting `input` is added and connected by naming it in `from`, unless
 *   `startNode` names one of your nodes (e.g. a poll node run in manual mode).
 *
 * runPoll(options) → Promise<INodeExecutionData[][] | null>
 *   Calls a polling trigger's `poll()` with n8n-core's PollContext, as n8n's scheduler does when the
 *   workflow is active (`mode: 'trigger'`, the default) or as the editor's "Fetch test event" does
 *   (`mode: 'manual'`). Same options as runNode minus input/continueOnFail; pass the same `staticData`
 *   object to successive polls to keep the cursor.
 *
 * EngineRun
 *   run                      the full IRun from WorkflowExecute
 *   outputs(node?)           INodeExecutionData[][] of the node's last run (one array per output)
 *   output(index?, node?)    items on one output (default 0)
 *   json(index?, node?)      their `.json`
 *   error                    the workflow error if the run stopped on one (undefined otherwise)
 *   nodeError(node?)         the error recorded on a node's last run
 *   logs                     every line n8n's Logger received during the run ({level, message, meta})
 *
 * The helper keeps n8n's instance folder in the OS temp directory (N8N_USER_FOLDER) so tests never touch
 * the developer's ~/.n8n.
 */
import * as os from 'node:os';
import * as path from 'node:path';

if (!process.env.N8N_USER_FOLDER) process.env.N8N_USER_FOLDER = path.join(os.tmpdir(), 'n8n-nodes-shopify-pos-engine');
if (!process.env.N8N_ENCRYPTION_KEY) process.env.N8N_ENCRYPTION_KEY = 'n8n-nodes-shopify-pos-test-key';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { ExecutionLifecycleHooks, PollContext, WorkflowExecute } from 'n8n-core';
import {
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	type ExecutionBaseError,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IConnections,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentials,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type INodeTypes,
	type IRequestOptionsSimplified,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { defaultVersionOf } from './nodeVersions';

export const START_NODE_NAME = 'Start';
const START_NODE_TYPE = 'n8nEngineTest.start';

type Constructor<T> = new () => T;
export type NodeTypeInput = INodeType | IVersionedNodeType | Constructor<INodeType | IVersionedNodeType>;
export type CredentialTypeInput = ICredentialType | Constructor<ICredentialType>;
export type InputItem = IDataObject | INodeExecutionData;
export type OnErrorSetting = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

export interface EngineNode {
	name: string;
	/** A key of `nodeTypes`. */
	type: string;
	typeVersion?: number;
	parameters?: INodeParameters;
	/** Credential type names the node uses; default: every credential type its description declares. */
	credentials?: string[];
	continueOnFail?: boolean;
	onError?: OnErrorSetting;
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
	disabled?: boolean;
}

export interface EngineConnection {
	from: string;
	to: string;
	/** Output index on `from` (default 0). */
	output?: number;
	/** Input index on `to` (default 0). */
	input?: number;
}

export interface EngineCommonOptions {
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	credentialTypes?: CredentialTypeInput[];
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
}

export interface RunWorkflowOptions extends EngineCommonOptions {
	nodeTypes: Record<string, NodeTypeInput>;
	nodes: EngineNode[];
	connections?: EngineConnection[];
	input?: InputItem[];
	/** Name of the node execution starts at; default: the built-in start node. */
	startNode?: string;
	/** The node `EngineRun` accessors default to. */
	nodeName?: string;
}

export interface RunNodeOptions extends EngineCommonOptions {
	nodeType: NodeTypeInput;
	parameters?: INodeParameters;
	input?: InputItem[];
	continueOnFail?: boolean;
	onError?: OnErrorSetting;
	name?: string;
	typeVersion?: number;
}

export interface RunPollOptions extends EngineCommonOptions {
	nodeType: NodeTypeInput;
	parameters?: INodeParameters;
	name?: string;
	typeVersion?: number;
}

export interface LogLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	meta?: unknown;
}

export interface EngineRun {
	run: IRun;
	outputs(node?: string): INodeExecutionData[][];
	output(index?: number, node?: string): INodeExecutionData[];
	json(index?: number, node?: string): IDataObject[];
	error: ExecutionBaseError | undefined;
	nodeError(node?: string): ExecutionBaseError | undefined;
	logs: LogLine[];
}

function instantiate<T extends object>(input: T | Constructor<T>): T {
	return typeof input === 'function' ? new (input as Constructor<T>)() : input;
}

function toItems(input: InputItem[] | undefined): INodeExecutionData[] {
	const items: InputItem[] = input ?? [{}];
	return items.map((item, index) => {
		const json = (item as { json?: unknown }).json;
		const isExecutionData = typeof json === 'object' && json !== null && !Array.isArray(json);
		const data: INodeExecutionData = isExecutionData ? { ...(item as INodeExecutionData) } : { json: item as IDataObject };
		data.pairedItem = { item: index };
		return data;
	});
}

/** Emits the test's items, like a Manual Trigger whose output was pinned. */
function startNodeType(items: INodeExecutionData[]): INodeType {
	return {
		description: {
			displayName: 'Start',
			name: START_NODE_TYPE,
			group: ['input'],
			version: 1,
			description: 'Emits the items a test passes in',
			defaults: { name: START_NODE_NAME },
			inputs: [],
			outputs: ['main'],
			properties: [],
		} as INodeTypeDescription,
		async execute(this: IExecuteFunctions) {
			return [items.map((item) => ({ ...item, json: { ...item.json } }))];
		},
	};
}

class TestNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types[nodeType];
		if (!type) throw new Error(`n8nEngine: unknown node type "${nodeType}"; known: ${Object.keys(this.types).join(', ')}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

/** `={{$credentials.field}}` templates of a generic `authenticate` block, resolved against the fields. */
function resolveCredentialTemplate(value: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	const template = value.slice(1);
	const whole = /^\{\{\s*\$credentials(?:\.(\w+)|\[\s*['"](\w+)['"]\s*\])\s*\}\}$/.exec(template);
	if (whole) return credentials[whole[1] ?? whole[2]];
	return template.replace(/\{\{\s*\$credentials(?:\.(\w+)|\[\s*['"](\w+)['"]\s*\])\s*\}\}/g, (_match, dotted, quoted) =>
		String(credentials[(dotted ?? quoted) as string] ?? ''),
	);
}

function resolveCredentialObject(
	object: Record<string, unknown> | undefined,
	credentials: ICredentialDataDecryptedObject,
): Record<string, unknown> {
	const resolved: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(object ?? {})) resolved[key] = resolveCredentialTemplate(value, credentials);
	return resolved;
}

/** Credentials from a plain object map, by credential type name; no database, no encryption. */
export class PlainCredentialsHelper extends ICredentialsHelper {
	private readonly types: Record<string, ICredentialType> = {};
	/** How many times a node loaded credentials (each costs n8n 2.x an expression isolate). */
	decryptedLoads = 0;

	constructor(
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
		credentialTypes: CredentialTypeInput[] = [],
	) {
		super();
		for (const input of credentialTypes) {
			const type = instantiate(input);
			this.types[type.name] = type;
		}
	}

	getParentTypes(name: string): string[] {
		const extendsTypes = this.types[name]?.extends ?? [];
		return extendsTypes.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const options = requestOptions as IHttpRequestOptions;
		const authenticate = this.types[typeName]?.authenticate;
		if (authenticate === undefined) return options;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		const properties = authenticate.properties;
		options.headers = { ...(options.headers ?? {}), ...(resolveCredentialObject(properties.headers, credentials) as IDataObject) };
		options.qs = { ...(options.qs ?? {}), ...(resolveCredentialObject(properties.qs, credentials) as IDataObject) };
		if (properties.body) {
			options.body = { ...((options.body as IDataObject) ?? {}), ...resolveCredentialObject(properties.body, credentials) };
		}
		if (properties.auth) {
			const auth = resolveCredentialObject(properties.auth as unknown as Record<string, unknown>, credentials);
			options.auth = { username: String(auth.username ?? ''), password: String(auth.password ?? '') };
		}
		return options;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types[typeName];
		if (!type?.preAuthentication) return undefined;
		// n8n re-runs preAuthentication only when its `expirable` field is empty or after a 401.
		const expirable = type.properties.find((property) => property.typeOptions?.expirable === true);
		if (expirable && credentials[expirable.name] && !credentialsExpired) return undefined;
		return await this.runPreAuthentication(helpers, credentials, typeName);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types[typeName];
		if (!type?.preAuthentication) return undefined;
		const update = await type.preAuthentication.call(helpers, credentials);
		const updated = { ...credentials, ...update } as ICredentialDataDecryptedObject;
		this.data[typeName] = updated;
		return updated;
	}

	async getCredentials(_nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		throw new Error(`n8nEngine: encrypted credentials are not modelled; read "${type}" with getDecrypted`);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`n8nEngine: no credentials of type "${type}" were given to the test`);
		this.decryptedLoads++;
		return { ...data };
	}

	async updateCredentials(_nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.data[type] = { ...data };
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.data[type] = { ...this.data[type], ...data };
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types[type]?.properties ?? [];
	}
}

/** Collects what n8n's Logger receives, so tests can check log lines (e.g. for leaked secrets). */
class CapturingLogger {
	readonly lines: LogLine[] = [];

	error(message: string, meta?: unknown) {
		this.lines.push({ level: 'error', message, meta });
	}
	warn(message: string, meta?: unknown) {
		this.lines.push({ level: 'warn', message, meta });
	}
	info(message: string, meta?: unknown) {
		this.lines.push({ level: 'info', message, meta });
	}
	debug(message: string, meta?: unknown) {
		this.lines.push({ level: 'debug', message, meta });
	}
	scoped() {
		return this;
	}
}

function installLogger(): CapturingLogger {
	const logger = new CapturingLogger();
	Container.set(Logger, logger as unknown as Logger);
	return logger;
}

let executionCounter = 0;

function additionalDataFor(credentialsHelper: ICredentialsHelper, workflow: Workflow, mode: WorkflowExecuteMode): IWorkflowExecuteAdditionalData {
	const executionId = `test-${++executionCounter}`;
	const workflowData = { id: workflow.id, name: workflow.name ?? 'test workflow', active: false, activeVersionId: null, isArchived: false, nodes: Object.values(workflow.nodes), connections: workflow.connectionsBySourceNode, createdAt: new Date(), updatedAt: new Date() };
	const notAvailable = (what: string) => async () => {
		throw new Error(`n8nEngine: ${what} is not available in tests`);
	};
	// A plain object, not a deep mock: n8n-core probes optional members and a mock answers every probe.
	const data = {
		credentialsHelper,
		executionId,
		// WorkflowExecute refuses to run without lifecycle hooks; none are registered, as in a bare worker.
		hooks: new ExecutionLifecycleHooks(mode, executionId, workflowData as unknown as IWorkflowBase),
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		userId: 'test-user',
		executeWorkflow: notAvailable('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => undefined,
		startRunnerTask: notAvailable('startRunnerTask'),
	};
	return data as unknown as IWorkflowExecuteAdditionalData;
}

function onErrorOf(node: { continueOnFail?: boolean; onError?: OnErrorSetting }): OnErrorSetting | undefined {
	if (node.onError) return node.onError;
	return node.continueOnFail ? 'continueRegularOutput' : undefined;
}

function credentialsOf(spec: EngineNode, type: INodeType): INodeCredentials | undefined {
	const names = spec.credentials ?? (type.description.credentials ?? []).map((credential) => credential.name);
	if (names.length === 0) return undefined;
	const credentials: INodeCredentials = {};
	for (const name of names) credentials[name] = { id: `${name}-id`, name };
	return credentials;
}

function toConnections(connections: EngineConnection[]): IConnections {
	const result: IConnections = {};
	for (const { from, to, output = 0, input = 0 } of connections) {
		const main = (result[from] ??= { main: [] }).main;
		while (main.length <= output) main.push([]);
		(main[output] ??= []).push({ node: to, type: 'main', index: input });
	}
	return result;
}

function buildWorkflow(
	nodeTypes: Record<string, INodeType | IVersionedNodeType>,
	specs: EngineNode[],
	connections: EngineConnection[],
	staticData: IDataObject | undefined,
): Workflow {
	const types = new TestNodeTypes(nodeTypes);
	const nodes: INode[] = specs.map((spec, index) => {
		const type = types.getByNameAndVersion(spec.type, spec.typeVersion);
		const version = spec.typeVersion ?? defaultVersionOf(type.description);
		const node: INode = {
			id: `node-${index}`,
			name: spec.name,
			type: spec.type,
			typeVersion: version,
			position: [index * 200, 0],
			parameters: {},
			disabled: spec.disabled,
			retryOnFail: spec.retryOnFail,
			maxTries: spec.maxTries,
			waitBetweenTries: spec.waitBetweenTries,
		};
		const onError = onErrorOf(spec);
		if (onError) node.onError = onError;
		const credentials = credentialsOf(spec, type);
		if (credentials) node.credentials = credentials;
		// Fill in defaults the way the editor does when a node is dropped onto the canvas.
		node.parameters = NodeHelpers.getNodeParameters(type.description.properties, spec.parameters ?? {}, true, false, node, type.description) ?? {};
		return node;
	});
	return new Workflow({
		id: 'test-workflow',
		name: 'test workflow',
		nodes,
		connections: toConnections(connections),
		active: false,
		nodeTypes: types,
		staticData,
		settings: { executionOrder: 'v1' },
	});
}

function runResult(run: IRun, defaultNode: string | undefined, logs: LogLine[]): EngineRun {
	const lastTask = (node: string | undefined) => {
		const name = node ?? defaultNode;
		if (!name) throw new Error('n8nEngine: name the node to read');
		const tasks = run.data.resultData.runData[name];
		return tasks?.[tasks.length - 1];
	};
	const outputs = (node?: string) => (lastTask(node)?.data?.main ?? []).map((items) => items ?? []);
	const output = (index = 0, node?: string) => outputs(node)[index] ?? [];
	return {
		run,
		outputs,
		output,
		json: (index = 0, node?: string) => output(index, node).map((item) => item.json),
		error: run.data.resultData.error,
		nodeError: (node?: string) => lastTask(node)?.error,
		logs,
	};
}

export async function runWorkflow(options: RunWorkflowOptions): Promise<EngineRun> {
	const logger = installLogger();
	const nodeTypes: Record<string, INodeType | IVersionedNodeType> = { [START_NODE_TYPE]: startNodeType(toItems(options.input)) };
	for (const [name, type] of Object.entries(options.nodeTypes)) nodeTypes[name] = instantiate(type);
	const startNode = options.startNode ?? START_NODE_NAME;
	const specs = [...options.nodes];
	if (!options.startNode) specs.unshift({ name: START_NODE_NAME, type: START_NODE_TYPE });
	const workflow = buildWorkflow(nodeTypes, specs, options.connections ?? [], options.staticData);
	const credentialsHelper = new PlainCredentialsHelper({ ...(options.credentials ?? {}) }, options.credentialTypes);
	const mode = options.mode ?? 'manual';
	const execute = new WorkflowExecute(additionalDataFor(credentialsHelper, workflow, mode), mode);
	const run = await execute.run({ workflow, startNode: workflow.getNode(startNode) ?? undefined });
	return runResult(run, options.nodeName, logger.lines);
}

function typeNameOf(type: INodeType | IVersionedNodeType): string {
	return type.description.name;
}

export async function runNode(options: RunNodeOptions): Promise<EngineRun> {
	const type = instantiate(options.nodeType);
	const typeName = typeNameOf(type);
	const name = options.name ?? type.description.displayName;
	return await runWorkflow({
		nodeTypes: { [typeName]: type },
		nodes: [
			{
				name,
				type: typeName,
				typeVersion: options.typeVersion,
				parameters: options.parameters,
				continueOnFail: options.continueOnFail,
				onError: options.onError,
			},
		],
		connections: [{ from: START_NODE_NAME, to: name }],
		input: options.input,
		credentials: options.credentials,
		credentialTypes: options.credentialTypes,
		staticData: options.staticData,
		mode: options.mode,
		nodeName: name,
	});
}

export async function runPoll(options: RunPollOptions): Promise<INodeExecutionData[][] | null> {
	installLogger();
	const type = instantiate(options.nodeType);
	const typeName = typeNameOf(type);
	const name = options.name ?? type.description.displayName;
	const workflow = buildWorkflow({ [typeName]: type }, [{ name, type: typeName, typeVersion: options.typeVersion, parameters: options.parameters }], [], options.staticData);
	const node = workflow.getNode(name);
	const pollType = workflow.nodeTypes.getByNameAndVersion(typeName, node?.typeVersion);
	if (!node || !pollType.poll) throw new Error(`n8nEngine: node type "${typeName}" has no poll()`);
	const credentialsHelper = new PlainCredentialsHelper({ ...(options.credentials ?? {}) }, options.credentialTypes);
	const mode = options.mode ?? 'trigger';
	const context = new PollContext(workflow, node, additionalDataFor(credentialsHelper, workflow, mode), mode, mode === 'manual' ? 'manual' : 'activate');
	return await pollType.poll.call(context);
}

/** Lines of every log entry, for "the secret appears nowhere" assertions. */
export function logText(logs: LogLine[]): string {
	return logs.map((line) => `${line.level} ${line.message} ${line.meta === undefined ? '' : JSON.stringify(line.meta)}`).join('\n');
}
