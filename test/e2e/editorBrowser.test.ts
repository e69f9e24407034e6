import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

import { stickyNoteProblems } from './editor/canvasChecks';
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_CACHE, N8nInstance, packagedTypes, type WorkflowImport } from './harness';
import { readTemplate, wireToSimulators } from './templates/templateWorkflows';
import { posCredential } from './workflows/posWorkflows';
import { getOrdersWorkflow, orderToPosWorkflow, shopifyCredential } from './workflows/shopifyWorkflows';
import { packageNodeVersion } from '../helpers/nodeVersions';
import { signInToEditor } from './harness/editorSignIn';

// The n8n editor in Debian's Chromium: a user logs in, opens a workflow built from our nodes, finds our
// nodes in the node panel, opens every template (no node hides a sticky note's text) and every node's panel.
// Screenshots of each land in .cache/e2e/screenshots (README: Development), for a look without running n8n.
const SCREENSHOTS = join(E2E_CACHE, 'screenshots');
const ICON_PATH = 'icons/n8n-nodes-shopify-pos/';
const TEMPLATE_DIR = join(__dirname, '..', '..', 'templates');
const templateFiles = readdirSync(TEMPLATE_DIR).filter((file) => file.endsWith('.json')).sort();
const templateId = (file: string) => `ui${file.replace(/\W/g, '')}`.slice(0, 30);

/** One workflow holding one node of every type the package ships, side by side, to open each one's panel. */
function everyNodeWorkflow(types: string[]): WorkflowImport {
	const nodes = types.map((type, index) => ({
		id: `every-${index}`,
		name: `node ${index}`,
		type,
		typeVersion: packageNodeVersion(type),
		position: [index * 220, 0],
		parameters: {},
		...(type.endsWith('Trigger') ? { webhookId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}` } : {}),
	}));
	return { id: 'uiEveryNode', name: 'Every node of the package', nodes, connections: {}, settings: { executionOrder: 'v1' }, active: false };
}

describe('n8n editor shows the package\'s nodes (Chromium)', () => {
	let n8n: N8nInstance;
	let browser: Browser;
	let page: Page;
	const displayNames = new Map(packagedTypes().nodes.map((node) => [node.typeName, node.displayName]));

	beforeAll(async () => {
		mkdirSync(SCREENSHOTS, { recursive: true });
		n8n = await N8nInstance.create({ log: (line) => process.stdout.write(`${line}\n`) });
		// Credentials point nowhere reachable: the editor only renders, nothing runs.
		const shop = { url: 'http://127.0.0.1:9', accessToken: 'shpat_unused', clientSecret: 'unused' };
		await n8n.importCredentials([shopifyCredential('shopifyUi', shop), posCredential('posUi', 'http://127.0.0.1:9', 'unused')]);
		await n8n.importWorkflows([
			orderToPosWorkflow('e2eUiOrderToPos', 'shopifyUi', 'posUi'),
			getOrdersWorkflow('e2eUiGetOrders', 'shopifyUi'),
			// Each template as a user leaves it after import: credentials and the Shopify location picked.
			...templateFiles.map((file) =>
				wireToSimulators(readTemplate(file), { workflowId: templateId(file), shopifyCredentialId: 'shopifyUi', posCredentialId: 'posUi', shopifyLocationId: 'gid://shopify/Location/1' }),
			),
			everyNodeWorkflow(packagedTypes().nodes.map((node) => node.typeName)),
		]);
		await n8n.start();
		browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
		page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		page.setDefaultTimeout(30_000);
	}, 300_000);

	afterAll(async () => {
		await browser?.close();
		await n8n?.dispose();
	}, 60_000);

	it('logs in as the owner', async () => {
		await signInToEditor(page, n8n);
		expect(new URL(page.url()).pathname).not.toBe('/signin');
	});

	it('renders an imported workflow\'s nodes with their names and icons', async () => {
		await page.goto(`${n8n.baseUrl}/workflow/e2eUiOrderToPos`);
		for (const name of ['Shopify Order Trigger', 'POS HTTP Request']) {
			const node = page.locator('[data-test-id="canvas-node"]').filter({ hasText: name });
			await node.first().waitFor();
			const icon = node.first().locator(`img[src*="${ICON_PATH}"]`);
			await icon.first().waitFor();
			expect(await icon.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
		}
		await page.screenshot({ path: join(SCREENSHOTS, 'workflow-order-to-pos.png') });
	});

	type SearchResult = { name: string; hasOurIcon: boolean };

	/** The node panel's results now: each name, and whether the row around it shows an icon served from our package. */
	async function nodePanelResults(): Promise<SearchResult[]> {
		return await page.locator('[data-test-id="node-creator-item-name"]').evaluateAll((names, iconPath) =>
			names.map((name) => {
				let row: HTMLElement | null = name as HTMLElement;
				while (row && !row.querySelector('img')) row = row.parentElement;
				const srcs = row ? Array.from(row.querySelectorAll('img'), (img) => img.getAttribute('src') ?? '') : [];
				return { name: (name.textContent ?? '').trim(), hasOurIcon: srcs.some((src) => src.includes(iconPath)) };
			}),
		ICON_PATH);
	}

	/**
	 * Searches the node panel and reads its results once they show what `shows` looks for (the list fills in
	 * as the search runs), or after 20 s of polling, so the caller's assertions report what was there.
	 */
	async function searchNodePanel(term: string, shows: (found: SearchResult[]) => boolean): Promise<SearchResult[]> {
		await page.goto(`${n8n.baseUrl}/workflow/new`);
		await page.locator('[data-test-id="canvas-plus-button"], [data-test-id="node-creator-plus-button"]').first().click();
		const search = page.locator('[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]').first();
		await search.fill(term);
		await page.locator('[data-test-id="node-creator-item-name"]').first().waitFor();
		let found = await nodePanelResults();
		for (let poll = 0; poll < 100 && !shows(found); poll++) {
			await page.waitForTimeout(200);
			found = await nodePanelResults();
		}
		await page.screenshot({ path: join(SCREENSHOTS, `node-panel-${term.toLowerCase()}.png`) });
		return found;
	}

	it('finds the Shopify nodes by searching "Shopify", each with its icon', async () => {
		// The panel lists a webhook trigger without its " Trigger" suffix ("Shopify Order").
		const patterns = ['shopifyOrderTrigger', 'shopifyOrderPollingTrigger', 'shopifyGetOrders', 'shopifyAdjustInventory'].map((type) => {
			const name = displayNames.get(`n8n-nodes-shopify-pos.${type}`)!;
			return new RegExp(`^${name.replace(/ Trigger$/, '')}( Trigger)?$`);
		});
		const found = await searchNodePanel('Shopify', (results) => patterns.every((pattern) => results.some((result) => pattern.test(result.name) && result.hasOurIcon)));
		for (const pattern of patterns) expect(found).toContainEqual({ name: expect.stringMatching(pattern), hasOurIcon: true });
	});

	it('finds the POS HTTP Request node by searching "POS", with its icon', async () => {
		const expected = { name: displayNames.get('n8n-nodes-shopify-pos.posHttpRequest')!, hasOurIcon: true };
		const found = await searchNodePanel('POS', (results) => results.some((result) => result.name === expected.name && result.hasOurIcon));
		expect(found).toContainEqual(expected);
	});

	// What a shop owner types, and the node that must come first for it (n8n ranks by display name, then aliases).
	const searches: Array<[string, string]> = [
		['shopify order', 'shopifyOrderTrigger'],
		['pos', 'posInventory'],
		['point of sale', 'posInventory'],
		['square', 'posInventory'],
		['lightspeed', 'posInventory'],
		['loyverse', 'posInventory'],
		['clover', 'posInventory'],
	];
	const ourNames = new Set([...displayNames.values()].flatMap((name) => [name, name.replace(/ Trigger$/, '')]));
	it.each(searches)('lists the right node of ours first when searching "%s"', async (term, type) => {
		const name = displayNames.get(`n8n-nodes-shopify-pos.${type}`)!.replace(/ Trigger$/, '');
		const found = await searchNodePanel(term, (results) => results.some((result) => ourNames.has(result.name)));
		const ours = found.filter((result) => ourNames.has(result.name) && result.hasOurIcon);
		console.info(`search "${term}": ${found.slice(0, 6).map((result) => result.name).join(', ')}`);
		expect(ours[0]?.name).toMatch(new RegExp(`^${name}( Trigger)?$`));
		// n8n lists its own popular nodes (Postgres, PostBin, Data table, PostHog) ahead of any community node for
		// "pos", whatever the name; for every other term ours come first.
		expect(found.indexOf(ours[0])).toBeLessThan(term === 'pos' ? 5 : 1);
	});

	it.each(templateFiles)('shows template %s with every sticky note readable: no node over its text, no text cut off', async (file) => {
		await page.goto(`${n8n.baseUrl}/workflow/${templateId(file)}`);
		await page.locator('[data-test-id="sticky"]').first().waitFor();
		await page.locator('[data-test-id="canvas-node"]').last().waitFor();
		await page.screenshot({ path: join(SCREENSHOTS, `template-${file.replace(/\.json$/, '')}.png`) });
		expect(await stickyNoteProblems(page)).toEqual([]);
	});

	it('opens the panel of every node the package ships', async () => {
		await page.goto(`${n8n.baseUrl}/workflow/uiEveryNode`);
		const opened: string[] = [];
		const shipped = packagedTypes().nodes;
		for (const [index, node] of shipped.entries()) {
			await page.locator('[data-test-id="canvas-node"]').filter({ hasText: `node ${index}` }).first().dblclick();
			const panel = page.locator('[data-test-id="ndv"]').first();
			await panel.waitFor();
			await page.screenshot({ path: join(SCREENSHOTS, `panel-${node.typeName.split('.').pop()}.png`) });
			// An installed node's panel shows its parameters; an unknown type shows n8n's "not installed" notice instead.
			await panel.locator('[data-test-id="parameter-input"], [data-test-id^="parameter-input-"]').first().waitFor();
			opened.push(node.typeName);
			await page.keyboard.press('Escape');
			await panel.waitFor({ state: 'hidden' });
		}
		expect(opened).toEqual(shipped.map((node) => node.typeName));
	});
});
