import { N8nInstance, packagedTypes } from './harness';

// n8n 2.41.1, the package installed as a community package exactly as the Community Nodes screen would:
// every node and credential the package declares must be listed under its real name, with its icon served.
describe('n8n loads the package as a community package', () => {
	let n8n: N8nInstance;
	const declared = packagedTypes();

	beforeAll(async () => {
		n8n = await N8nInstance.create({ log: (line) => process.stdout.write(`${line}\n`) });
		await n8n.start();
	}, 300_000);

	afterAll(async () => {
		await n8n?.dispose();
	}, 60_000);

	it('declares the public contract: the credentials and the nodes', () => {
		expect(declared.credentials.map((c) => c.typeName)).toEqual(expect.arrayContaining(['shopifyAdminApi', 'posApi', 'posWebhookApi']));
		expect(declared.nodes.map((n) => n.typeName)).toEqual(
			expect.arrayContaining(
				['shopifyOrderTrigger', 'shopifyGetOrders', 'shopifyAdjustInventory', 'posHttpRequest', 'posTrigger'].map((name) => `n8n-nodes-shopify-pos.${name}`),
			),
		);
	});

	it('lists every declared credential type', async () => {
		const listed = await n8n.rest.credentialTypes();
		for (const credential of declared.credentials) {
			const found = listed.find((type) => type.name === credential.typeName);
			expect(found).toMatchObject({ name: credential.typeName, displayName: credential.displayName });
		}
	});

	it('lists every declared node under n8n-nodes-shopify-pos.<name> and serves its icon', async () => {
		const listed = await n8n.rest.nodeTypes();
		const ours = listed.filter((type) => type.name.startsWith('n8n-nodes-shopify-pos.'));
		const expected = declared.nodes.flatMap((node) => (node.usableAsTool ? [node.typeName, `${node.typeName}Tool`] : [node.typeName]));
		expect(ours.map((type) => type.name).sort()).toEqual([...new Set(expected)].sort());
		for (const node of declared.nodes) {
			const found = ours.find((type) => type.name === node.typeName);
			expect(found?.displayName).toBe(node.displayName);
			// A node with light and dark icons is listed with an {light, dark} pair; every file must be served.
			const urls = iconUrls(found?.iconUrl);
			expect(urls.length).toBeGreaterThan(0);
			for (const url of urls) {
				expect(url).toMatch(/^icons\/n8n-nodes-shopify-pos\/.+\.svg$/);
				const icon = await fetch(`${n8n.baseUrl}/${url}`);
				expect(icon.status).toBe(200);
				expect(await icon.text()).toContain('<svg');
			}
		}
	});

	it('logs no error about loading the package', () => {
		// The runtime's own folder is named after the package too: its paths (stack traces of n8n's harmless
		// offline errors) must not count as lines about the package.
		const { RUNTIME_CACHE } = require('../../scripts/runtimeCache') as { RUNTIME_CACHE: string };
		const problems = n8n
			.logTail(100_000)
			.split('\n')
			.map((line) => line.split(RUNTIME_CACHE).join('<n8n runtime>'))
			.filter((line) => /n8n-nodes-shopify-pos/.test(line) && /error|fail|could not/i.test(line));
		expect(problems).toEqual([]);
	});
});

function iconUrls(iconUrl: unknown): string[] {
	if (typeof iconUrl === 'string') return [iconUrl];
	if (iconUrl && typeof iconUrl === 'object') return Object.values(iconUrl).filter((url): url is string => typeof url === 'string');
	return [];
}
