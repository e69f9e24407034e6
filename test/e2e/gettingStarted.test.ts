import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

import { PosSimulatorClient } from '../../simulator/pos/client';
import { PosSimulator } from '../../simulator/pos/posSimulator';
import { startShopifySimulator, type RunningShopifySimulator } from '../../simulator/shopify';
import { N8nInstance, packedTarball, REPO_ROOT, runProcess, waitFor } from './harness';
import { waitForExecutionsToSettle } from './queue/executions';

// README "Getting started", done step by step as a shop owner with Square would, in a fresh n8n 2.41.1: the
// README's own shell commands install the packed package into a new home's ~/.n8n/nodes; credentials are
// created and tested the way the editor saves them; the template is taken from the installed package and set
// up as "Square, start to finish" says (clicking the Run once triggers, picking the location from the list);
// then a test order and a register sale. Names, commands and values are read from the README, so it stays
// true: a step that no longer works here, or a screen name that no longer exists, fails this test.

type Json = Record<string, unknown>;

const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const TEMPLATES_README = readFileSync(join(REPO_ROOT, 'templates', 'README.md'), 'utf8');
const PACKAGE = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const SQUARE_TOKEN = 'getting-started-square-token-4kd';
const SIGNATURE_KEY = 'getting-started-signature-key-9Wq';

/** The README's "## Getting started" section. */
function gettingStarted(): string {
	const start = README.indexOf('\n## Getting started');
	const end = README.indexOf('\n## ', start + 5);
	if (start < 0 || end < 0) throw new Error('README has no "## Getting started" section');
	return README.slice(start, end);
}

/** The text of step `**<n>. …` up to the next numbered step. */
function step(n: number): string {
	const guide = gettingStarted();
	const start = guide.indexOf(`**${n}. `);
	if (start < 0) throw new Error(`Getting started has no step ${n}`);
	const next = guide.indexOf(`**${n + 1}. `, start);
	return guide.slice(start, next < 0 ? undefined : next);
}

/** The paragraph that starts with the given bold text. */
function paragraph(text: string, boldStart: string): string {
	const start = text.indexOf(`**${boldStart}`);
	if (start < 0) throw new Error(`README has no paragraph starting "**${boldStart}"`);
	const end = text.indexOf('\n\n', start);
	return text.slice(start, end < 0 ? undefined : end);
}

const shellBlocks = (text: string) => [...text.matchAll(/```sh\n([\s\S]*?)\n\s*```/g)].map((match) => match[1].replace(/^ {2}/gm, ''));
/** Bold names as the screen shows them (the README wraps long ones over two lines). */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');
const boldNames = (text: string) => [...text.matchAll(/\*\*([^*]+)\*\*/g)].map((match) => oneLine(match[1]));
const withoutNpmConfig = () => Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));

describe('README "Getting started", followed step by step in a fresh n8n (Square)', () => {
	let home: string;
	let n8n: N8nInstance;
	let shop: RunningShopifySimulator;
	let pos: PosSimulator;
	let square: PosSimulatorClient;
	let posOrigin: string;
	let variationId: string;
	let shopifyLocation: { id: string; name: string };
	let squareLocationId: string;
	let sku: string;
	let workflowId: string;
	const credentialIds = new Map<string, { id: string; name: string }>();

	beforeAll(async () => {
		shop = await startShopifySimulator({ seed: false });
		const seeded = await shop.control.seed({ seed: 12, locations: 1, products: 3, orders: 0, posShare: 0, maxAvailable: 40 });
		shopifyLocation = seeded.locations[0];
		sku = seeded.variants.find((variant) => variant.sku && seeded.variants.filter((other) => other.sku === variant.sku).length === 1)!.sku!;
		await shop.control.setInventory({ sku, locationId: shopifyLocation.id, quantities: { available: 30 } });
		pos = new PosSimulator({ config: { auth: { type: 'bearer', token: SQUARE_TOKEN }, squareVersion: squareVersionHeader().split(': ')[1] } });
		posOrigin = await pos.start();
		square = new PosSimulatorClient(posOrigin);
		// The shop's Square account: a location, the item with the same SKU, the same stock as in Shopify.
		[{ id: squareLocationId }] = await square.squareLocations([{ name: 'Main Street' }]);
		const objects = await square.squareCatalog([{ name: `Item ${sku}`, variations: [{ sku, priceAmount: 1500 }] }]);
		const variation = objects.flatMap((object) => [object, ...(((object.item_data as Json | undefined)?.variations as Json[] | undefined) ?? [])]).find((object) => object.type === 'ITEM_VARIATION')!;
		variationId = variation.id as string;
		await square.squareActivity('receive', { location_id: squareLocationId, catalog_object_id: variationId, quantity: '30' });
		await square.squareWebhookKnobs({ autoDeliver: true });
		home = mkdtempSync(join(tmpdir(), 'getting-started-home-'));
	}, 120_000);

	afterAll(async () => {
		await n8n?.dispose();
		await pos?.stop();
		await shop?.close();
	}, 60_000);

	const squareStock = () => pos.square.inventory.quantity(variationId, squareLocationId);

	function squareVersionHeader(): string {
		const header = /`(Square-Version: [^`]+)`/.exec(paragraph(step(4), 'Square, start to finish'))?.[1];
		if (!header) throw new Error('"Square, start to finish" names no Square-Version header');
		return header;
	}

	it('step 2: the README\'s commands install the packed file into a fresh ~/.n8n/nodes, and n8n lists the nodes it names', async () => {
		const [pack, npmRoute, dockerRoute] = shellBlocks(step(2));
		const tarball = packedTarball();
		// `npm pack` writes the file the README names (the e2e setup packed it the same way).
		expect(pack).toMatch(/^npm install && npm pack\b/);
		expect(/# writes (\S+\.tgz)/.exec(pack)?.[1]).toBe(`${PACKAGE.name}-${PACKAGE.version}.tgz`);
		expect(basename(tarball)).toBe(`${PACKAGE.name}-${PACKAGE.version}.tgz`);

		// The npm route, run as written with the file's real folder for /path/to/, in a home of its own.
		expect(npmRoute).toContain('/path/to/');
		const installed = await runProcess('sh', ['-ec', npmRoute.split('/path/to/').join(`${dirname(tarball)}/`)], {
			cwd: home,
			env: { ...withoutNpmConfig(), HOME: home },
			timeoutMs: 10 * 60_000,
		});
		expect({ code: installed.code, stderr: installed.code === 0 ? '' : installed.stderr.slice(-2000) }).toEqual({ code: 0, stderr: '' });
		const nodesFolder = join(home, '.n8n', 'nodes', 'node_modules');
		expect(existsSync(join(nodesFolder, PACKAGE.name, 'package.json'))).toBe(true);
		expect(existsSync(join(nodesFolder, '@shopify', 'admin-api-client'))).toBe(true);
		// n8n provides n8n-workflow; a second copy beside the package is what n8n's own installer avoids.
		expect(existsSync(join(nodesFolder, 'n8n-workflow'))).toBe(false);
		// The Docker route installs the same way.
		const npmInstall = (block: string) => /npm install [^/]*/.exec(block)?.[0].trim();
		expect(npmInstall(dockerRoute)).toBe(npmInstall(npmRoute));

		n8n = await N8nInstance.create({ userFolder: home, log: (line) => process.stdout.write(`${line}\n`) });
		await n8n.start();
		const check = /Check: [\s\S]*?(?:\n\n|$)/.exec(step(2))?.[0] ?? '';
		const named = boldNames(check).filter((name) => name !== '+');
		expect(named.length).toBeGreaterThanOrEqual(2);
		const ours = (await n8n.rest.nodeTypes()).filter((type) => type.name.startsWith(`${PACKAGE.name}.`));
		for (const name of named) expect(ours.map((type) => type.displayName)).toContain(name);
	}, 900_000);

	it('step 3: the credential named "ours" has the README\'s Authentication choices; saved and tested as the editor does, all pass', async () => {
		const types = (await n8n.rest.credentialTypes()) as Array<{ name: string; displayName: string; properties?: Array<{ name: string; options?: Array<{ name: string }> }> }>;
		const ourName = oneLine(/ours\s+is\s+\*\*([^*]+)\*\*/.exec(step(3))?.[1] ?? '');
		const shopifyType = types.find((type) => type.displayName === ourName);
		expect(shopifyType?.name).toBe('shopifyAdminApi');
		// n8n's own "Shopify" credentials the README tells apart from ours exist under those names.
		for (const builtIn of [...step(3).matchAll(/"(Shopify[^"]+)"/g)].map((match) => oneLine(match[1]))) expect(types.map((type) => type.displayName)).toContain(builtIn);
		const authentication = shopifyType!.properties!.find((property) => property.name === 'authentication')!.options!.map((option) => option.name);
		const chosen = [...step(1).matchAll(/Authentication\s+\*\*([^*]+)\*\*/g)].map((match) => oneLine(match[1]));
		expect(chosen).toHaveLength(2);
		for (const label of chosen) expect(authentication).toContain(label);

		const testPath = /Square-Version: [^`]+`, Test Path `([^`]+)`/.exec(TEMPLATES_README)?.[1];
		expect(testPath).toBeDefined();
		const create = async (name: string, type: string, data: Json) => {
			const saved = await n8n.rest.rest<{ id: string; name: string }>('POST', '/credentials', { name, type, data });
			// Saving tests it: what the editor sends right after.
			const tested = await n8n.rest.rest<{ status: string; message: string }>('POST', '/credentials/test', { credentials: { id: saved.id, name, type, data } });
			credentialIds.set(type, { id: saved.id, name });
			return tested;
		};
		// The Dev Dashboard way (client ID and secret), which step 1 calls the way for new apps.
		const devDashboard = shopifyType!.properties!.find((property) => property.name === 'authentication')!.options!.find((option) => option.name === chosen[0]) as { value?: string };
		const shopify = await create('My store', 'shopifyAdminApi', { shop: shop.url, authentication: devDashboard.value, clientId: shop.clientId, clientSecret: shop.clientSecret });
		expect(shopify).toMatchObject({ status: 'OK' });
		const posApi = await create('Square', 'posApi', { baseUrl: posOrigin, authType: 'bearer', token: SQUARE_TOKEN, extraHeaders: squareVersionHeader(), testPath });
		expect(posApi).toMatchObject({ status: 'OK' });
		const saved = await n8n.rest.rest<{ id: string; name: string }>('POST', '/credentials', { name: 'Square webhooks', type: 'posWebhookApi', data: { secret: SIGNATURE_KEY, urlToken: '' } });
		credentialIds.set('posWebhookApi', { id: saved.id, name: 'Square webhooks' });
	}, 120_000);

	it('step 4 and "Square, start to finish": the installed template, imported, set up by its Run once buttons and the location list, publishes', async () => {
		const folder = /under `(~\/\.n8n\/nodes\/node_modules\/[^`]+)`/.exec(step(4))?.[1];
		expect(folder).toBeDefined();
		const file = join(home, folder!.replace(/^~\//, ''), 'square.json');
		const template = JSON.parse(readFileSync(file, 'utf8')) as { name: string; nodes: Array<Json & { name: string; type: string; parameters: Json; credentials?: Json; webhookId?: string }>; connections: Json; settings?: Json };
		// ⋯ → Import → From file, then Save; each node gets the credential of its type.
		for (const node of template.nodes) {
			for (const type of Object.keys(node.credentials ?? {})) node.credentials![type] = credentialIds.get(type);
		}
		const created = await n8n.rest.rest<{ id: string }>('POST', '/workflows', { name: template.name, nodes: template.nodes, connections: template.connections, settings: template.settings ?? {} });
		workflowId = created.id;
		const squareSteps = paragraph(step(4), 'Square, start to finish');

		// "click **Run once: list my Square locations** and put your location's `id` in **Move Square stock** and **Get Square stock changes**"
		const named = boldNames(squareSteps);
		const listTrigger = named.find((name) => name.startsWith('Run once: list'))!;
		const [moveNode, changesNode] = ['Move Square stock', 'Get Square stock changes'];
		expect(named).toEqual(expect.arrayContaining([listTrigger, moveNode, changesNode]));
		const listed = await runFromTrigger(listTrigger);
		const listNode = template.nodes.find((node) => node.type === `${PACKAGE.name}.posInventory` && node.parameters.operation === 'listLocations')!;
		const locations = listed[listNode.name] ?? [];
		const mine = locations.find((location) => location.name === 'Main Street');
		expect(mine?.id).toBe(squareLocationId);
		for (const name of [moveNode, changesNode]) {
			const node = template.nodes.find((candidate) => candidate.name === name)!;
			expect(node.parameters.locationId).toBe('YOUR_SQUARE_LOCATION_ID');
			node.parameters.locationId = mine!.id;
		}
		// "pick the Shopify location on **Adjust Shopify stock**": the list the editor shows.
		const adjust = template.nodes.find((node) => node.name === boldNames(squareSteps).find((name) => name === 'Adjust Shopify stock'))!;
		const listedLocations = await n8n.rest.rest<{ results: Array<{ name: string; value: string }> }>('POST', '/dynamic-node-parameters/resource-locator-results', {
			path: 'parameters.location',
			nodeTypeAndVersion: { name: adjust.type, version: adjust.typeVersion },
			currentNodeParameters: adjust.parameters,
			methodName: 'searchLocations',
			credentials: adjust.credentials,
		});
		const picked = listedLocations.results.find((location) => location.name === shopifyLocation.name)!;
		expect(picked.value).toBe(shopifyLocation.id);
		adjust.parameters.location = { __rl: true, mode: 'list', value: picked.value, cachedResultName: picked.name };
		const saved = await n8n.rest.publicApi('PUT', `/workflows/${workflowId}`, { name: template.name, nodes: template.nodes, connections: template.connections, settings: {} });
		expect(saved.status).toBe(200);
		// No `YOUR_…` value is left in any node's settings (the sticky notes speak of them).
		expect(JSON.stringify(template.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').map((node) => node.parameters))).not.toMatch(/YOUR_[A-Z_]+/);

		// Square's webhook subscription to the POS Trigger's Production URL, its signature key in the credential.
		const trigger = template.nodes.find((node) => node.type === `${PACKAGE.name}.posTrigger`)!;
		await square.squareSubscribe({ url: `${n8n.baseUrl}/webhook/${trigger.webhookId}/pos`, signatureKey: SIGNATURE_KEY, eventTypes: ['inventory.count.updated'] });
		// "create the retry table; publish."
		const tableTrigger = boldNames(step(4)).find((name) => name.startsWith('Run once: create the retry table'))!;
		await runFromTrigger(tableTrigger);
		await n8n.rest.publishWorkflow(workflowId);
	}, 300_000);

	it('step 7: a test order takes its units off Square\'s stock, a register sale off Shopify\'s, each once, every run successful', async () => {
		const shopifyBefore = await shop.control.quantity(sku, shopifyLocation.id);
		const squareBefore = squareStock();
		await shop.control.createOrder({ lineItems: [{ sku, quantity: 2 }], sourceName: 'web', financialStatus: 'PAID' });
		await waitFor('the order in Square', () => (squareStock() === squareBefore - 2 ? true : undefined), 120_000, 500);

		await square.squareActivity('sale', { location_id: squareLocationId, lines: [{ sku, quantity: 1 }] });
		// Shopify took 2 for its own order; the register sale takes 1 more.
		await waitFor('the register sale in Shopify', async () => ((await shop.control.quantity(sku, shopifyLocation.id)) === shopifyBefore - 3 ? true : undefined), 120_000, 500);
		await shop.control.settleWebhooks();
		await waitForExecutionsToSettle(n8n.rest, workflowId);

		expect(squareStock()).toBe(squareBefore - 3);
		expect(await shop.control.quantity(sku, shopifyLocation.id)).toBe(shopifyBefore - 3);
		const executions = await n8n.rest.publicApi<{ data: Array<{ status: string; mode: string }> }>('GET', `/executions?workflowId=${workflowId}&limit=100`);
		const production = executions.body.data.filter((execution) => execution.mode !== 'manual');
		expect(production.length).toBeGreaterThan(0);
		expect(production.filter((execution) => execution.status !== 'success')).toEqual([]);
	}, 300_000);

	/** The play button on a Manual Trigger of the saved workflow; the items each node put out on its first output. */
	async function runFromTrigger(triggerName: string): Promise<Record<string, Json[]>> {
		const started = await n8n.rest.rest<{ executionId: string }>('POST', `/workflows/${workflowId}/run`, { triggerToStartFrom: { name: triggerName } });
		const execution = await waitFor(
			`the run from "${triggerName}"`,
			async () => {
				const found = await n8n.rest.publicApi<{ finished?: boolean; status: string; data?: { resultData: { runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Json }> | null> } }>>; error?: { message: string } } } }>(
					'GET',
					`/executions/${started.executionId}?includeData=true`,
				);
				return found.status === 200 && !['new', 'running', 'waiting'].includes(found.body.status) ? found.body : undefined;
			},
			120_000,
			300,
		);
		expect({ trigger: triggerName, status: execution.status, error: execution.data?.resultData.error?.message }).toEqual({ trigger: triggerName, status: 'success', error: undefined });
		return Object.fromEntries(Object.entries(execution.data!.resultData.runData).map(([node, runs]) => [node, (runs[0].data?.main[0] ?? []).map((item) => item.json)]));
	}
});
