import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodeType } from 'n8n-workflow';
import { failed } from '../../../nodes/PosInventory/outputItems';
import { PosInventory } from '../../../nodes/PosInventory/PosInventory.node';
import { PosHttpRequest } from '../../../nodes/PosHttpRequest/PosHttpRequest.node';
import { PosTrigger } from '../../../nodes/PosTrigger/PosTrigger.node';
import { ShopifyAdjustInventory } from '../../../nodes/ShopifyAdjustInventory/ShopifyAdjustInventory.node';
import { isValidReferenceUri } from '../../../lib/shopify/inventory/validateChange';
import { isInventoryReason } from '../../../lib/shopify/inventory/reasons';
import { ShopifyGetInventory } from '../../../nodes/ShopifyGetInventory/ShopifyGetInventory.node';
import { ShopifyGetOrders } from '../../../nodes/ShopifyGetOrders/ShopifyGetOrders.node';
import { ShopifyOrderPollingTrigger } from '../../../nodes/ShopifyOrderTrigger/ShopifyOrderPollingTrigger.node';
import { ShopifyOrderTrigger } from '../../../nodes/ShopifyOrderTrigger/ShopifyOrderTrigger.node';
import { ShopifyReconcileInventory } from '../../../nodes/ShopifyReconcileInventory/ShopifyReconcileInventory.node';
import baseNodes from './n8nBaseNodeProperties.json';
import { SAMPLE_POS_ORDER } from './samplePosOrder';

// Static checks of templates/*.json: a template with a wrong type, version or parameter name imports into n8n
// without a word and then silently does nothing, so every name is checked against the node that reads it.
const REPO = join(__dirname, '..', '..', '..');
const TEMPLATE_DIR = join(REPO, 'templates');
const VENDOR_FILES = ['clover.json', 'generic-rest.json', 'lightspeed-x.json', 'loyverse.json', 'square.json'];
const RECONCILE_FILES = ['reconcile-generic-rest.json', 'reconcile-clover.json', 'reconcile-lightspeed-x.json', 'reconcile-loyverse.json', 'reconcile-square.json'];
const PACKAGE_PREFIX = 'n8n-nodes-shopify-pos.';

interface Node {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	disabled?: boolean;
	executeOnce?: boolean;
}
interface Template {
	name: string;
	nodes: Node[];
	connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;
	settings?: Record<string, unknown>;
}

const OWN_NODES: INodeType[] = [
	new ShopifyOrderTrigger(),
	new ShopifyOrderPollingTrigger(),
	new ShopifyGetOrders(),
	new ShopifyAdjustInventory(),
	new ShopifyGetInventory(),
	new ShopifyReconcileInventory(),
	new PosHttpRequest(),
	new PosTrigger(),
	new PosInventory(),
];
const ownByType = new Map(OWN_NODES.map((node) => [`${PACKAGE_PREFIX}${node.description.name}`, node]));
const baseByType = baseNodes.nodes as Record<string, Record<string, string[]>>;

const readTemplate = (file: string) => ({ file, template: JSON.parse(readFileSync(join(TEMPLATE_DIR, file), 'utf8')) as Template });
const templates = VENDOR_FILES.map(readTemplate);
const reconcileTemplates = RECONCILE_FILES.map(readTemplate);
/** The templates on POS HTTP Request with a mapping node and the `{saleId, lines}` sale webhook (issue 15 moves them on). */
const MAPPED_TEMPLATES = templates.filter(({ file }) => !['square.json', 'lightspeed-x.json', 'loyverse.json', 'clover.json'].includes(file));
const squareTemplate = templates.find(({ file }) => file === 'square.json')!.template;
const isExpression = (value: unknown) => typeof value === 'string' && value.startsWith('=');
const nodesOfType = (template: Template, type: string) => template.nodes.filter((node) => node.type === type);
const onlyNode = (template: Template, type: string) => {
	const nodes = nodesOfType(template, type);
	expect(nodes).toHaveLength(1);
	return nodes[0];
};

/** Parameter names (and fixed option values) the node's description declares, for one level of properties. */
function checkAgainstProperties(where: string, values: Record<string, unknown>, properties: INodeProperties[], extraNames: string[] = []): string[] {
	const problems: string[] = [];
	for (const [name, value] of Object.entries(values)) {
		if (extraNames.includes(name)) continue;
		const declared = properties.filter((property) => property.name === name);
		if (declared.length === 0) {
			problems.push(`${where}: unknown parameter "${name}"`);
			continue;
		}
		if (isExpression(value)) continue;
		const property = declared[0];
		if (property.type === 'options') {
			const allowed = (property.options ?? []).map((option) => (option as { value: unknown }).value);
			if (!allowed.includes(value)) problems.push(`${where}: "${name}" = ${JSON.stringify(value)} is not one of ${JSON.stringify(allowed)}`);
		}
		if (property.type === 'multiOptions') {
			const allowed = (property.options ?? []).map((option) => (option as { value: unknown }).value);
			for (const item of value as unknown[]) if (!allowed.includes(item)) problems.push(`${where}: "${name}" has unknown value ${JSON.stringify(item)}`);
		}
		if (property.type === 'collection' && value && typeof value === 'object') {
			problems.push(...checkAgainstProperties(`${where}.${name}`, value as Record<string, unknown>, (property.options ?? []) as INodeProperties[]));
		}
		if (property.type === 'boolean' && typeof value !== 'boolean') problems.push(`${where}: "${name}" must be a boolean`);
	}
	return problems;
}

/** The JavaScript inside an n8n `={{ … }}` expression that is one expression from start to end. */
function wholeExpression(value: string): string {
	const match = /^=\{\{([\s\S]*)\}\}$/.exec(value.trim());
	if (!match) throw new Error(`not a whole-value expression: ${value.slice(0, 60)}`);
	// n8n finds the end of an expression at the first "}}": an object literal inside must not close with "}}".
	expect(match[1]).not.toContain('}}');
	return match[1];
}

function evaluate(expression: string, json: unknown): unknown {
	// The templates' expressions use plain JavaScript and $json only, so they run the same here as in n8n.
	return new Function('$json', `return (${wholeExpression(expression)});`)(json) as unknown;
}

describe('POS templates', () => {
	it('are the five vendor files and the reconciliation templates, and nothing else, in templates/', () => {
		expect(readdirSync(TEMPLATE_DIR).filter((file) => file.endsWith('.json')).sort()).toEqual([...VENDOR_FILES, ...RECONCILE_FILES].sort());
	});

	describe.each([...templates, ...reconcileTemplates])('$file: node types, parameters, credentials, connections', ({ template }) => {
		it('uses only this package\'s node types and n8n-nodes-base node versions that exist in n8n 2.41.1', () => {
			for (const node of template.nodes) {
				if (node.type.startsWith(PACKAGE_PREFIX)) {
					const own = ownByType.get(node.type);
					expect({ node: node.name, known: own !== undefined }).toEqual({ node: node.name, known: true });
					// New workflows get a node's newest version; a template should too.
					const versions = [own!.description.version].flat();
					expect({ node: node.name, typeVersion: node.typeVersion }).toEqual({ node: node.name, typeVersion: own!.description.defaultVersion ?? Math.max(...versions) });
				} else {
					expect(node.type.startsWith('n8n-nodes-base.')).toBe(true);
					expect({ node: node.name, versions: Object.keys(baseByType[node.type] ?? {}) }).toEqual({
						node: node.name,
						versions: expect.arrayContaining([String(node.typeVersion)]),
					});
				}
			}
		});

		it('names only parameters (and option values) that the nodes declare', () => {
			const problems: string[] = [];
			for (const node of template.nodes) {
				const own = ownByType.get(node.type);
				if (own) {
					// n8n adds Poll Times to every polling node's parameters.
					const extra = own.description.polling ? ['pollTimes'] : [];
					problems.push(...checkAgainstProperties(node.name, node.parameters, own.description.properties, extra));
				} else {
					const declared = baseByType[node.type][String(node.typeVersion)];
					for (const name of Object.keys(node.parameters)) if (!declared.includes(name)) problems.push(`${node.name}: unknown parameter "${name}"`);
				}
			}
			expect(problems).toEqual([]);
		});

		it('has placeholder credentials of the types the nodes ask for', () => {
			for (const node of template.nodes) {
				const own = ownByType.get(node.type);
				// The credentials the node shows for its settings (POS nodes: the one its Authentication picks).
				const setting = (name: string) => node.parameters[name] ?? own?.description.properties.find((property) => property.name === name)?.default;
				const shown = (show: Record<string, unknown[] | undefined> = {}) => Object.entries(show).every(([name, values]) => (values ?? []).includes(setting(name) as never));
				const wanted = (own?.description.credentials ?? []).filter((credential) => shown(credential.displayOptions?.show)).map((credential) => credential.name);
				expect(Object.keys(node.credentials ?? {})).toEqual(wanted);
				for (const credential of Object.values(node.credentials ?? {})) expect(credential.id).toMatch(/^REPLACE_WITH_YOUR_/);
			}
		});

		it('wires every connection between nodes that exist, on outputs the nodes have', () => {
			const byName = new Map(template.nodes.map((node) => [node.name, node]));
			expect(byName.size).toBe(template.nodes.length);
			for (const [from, { main }] of Object.entries(template.connections)) {
				const source = byName.get(from);
				expect(source).toBeDefined();
				const outputs = ownByType.get(source!.type)?.description.outputs;
				// "On Error: Continue (using error output)" gives a node one more output, after its own.
				const errorOutput = (source as { onError?: string }).onError === 'continueErrorOutput' ? 1 : 0;
				if (Array.isArray(outputs)) expect(main.length).toBeLessThanOrEqual(outputs.length + errorOutput);
				for (const targets of main) for (const target of targets) expect(byName.has(target.node)).toBe(true);
			}
		});

	});

	describe.each(MAPPED_TEMPLATES)('$file (POS HTTP Request)', ({ template }) => {
		it('holds both directions: webhook and polling triggers into one path to the POS, a kept Failed output, and POS sales into Adjust Inventory', () => {
			const webhookTrigger = onlyNode(template, `${PACKAGE_PREFIX}shopifyOrderTrigger`);
			const pollingTrigger = onlyNode(template, `${PACKAGE_PREFIX}shopifyOrderPollingTrigger`);
			const next = (name: string, output = 0) => template.connections[name]?.main[output]?.map((target) => target.node) ?? [];
			expect(next(webhookTrigger.name)).toEqual(next(pollingTrigger.name));
			// Loop guard on both the triggers and the filter after them.
			expect(webhookTrigger.parameters.options).toMatchObject({ skipPosOrders: true });
			expect(pollingTrigger.parameters.options).toMatchObject({ skipPosOrders: true });
			const guard = template.nodes.find((node) => node.name === next(webhookTrigger.name)[0])!;
			expect(guard.type).toBe('n8n-nodes-base.filter');
			expect(JSON.stringify(guard.parameters)).toContain('sourceName');

			const pos = onlyNode(template, `${PACKAGE_PREFIX}posHttpRequest`);
			const kept = next(pos.name, 1).map((name) => template.nodes.find((node) => node.name === name)!);
			expect(kept.map((node) => [node.type, node.parameters.operation])).toEqual([['n8n-nodes-base.dataTable', 'insert']]);
			const createTable = template.nodes.find((node) => node.type === 'n8n-nodes-base.dataTable' && node.parameters.operation === 'create')!;
			const keptColumns = Object.keys((kept[0].parameters.columns as { value: object }).value).sort();
			const createdColumns = (createTable.parameters.columns as { column: Array<{ name: string }> }).column.map((column) => column.name).sort();
			expect(keptColumns).toEqual(createdColumns);
			expect(createTable.parameters.tableName).toBe((kept[0].parameters.dataTableId as { value: string }).value);

			const saleWebhook = onlyNode(template, 'n8n-nodes-base.webhook');
			const adjust = onlyNode(template, `${PACKAGE_PREFIX}shopifyAdjustInventory`);
			const reachable = new Set<string>();
			const walk = (name: string) => {
				if (reachable.has(name)) return;
				reachable.add(name);
				for (const output of template.connections[name]?.main ?? []) for (const target of output) walk(target.node);
			};
			walk(saleWebhook.name);
			expect(reachable.has(adjust.name)).toBe(true);
			expect((adjust.parameters.options as { idempotencyKey: string }).idempotencyKey).toContain('saleId');
		});

		it('has sticky notes that explain setup, each direction and failed orders', () => {
			const notes = nodesOfType(template, 'n8n-nodes-base.stickyNote').map((node) => String(node.parameters.content));
			expect(notes.length).toBeGreaterThanOrEqual(4);
			const all = notes.join('\n');
			for (const words of [/setup/i, /Shopify orders →/, /POS sales → Shopify/, /did not take/i, /https/i, /polling/i]) expect(all).toMatch(words);
		});
	});

	describe('reconcile-generic-rest.json', () => {
		const { template } = reconcileTemplates[0];
		const next = (name: string, output = 0) => template.connections[name]?.main[output]?.map((target) => target.node) ?? [];
		const named = (name: string) => template.nodes.find((node) => node.name === name)!;

		it('runs nightly: POS stock from the generic POS\'s stock route, one item per count, a report-only reconciliation, into the drift table', () => {
			const schedule = onlyNode(template, 'n8n-nodes-base.scheduleTrigger');
			expect(schedule.parameters.rule).toEqual({ interval: [{ field: 'days', triggerAtHour: 3 }] });
			const [readName] = next(schedule.name);
			const read = named(readName);
			expect(read.type).toBe(`${PACKAGE_PREFIX}posHttpRequest`);
			// The generic REST POS's stock route (simulator/pos/flavours/generic.ts): GET /api/stock?locationId=.
			expect(read.parameters).toMatchObject({ method: 'GET', idempotencyPlacement: 'none' });
			expect(String(read.parameters.path)).toMatch(/^\/api\/stock\?locationId=YOUR_POS_LOCATION_ID$/);
			const split = named(next(read.name)[0]);
			expect(split).toMatchObject({ type: 'n8n-nodes-base.splitOut', parameters: { fieldToSplitOut: 'body.stock' } });
			const reconcile = named(next(split.name)[0]);
			expect(reconcile.type).toBe(`${PACKAGE_PREFIX}shopifyReconcileInventory`);
			// Report only until the owner turns Repair on; the counts' time guards against sales in flight.
			expect(reconcile.parameters).toMatchObject({ repair: false, report: 'drift', quantityName: 'available', sku: '={{ $json.sku }}', quantity: '={{ $json.quantity }}' });
			expect((reconcile.parameters.options as { countsReadAt: string }).countsReadAt).toContain(`$('${schedule.name}')`);
			expect(next(read.name, 1)).toEqual([]);

			const [writeName, emailName] = next(reconcile.name);
			const write = named(writeName);
			expect(write.type).toBe('n8n-nodes-base.dataTable');
			expect(write.parameters).toMatchObject({ operation: 'insert', dataTableId: { value: 'shopify_pos_drift_report' } });
			const create = template.nodes.find((node) => node.type === 'n8n-nodes-base.dataTable' && node.parameters.operation === 'create')!;
			expect(create.parameters.tableName).toBe('shopify_pos_drift_report');
			const written = Object.keys((write.parameters.columns as { value: object }).value).sort();
			expect(written).toEqual((create.parameters.columns as { column: Array<{ name: string }> }).column.map((column) => column.name).sort());
			for (const field of ['sku', 'pos', 'shopify', 'difference', 'posLastChangedAt', 'shopifyLastChangedAt', 'status', 'casRefusals']) expect(written).toContain(field);
			const manual = onlyNode(template, 'n8n-nodes-base.manualTrigger');
			expect(manual.name).toBe('Run once: create the drift table');
			expect(next(manual.name)).toEqual([create.name]);

			const email = named(emailName);
			expect(email).toMatchObject({ type: 'n8n-nodes-base.emailSend', disabled: true, executeOnce: true });
		});

		it('maps the generic POS\'s stock answer into the reconciliation and the report row into the table', () => {
			const write = template.nodes.find((node) => node.parameters.operation === 'insert')!;
			const row = { status: 'drifted', sku: 'TEE-S', pos: 7, shopify: 5, difference: 2, posLastChangedAt: null, shopifyLastChangedAt: '2026-11-20T09:00:00Z', locationName: 'Main Store', casRefusals: 0, error: null };
			const values = (write.parameters.columns as { value: Record<string, string> }).value;
			const mapped = Object.fromEntries(Object.entries(values).filter(([name]) => name !== 'runAt').map(([name, expression]) => [name, evaluate(expression, row)]));
			expect(mapped).toEqual({ status: 'drifted', sku: 'TEE-S', pos: 7, shopify: 5, difference: 2, posLastChangedAt: '', shopifyLastChangedAt: '2026-11-20T09:00:00Z', location: 'Main Store', casRefusals: 0, error: '' });
		});

		it('has sticky notes on setup, the dry run and Repair, and the drift table, and no node covers a note', () => {
			const notes = nodesOfType(template, 'n8n-nodes-base.stickyNote');
			const all = notes.map((node) => String(node.parameters.content)).join('\n');
			for (const words of [/setup|Setup/, /dry run/i, /Repair Shopify/, /compare-and-set/, /shopify_pos_drift_report/, /Run once: create the drift table/, /disabled|is off/i]) expect(all).toMatch(words);
			// A node is drawn about 100 × 100 from its position; none may sit on a note.
			for (const note of notes) {
				const [x, y] = note.position;
				const { width, height } = note.parameters as { width: number; height: number };
				for (const node of template.nodes.filter((candidate) => candidate.type !== 'n8n-nodes-base.stickyNote')) {
					const [nx, ny] = node.position;
					const overlaps = nx < x + width && nx + 100 > x && ny < y + height && ny + 100 > y;
					expect({ note: note.name, node: node.name, overlaps }).toEqual({ note: note.name, node: node.name, overlaps: false });
				}
			}
		});
	});

	describe('reconcile-square.json', () => {
		const { template } = reconcileTemplates.find((entry) => entry.file === 'reconcile-square.json')!;
		const next = (name: string, output = 0) => template.connections[name]?.main[output]?.map((target) => target.node) ?? [];
		const named = (name: string) => template.nodes.find((node) => node.name === name)!;

		it('runs nightly: Square\'s stock levels at the location straight into a report-only reconciliation, into the drift table', () => {
			const schedule = onlyNode(template, 'n8n-nodes-base.scheduleTrigger');
			expect(schedule.parameters.rule).toEqual({ interval: [{ field: 'days', triggerAtHour: 3 }] });
			const read = named(next(schedule.name)[0]);
			expect(read).toMatchObject({ type: `${PACKAGE_PREFIX}posInventory`, parameters: { vendor: 'square', operation: 'getStockLevels', locationId: 'YOUR_SQUARE_LOCATION_ID' } });
			const reconcile = named(next(read.name)[0]);
			expect(reconcile.type).toBe(`${PACKAGE_PREFIX}shopifyReconcileInventory`);
			expect(reconcile.parameters).toMatchObject({ repair: false, report: 'drift', quantityName: 'available' });
			// Get Stock Levels' item as it builds it, mapped into the reconciliation's fields.
			const level = { vendor: 'square', sku: 'TEE-S', itemId: 'VAR1', locationId: 'L1', quantity: 12, lastChangedAt: '2026-12-01T08:00:00Z' };
			expect(['sku', 'quantity', 'lastChangedAt', 'posItemId'].map((field) => evaluate(String(reconcile.parameters[field]), level))).toEqual(['TEE-S', 12, '2026-12-01T08:00:00Z', 'VAR1']);
			expect((reconcile.parameters.options as { countsReadAt: string }).countsReadAt).toContain(`$('${schedule.name}')`);
			const [writeName, emailName] = next(reconcile.name);
			expect(named(writeName).parameters).toMatchObject({ operation: 'insert', dataTableId: { value: 'shopify_pos_drift_report' } });
			expect(named(emailName)).toMatchObject({ type: 'n8n-nodes-base.emailSend', disabled: true, executeOnce: true });
		});

		it('lets a beginner find the Square location and create the table, and the only value to replace is the location', () => {
			const [list] = next('Run once: list my Square locations').map(named);
			expect(list).toMatchObject({ type: `${PACKAGE_PREFIX}posInventory`, parameters: { vendor: 'square', operation: 'listLocations' } });
			expect(next('Run once: create the drift table')).toEqual(['Create drift table']);
			const placeholders = [...new Set(template.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').flatMap((node) => JSON.stringify(node.parameters).match(/YOUR_[A-Z0-9_]+/g) ?? []))];
			expect(placeholders).toEqual(['YOUR_SQUARE_LOCATION_ID']);
			const notes = nodesOfType(template, 'n8n-nodes-base.stickyNote').map((node) => String(node.parameters.content)).join('\n');
			for (const words of [/Square-Version/, /Run once: list my Square locations/, /YOUR_SQUARE_LOCATION_ID/, /Repair Shopify/, /compare-and-set/, /shopify_pos_drift_report/]) expect(notes).toMatch(words);
		});
	});

	describe('lightspeed-x.json (POS, closed sales on a Shopify register, sales back)', () => {
		const { template } = templates.find((entry) => entry.file === 'lightspeed-x.json')!;
		const byName = (name: string) => template.nodes.find((node) => node.name === name)!;
		const next = (name: string, output = 0) => (template.connections[name]?.main[output] ?? []).map((target) => byName(target.node));
		const posNodes = (operation: string) => template.nodes.filter((node) => node.type === `${PACKAGE_PREFIX}posInventory` && node.parameters.operation === operation);

		it('Shopify → Lightspeed X: both order triggers (sales, restocks, edits) through the loop guard into Record Shopify Orders, failures kept', () => {
			const webhookTrigger = onlyNode(template, `${PACKAGE_PREFIX}shopifyOrderTrigger`);
			const pollingTrigger = onlyNode(template, `${PACKAGE_PREFIX}shopifyOrderPollingTrigger`);
			expect([...(webhookTrigger.parameters.topics as string[])].sort()).toEqual(['orders/create', 'orders/edited', 'refunds/create']);
			const [guard] = next(webhookTrigger.name);
			expect(next(pollingTrigger.name)).toEqual([guard]);
			expect(JSON.stringify(guard.parameters)).toContain('sourceName');
			const [record] = posNodes('recordOrders');
			expect(next(guard.name)).toEqual([record]);
			expect(record.parameters).toMatchObject({
				vendor: 'lightspeedX',
				locationId: 'YOUR_LIGHTSPEED_OUTLET_ID',
				lightspeedRegisterId: 'YOUR_LIGHTSPEED_REGISTER_ID',
				lightspeedUserId: 'YOUR_LIGHTSPEED_USER_ID',
				lightspeedPaymentTypeId: 'YOUR_LIGHTSPEED_PAYMENT_TYPE_ID',
				lightspeedTaxId: 'YOUR_LIGHTSPEED_TAX_ID',
			});
			// A sale moves Lightspeed's stock: never also a stock move for the same order.
			expect(posNodes('moveStock')).toEqual([]);
			const [keep] = next(record.name, 1);
			expect([keep.type, keep.parameters.operation]).toEqual(['n8n-nodes-base.dataTable', 'insert']);
			const refused = { outcome: 'failed', orderName: '#1001', error: 'Bad Request', request: { method: 'POST', url: 'https://x.retail.lightspeed.app/api/2026-04/sales', headers: {}, body: { invoice_number: 'SHOPIFY-6000000000001' } } };
			const columns = (keep.parameters.columns as { value: Record<string, string> }).value;
			expect(evaluate(columns.idempotencyKey, refused)).toBe('SHOPIFY-6000000000001');
			expect(evaluate(columns.shopifyOrder, refused)).toBe('#1001');
		});

		it('Lightspeed X → Shopify: the POS Trigger (a hint) and a schedule (the poll) into one Get Stock Changes on the same register, adjusted by key', () => {
			const posTrigger = onlyNode(template, `${PACKAGE_PREFIX}posTrigger`);
			const schedule = onlyNode(template, 'n8n-nodes-base.scheduleTrigger');
			expect(posTrigger.parameters.pos).toBe('lightspeedX');
			const [changes] = posNodes('getStockChanges');
			expect(next(posTrigger.name)).toEqual([changes]);
			expect(next(schedule.name)).toEqual([changes]);
			const [record] = posNodes('recordOrders');
			expect(changes.parameters).toMatchObject({ vendor: 'lightspeedX', locationId: record.parameters.locationId, lightspeedRegisterId: record.parameters.lightspeedRegisterId });
			const [adjust] = next(changes.name);
			expect(adjust.parameters).toMatchObject({ identifierType: 'sku', mode: 'adjust', reason: 'correction' });
			const sale = { vendor: 'lightspeedX', key: 'S1:L1:sold', kind: 'delta', sku: 'TEE-S', itemId: 'P1', locationId: 'O1', quantity: -2 };
			expect(evaluate(String(adjust.parameters.delta), sale)).toBe(-2);
			const options = adjust.parameters.options as { idempotencyKey: string; referenceDocumentUri: string };
			expect(evaluate(options.idempotencyKey, sale)).toBe('lightspeed-change-S1:L1:sold');
			expect(isValidReferenceUri(String(evaluate(options.referenceDocumentUri, sale)))).toBe(true);
			expect((adjust as { onError?: string }).onError).toBe('continueErrorOutput');
			expect(next(adjust.name, 1).map((node) => node.parameters.operation)).toEqual(['insert']);
			expect(next(changes.name, 1).map((node) => node.parameters.operation)).toEqual(['insert']);
		});

		it('lets a beginner find every id with one run, and has notes for setup, both directions, failures and the checks before going live', () => {
			const [list] = posNodes('listLocations');
			expect(next('Run once: list my Lightspeed outlets')).toEqual([list]);
			expect(template.nodes.filter((node) => ['n8n-nodes-base.code', 'n8n-nodes-base.set', 'n8n-nodes-base.function', `${PACKAGE_PREFIX}posHttpRequest`, 'n8n-nodes-base.webhook'].includes(node.type))).toEqual([]);
			const notes = nodesOfType(template, 'n8n-nodes-base.stickyNote').map((node) => String(node.parameters.content));
			const all = notes.join('\n');
			const placeholders = [...new Set(template.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').flatMap((node) => JSON.stringify(node.parameters).match(/YOUR_[A-Z0-9_]+/g) ?? []))];
			for (const placeholder of placeholders) expect(all).toContain(placeholder);
			for (const words of [/setup/i, /Shopify orders → Lightspeed X/, /Lightspeed X sales → Shopify/, /did not take/i, /https/i, /polling/i, /User-Agent/, /URL Token/, /sale\.update/, /UNCONFIRMED/, /Before going live/, /reconcile-lightspeed-x\.json/]) expect(all).toMatch(words);
			const setup = notes.find((note) => /setup/i.test(note))!;
			for (const name of ['Record Lightspeed sales', 'Get Lightspeed stock changes', 'Adjust Shopify stock', 'POS Trigger', 'Run once: list my Lightspeed outlets', 'Run once: create the retry table']) {
				expect(setup).toContain(`**${name}**`);
				expect(template.nodes.map((node) => node.name)).toContain(name);
			}
		});
	});

	describe('reconcile-lightspeed-x.json', () => {
		const { template } = reconcileTemplates.find((entry) => entry.file === 'reconcile-lightspeed-x.json')!;
		const next = (name: string) => template.connections[name]?.main[0]?.map((target) => target.node) ?? [];
		const named = (name: string) => template.nodes.find((node) => node.name === name)!;

		it("runs nightly: Lightspeed's stock levels at the outlet into a report-only reconciliation; one run lists the outlets", () => {
			const schedule = onlyNode(template, 'n8n-nodes-base.scheduleTrigger');
			const read = named(next(schedule.name)[0]);
			expect(read).toMatchObject({ type: `${PACKAGE_PREFIX}posInventory`, parameters: { vendor: 'lightspeedX', operation: 'getStockLevels', locationId: 'YOUR_LIGHTSPEED_OUTLET_ID' } });
			expect(named(next(read.name)[0]).parameters).toMatchObject({ repair: false, report: 'drift' });
			expect(named(next('Run once: list my Lightspeed outlets')[0]).parameters).toMatchObject({ vendor: 'lightspeedX', operation: 'listLocations' });
			const notes = nodesOfType(template, 'n8n-nodes-base.stickyNote').map((node) => String(node.parameters.content)).join('\n');
			for (const words of [/User-Agent/, /YOUR_LIGHTSPEED_OUTLET_ID/, /stocktakes/, /Repair Shopify/]) expect(notes).toMatch(words);
			expect(notes).not.toMatch(/Square/);
		});
	});

	describe('loyverse.json (POS, stock by counts, receipts back)', () => {
		const { template } = templates.find((entry) => entry.file === 'loyverse.json')!;
		const byName = (name: string) => template.nodes.find((node) => node.name === name)!;
		const next = (name: string, output = 0) => (template.connections[name]?.main[output] ?? []).map((target) => byName(target.node));
		const posNodes = (operation: string) => template.nodes.filter((node) => node.type === `${PACKAGE_PREFIX}posInventory` && node.parameters.operation === operation);

		it('Shopify → Loyverse: both order triggers through the loop guard into Move Stock (never Record), failures kept', () => {
			const webhookTrigger = onlyNode(template, `${PACKAGE_PREFIX}shopifyOrderTrigger`);
			const pollingTrigger = onlyNode(template, `${PACKAGE_PREFIX}shopifyOrderPollingTrigger`);
			expect([...(webhookTrigger.parameters.topics as string[])].sort()).toEqual(['orders/create', 'orders/edited', 'refunds/create']);
			const [guard] = next(webhookTrigger.name);
			expect(next(pollingTrigger.name)).toEqual([guard]);
			const [move] = posNodes('moveStock');
			expect(next(guard.name)).toEqual([move]);
			expect(move.parameters).toMatchObject({ vendor: 'loyverse', locationId: 'YOUR_LOYVERSE_STORE_ID' });
			expect(posNodes('recordOrders')).toEqual([]);
			expect(next(move.name, 1).map((node) => node.parameters.operation)).toEqual(['insert']);
		});

		it('Loyverse → Shopify: the POS Trigger (URL token) and the schedule into one Get Stock Changes, adjusted by key; one run subscribes the trigger', () => {
			const posTrigger = onlyNode(template, `${PACKAGE_PREFIX}posTrigger`);
			expect(posTrigger.parameters).toMatchObject({ pos: 'loyverse', loyverseAuthentication: 'urlToken' });
			const [changes] = posNodes('getStockChanges');
			expect(next(posTrigger.name)).toEqual([changes]);
			expect(next(onlyNode(template, 'n8n-nodes-base.scheduleTrigger').name)).toEqual([changes]);
			const [adjust] = next(changes.name);
			const options = adjust.parameters.options as { idempotencyKey: string; referenceDocumentUri: string };
			const sale = { key: '1-1001:L1:sale', sku: 'TEE-S', quantity: -2 };
			expect(evaluate(options.idempotencyKey, sale)).toBe('loyverse-change-1-1001:L1:sale');
			expect(isValidReferenceUri(String(evaluate(options.referenceDocumentUri, sale)))).toBe(true);
			expect((adjust as { onError?: string }).onError).toBe('continueErrorOutput');
			const [subscribe] = next('Run once: send Loyverse receipts here');
			expect(subscribe.parameters).toMatchObject({ method: 'POST', path: '/v1.0/webhooks' });
			expect(evaluate(String(subscribe.parameters.jsonBody), {})).toEqual({ url: 'YOUR_POS_TRIGGER_PRODUCTION_URL?token=YOUR_URL_TOKEN', type: 'receipts.update', status: 'ENABLED' });
		});

		it('has notes for setup, both directions, the window of absolute counts, failures and the checks before going live', () => {
			const notes = nodesOfType(template, 'n8n-nodes-base.stickyNote').map((node) => String(node.parameters.content));
			const all = notes.join('\n');
			const placeholders = [...new Set(template.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').flatMap((node) => JSON.stringify(node.parameters).match(/YOUR_[A-Z0-9_]+/g) ?? []))];
			expect(placeholders.sort()).toEqual(['YOUR_LOYVERSE_STORE_ID', 'YOUR_POS_TRIGGER_PRODUCTION_URL', 'YOUR_URL_TOKEN']);
			for (const placeholder of placeholders) expect(all).toContain(placeholder);
			for (const words of [/setup/i, /Shopify orders → Loyverse/, /Loyverse sales → Shopify/, /did not take/i, /https/i, /polling/i, /stock_after/, /URL Token/, /receipts\.update/, /UNCONFIRMED/, /Before going live/, /reconcile-loyverse\.json/]) expect(all).toMatch(words);
			const setup = notes.find((note) => /setup/i.test(note))!;
			for (const name of ['Move Loyverse stock', 'Get Loyverse stock changes', 'Adjust Shopify stock', 'POS Trigger', 'Run once: list my Loyverse stores', 'Run once: create the retry table', 'Run once: send Loyverse receipts here']) {
				expect(setup).toContain(`**${name}**`);
				expect(template.nodes.map((node) => node.name)).toContain(name);
			}
			const reconcile = reconcileTemplates.find((entry) => entry.file === 'reconcile-loyverse.json')!.template;
			expect(reconcile.nodes.find((node) => node.parameters.operation === 'getStockLevels')!.parameters).toMatchObject({ vendor: 'loyverse', locationId: 'YOUR_LOYVERSE_STORE_ID' });
			expect(JSON.stringify(reconcile)).not.toMatch(/Square/);
		});
	});

	describe('clover.json (POS, stock by counts, orders back)', () => {
		const { template } = templates.find((entry) => entry.file === 'clover.json')!;
		const byName = (name: string) => template.nodes.find((node) => node.name === name)!;
		const next = (name: string, output = 0) => (template.connections[name]?.main[output] ?? []).map((target) => byName(target.node));
		const posNodes = (operation: string) => template.nodes.filter((node) => node.type === `${PACKAGE_PREFIX}posInventory` && node.parameters.operation === operation);

		it('both directions on the POS node, keyed by the Clover order line; the merchant checked with one run', () => {
			const [guard] = next(onlyNode(template, `${PACKAGE_PREFIX}shopifyOrderTrigger`).name);
			const [move] = posNodes('moveStock');
			expect(next(guard.name)).toEqual([move]);
			expect(move.parameters).toMatchObject({ vendor: 'clover', locationId: 'YOUR_CLOVER_MERCHANT_ID' });
			expect(posNodes('recordOrders')).toEqual([]);
			expect(next(move.name, 1).map((node) => node.parameters.operation)).toEqual(['insert']);
			const posTrigger = onlyNode(template, `${PACKAGE_PREFIX}posTrigger`);
			expect(posTrigger.parameters).toEqual({ pos: 'clover' });
			const [changes] = posNodes('getStockChanges');
			expect(next(posTrigger.name)).toEqual([changes]);
			expect(next(onlyNode(template, 'n8n-nodes-base.scheduleTrigger').name)).toEqual([changes]);
			const [adjust] = next(changes.name);
			const options = adjust.parameters.options as { idempotencyKey: string; referenceDocumentUri: string };
			const sale = { key: 'ORDER12345678:LINE12345678A:sale', sku: 'TEE-S', quantity: -1 };
			expect(evaluate(options.idempotencyKey, sale)).toBe('clover-change-ORDER12345678:LINE12345678A:sale');
			expect(isValidReferenceUri(String(evaluate(options.referenceDocumentUri, sale)))).toBe(true);
			expect(next('Run once: check my Clover merchant')[0].parameters).toMatchObject({ vendor: 'clover', operation: 'listLocations', locationId: 'YOUR_CLOVER_MERCHANT_ID' });
		});

		it('has notes for setup (verification, auth code, stock tracking), both directions, the window of counts and the checks before going live', () => {
			const notes = nodesOfType(template, 'n8n-nodes-base.stickyNote').map((node) => String(node.parameters.content));
			const all = notes.join('\n');
			const placeholders = [...new Set(template.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').flatMap((node) => JSON.stringify(node.parameters).match(/YOUR_[A-Z0-9_]+/g) ?? []))];
			expect(placeholders).toEqual(['YOUR_CLOVER_MERCHANT_ID']);
			for (const words of [/setup/i, /Shopify orders → Clover/, /Clover sales → Shopify/, /did not take/i, /https/i, /polling/i, /item_stocks/, /Verification Code/, /Clover Auth Code/, /Update item count after each sale/, /UNCONFIRMED/, /Before going live/, /reconcile-clover\.json/, /YOUR_CLOVER_MERCHANT_ID/]) expect(all).toMatch(words);
			const setup = notes.find((note) => /setup/i.test(note))!;
			for (const name of ['Move Clover stock', 'Get Clover stock changes', 'Adjust Shopify stock', 'POS Trigger', 'Run once: check my Clover merchant', 'Run once: create the retry table']) {
				expect(setup).toContain(`**${name}**`);
				expect(template.nodes.map((node) => node.name)).toContain(name);
			}
			const reconcile = reconcileTemplates.find((entry) => entry.file === 'reconcile-clover.json')!.template;
			expect(reconcile.nodes.find((node) => node.parameters.operation === 'getStockLevels')!.parameters).toMatchObject({ vendor: 'clover', locationId: 'YOUR_CLOVER_MERCHANT_ID' });
			expect(JSON.stringify(reconcile)).not.toMatch(/Square/);
		});
	});

	it('fixes webhook IDs and paths, unique across the templates', () => {
		const ids: string[] = [];
		const paths: string[] = [];
		for (const { template } of templates) {
			for (const node of template.nodes) {
				const serves = [`${PACKAGE_PREFIX}shopifyOrderTrigger`, `${PACKAGE_PREFIX}posTrigger`, 'n8n-nodes-base.webhook'].includes(node.type);
				if (!serves) continue;
				expect(node.webhookId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
				ids.push(node.webhookId!);
				if (node.type === 'n8n-nodes-base.webhook') paths.push(String(node.parameters.path));
			}
		}
		expect(ids).toHaveLength(10);
		expect(new Set(ids).size).toBe(ids.length);
		expect(new Set(paths).size).toBe(paths.length);
	});

	describe('order mappings, run on a POS-ready order', () => {
		const mapped = (file: string) => {
			const template = templates.find((entry) => entry.file === file)!.template;
			const map = template.nodes.find((node) => node.type === 'n8n-nodes-base.set')!;
			expect(map.parameters.mode).toBe('raw');
			// The Set node stringifies the value the expression returns and parses it again.
			return JSON.parse(JSON.stringify(evaluate(String(map.parameters.jsonOutput), SAMPLE_POS_ORDER))) as Record<string, unknown>;
		};

		it('generic REST carries the lines, quantities and prices', () => {
			expect(mapped('generic-rest.json')).toMatchObject({
				externalId: 'shopify-6000000000001',
				currency: 'USD',
				lines: [
					{ sku: 'TEE-S', quantity: 3, unitPrice: 1400 },
					{ sku: '', quantity: 1, unitPrice: 250 },
				],
			});
		});
	});

	describe('square.json (POS Inventory, stock in step both ways)', () => {
		const template = squareTemplate;
		const byName = (name: string) => template.nodes.find((node) => node.name === name)!;
		const next = (name: string, output = 0) => (template.connections[name]?.main[output] ?? []).map((target) => byName(target.node));
		const posInventory = (operation: string) => template.nodes.filter((node) => node.type === `${PACKAGE_PREFIX}posInventory` && node.parameters.operation === operation);
		const columnsOf = (node: Node) => (node.parameters.columns as { value: Record<string, string> }).value;
		const row = (node: Node, json: unknown) => Object.fromEntries(Object.entries(columnsOf(node)).map(([column, expression]) => [column, evaluate(expression, json)]));

		it('Shopify → Square: both order triggers (sales, restocks, edits) through the loop guard into Move Stock, stock only, never also Record', () => {
			const webhookTrigger = onlyNode(template, `${PACKAGE_PREFIX}shopifyOrderTrigger`);
			const pollingTrigger = onlyNode(template, `${PACKAGE_PREFIX}shopifyOrderPollingTrigger`);
			// The topics whose stockChanges move stock: a new order, a refund with restock (cancellations too), an edit.
			expect([...(webhookTrigger.parameters.topics as string[])].sort()).toEqual(['orders/create', 'orders/edited', 'refunds/create']);
			for (const trigger of [webhookTrigger, pollingTrigger]) expect(trigger.parameters).toMatchObject({ output: 'posOrder', options: { skipPosOrders: true } });
			const [guard] = next(webhookTrigger.name);
			expect(next(pollingTrigger.name)).toEqual([guard]);
			expect(guard.type).toBe('n8n-nodes-base.filter');
			expect(JSON.stringify(guard.parameters)).toContain('sourceName');
			const [move] = posInventory('moveStock');
			expect(next(guard.name)).toEqual([move]);
			expect(move.parameters).toMatchObject({ vendor: 'square', locationId: 'YOUR_SQUARE_LOCATION_ID' });
			// Recording the order is a switch of this node's operation, never a second node: stock would go down twice.
			expect(posInventory('recordOrders')).toEqual([]);
			expect(template.nodes.filter((node) => node.type === `${PACKAGE_PREFIX}posHttpRequest`)).toEqual([]);
			expect(next(move.name, 0)).toEqual([]);
		});

		it('keeps what Square did not take in the retry table: the order, Square\'s words, the stock changes or the request as sent', () => {
			const [move] = posInventory('moveStock');
			const [keep] = next(move.name, 1);
			expect([keep.type, keep.parameters.operation]).toEqual(['n8n-nodes-base.dataTable', 'insert']);
			const createTable = template.nodes.find((node) => node.type === 'n8n-nodes-base.dataTable' && node.parameters.operation === 'create')!;
			const created = (createTable.parameters.columns as { column: Array<{ name: string }> }).column.map((column) => column.name).sort();
			expect(Object.keys(columnsOf(keep)).sort()).toEqual(created);
			expect(createTable.parameters.tableName).toBe((keep.parameters.dataTableId as { value: string }).value);
			// A "Not Mapped" item exactly as the node builds it: no call made, the changes kept for the re-send.
			const stockChanges = [{ key: 'k1', sku: 'TEE-S', quantity: -3, lineItemId: 'gid://shopify/LineItem/1', orderId: 'gid://shopify/Order/6000000000001', orderName: '#1001', cause: 'sale' }];
			const notMapped = failed(undefined, 'notMapped', 'SKU "TEE-S" is not in Square.', { vendor: 'square', locationId: 'L1', orderId: stockChanges[0].orderId, orderName: '#1001', unmappedSkus: ['TEE-S'], stockChanges }, 0).item.json;
			const kept = row(keep, notMapped);
			expect(kept).toEqual({ shopifyOrder: '#1001', idempotencyKey: '', error: 'SKU "TEE-S" is not in Square.', requestBody: JSON.stringify({ stockChanges }) });
			// A refused call: the request as sent (secrets already removed by the node) and its key.
			const refused = { ...notMapped, outcome: 'failed', request: { method: 'POST', url: 'https://connect.squareup.com/v2/inventory/changes/batch-create', headers: {}, body: { idempotency_key: 'shopify-stock-abc', changes: [] } } };
			expect(row(keep, refused)).toMatchObject({ idempotencyKey: 'shopify-stock-abc', requestBody: JSON.stringify(refused.request.body) });
		});

		it('Square → Shopify: the POS Trigger (a hint) and a schedule (the reconciliation poll) lead into one Get Stock Changes', () => {
			const posTrigger = onlyNode(template, `${PACKAGE_PREFIX}posTrigger`);
			const schedule = onlyNode(template, 'n8n-nodes-base.scheduleTrigger');
			expect(posTrigger.parameters.pos).toBe('square');
			const [changes] = posInventory('getStockChanges');
			expect(next(posTrigger.name)).toEqual([changes]);
			expect(next(schedule.name)).toEqual([changes]);
			expect(changes.parameters).toMatchObject({ vendor: 'square', locationId: 'YOUR_SQUARE_LOCATION_ID' });
			const rule = (schedule.parameters.rule as { interval: Array<Record<string, unknown>> }).interval;
			expect(rule).toEqual([{ field: 'minutes', minutesInterval: 5 }]);
			const [keep] = next(changes.name, 1);
			expect([keep.type, keep.parameters.operation]).toEqual(['n8n-nodes-base.dataTable', 'insert']);
			expect(row(keep, { outcome: 'notMapped', error: 'no SKU', key: 'CHG1', itemId: 'VAR1', quantity: -1, request: null })).toMatchObject({ idempotencyKey: 'CHG1', error: 'no SKU' });
		});

		it('every change, a recount too, is adjusted in Shopify by its quantity, keyed by Square\'s change id and naming it in Shopify\'s history', () => {
			const [changes] = posInventory('getStockChanges');
			// No loop and no branch: a recount arrives as a difference, so the writes commute.
			const [adjust] = next(changes.name);
			expect(adjust.type).toBe(`${PACKAGE_PREFIX}shopifyAdjustInventory`);
			expect(adjust.parameters).toMatchObject({ identifierType: 'sku', mode: 'adjust' });
			const sale = { vendor: 'square', key: 'CHG-SALE-1', kind: 'delta', sku: 'TEE-S', itemId: 'VAR1', locationId: 'L1', quantity: -2 };
			const recount = { vendor: 'square', key: 'CHG-COUNT-1', kind: 'recount', sku: 'TEE-S', itemId: 'VAR1', locationId: 'L1', quantity: 4, absoluteQuantity: 17, quantityBefore: 13 };
			for (const [change, reason] of [
				[sale, 'correction'],
				[recount, 'cycle_count_available'],
			] as Array<[{ key: string; quantity: number }, string]>) {
				expect(evaluate(String(adjust.parameters.sku), change)).toBe('TEE-S');
				expect(evaluate(String(adjust.parameters.delta), change)).toBe(change.quantity);
				const chosen = evaluate(String(adjust.parameters.reason), change);
				expect(chosen).toBe(reason);
				expect(isInventoryReason(String(chosen))).toBe(true);
				const options = adjust.parameters.options as { idempotencyKey: string; referenceDocumentUri: string };
				expect(evaluate(options.idempotencyKey, change)).toBe(`square-change-${change.key}`);
				const uri = String(evaluate(options.referenceDocumentUri, change));
				expect(uri).toBe(`gid://n8n-shopify-pos/SquareInventoryChange/${change.key}`);
				expect(isValidReferenceUri(uri)).toBe(true);
			}
			// A write Shopify refused is kept, never lost: the node's error output into the retry table.
			expect((adjust as { onError?: string }).onError).toBe('continueErrorOutput');
			expect(next(adjust.name, 0)).toEqual([]);
			const [keep] = next(adjust.name, 1);
			expect([keep.type, keep.parameters.operation]).toEqual(['n8n-nodes-base.dataTable', 'insert']);
			const refused = { status: 'failed', sku: 'TEE-S', delta: -2, locationId: 'gid://shopify/Location/1', idempotencyKey: 'square-change-CHG-SALE-1', referenceDocumentUri: 'gid://n8n-shopify-pos/SquareInventoryChange/CHG-SALE-1', error: 'No variant has SKU TEE-S', errorCode: 'SKU_NOT_FOUND' };
			expect(row(keep, refused)).toMatchObject({ shopifyOrder: 'Square change CHG-SALE-1', idempotencyKey: 'square-change-CHG-SALE-1', error: 'No variant has SKU TEE-S' });
			expect(JSON.parse(String(row(keep, refused).requestBody))).toMatchObject({ sku: 'TEE-S', delta: -2 });
		});

		it('"Run once: list my Square locations" runs List Locations, and the only value to replace is the Square location', () => {
			const [list] = posInventory('listLocations');
			expect(next('Run once: list my Square locations')).toEqual([list]);
			expect(byName('Run once: list my Square locations').type).toBe('n8n-nodes-base.manualTrigger');
			const placeholders = [...new Set(template.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').flatMap((node) => JSON.stringify(node.parameters).match(/YOUR_[A-Z0-9_]+/g) ?? []))];
			expect(placeholders).toEqual(['YOUR_SQUARE_LOCATION_ID']);
			// Nothing to edit in a mapping or in code.
			expect(template.nodes.filter((node) => ['n8n-nodes-base.code', 'n8n-nodes-base.set', 'n8n-nodes-base.function'].includes(node.type))).toEqual([]);
		});

		it('has sticky notes for setup, both directions, stock only versus recording, failures and the checks before going live', () => {
			const notes = nodesOfType(template, 'n8n-nodes-base.stickyNote').map((node) => String(node.parameters.content));
			const all = notes.join('\n');
			for (const words of [
				/setup/i,
				/Shopify orders → Square/,
				/Square stock changes → Shopify/,
				/did not take/i,
				/https/i,
				/polling/i,
				/Square-Version/,
				/signature key/,
				/inventory\.count\.updated/,
				/Record Shopify Orders/,
				/Never use both/,
				/UNCONFIRMED/,
				/Before going live/,
				/YOUR_SQUARE_LOCATION_ID/,
				/Run once: list my Square locations/,
			])
				expect(all).toMatch(words);
			// The nodes the setup tells the user to open or click exist under those names.
			const setup = notes.find((note) => /setup/i.test(note))!;
			for (const name of ['Move Square stock', 'Get Square stock changes', 'Adjust Shopify stock', 'POS Trigger', 'Shopify Order Trigger', 'Run once: list my Square locations', 'Run once: create the retry table']) {
				expect(setup).toContain(`**${name}**`);
				expect(template.nodes.map((node) => node.name)).toContain(name);
			}
		});
	});

	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { RUNTIME_CACHE } = require(join(REPO, 'scripts', 'runtimeCache.js')) as { RUNTIME_CACHE: string };
	const runtimeNodes = join(RUNTIME_CACHE, 'n8n-2.41.1', 'n8n', 'node_modules', 'n8n-nodes-base', 'dist', 'types', 'nodes.json');
	// CI installs the runtime before the tests (.ci/run); a missing one fails here rather than skipping unseen.
	it('n8nBaseNodeProperties.json matches the installed n8n 2.41.1', () => {
		if (!existsSync(runtimeNodes)) throw new Error(`n8n 2.41.1 is not installed (no ${runtimeNodes}): run \`node scripts/n8nRuntime.js\` first.`);
		const runtime = JSON.parse(readFileSync(runtimeNodes, 'utf8')) as Array<{ name: string; version: number | number[]; properties: Array<{ name: string }> }>;
		for (const [type, versions] of Object.entries(baseByType)) {
			for (const [version, names] of Object.entries(versions)) {
				const description = runtime.find(
					(node) => `n8n-nodes-base.${node.name}` === type && ([] as number[]).concat(node.version).includes(Number(version)),
				);
				expect(description).toBeDefined();
				expect([...new Set(description!.properties.map((property) => property.name))].sort()).toEqual(names);
			}
		}
	});
});
