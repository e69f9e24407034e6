import { readTemplate } from '../../e2e/templates/templateWorkflows';
import { DEMO_POS_LOCATION, demoTemplateWorkflow } from '../../e2e/templates/demoWiring';

// `npm start` shows the generic REST template as a user would have set it up: no `YOUR_…` value left.
describe('the demo\'s workflow', () => {
	const template = readTemplate('generic-rest.json');
	const workflow = demoTemplateWorkflow(template, { workflowId: 'demo', shopifyCredentialId: 'shop', posCredentialId: 'pos' }, { id: 'gid://shopify/Location/1', name: 'Main Store' });

	it('replaces every YOUR_ value of the template', () => {
		expect(JSON.stringify(template)).toContain('YOUR_POS_LOCATION_ID');
		expect(JSON.stringify(workflow)).not.toMatch(/YOUR_[A-Z]/);
		expect(JSON.stringify(workflow)).toContain(`'${DEMO_POS_LOCATION}'`);
	});

	it('shows the Shopify location by its name, as picked from the list', () => {
		const nodes = workflow.nodes as Array<{ type: string; parameters: Record<string, unknown> }>;
		const adjust = nodes.find((node) => node.type === 'n8n-nodes-shopify-pos.shopifyAdjustInventory')!;
		expect(adjust.parameters.location).toEqual({ __rl: true, mode: 'list', value: 'gid://shopify/Location/1', cachedResultName: 'Main Store' });
	});

	it('refuses a template with a placeholder it does not know', () => {
		const other = { ...template, nodes: [...template.nodes, { ...template.nodes[0], name: 'x', parameters: { path: 'YOUR_MERCHANT_ID' } }] };
		expect(() => demoTemplateWorkflow(other, { workflowId: 'demo', shopifyCredentialId: 'shop', posCredentialId: 'pos' }, { id: 'l', name: 'n' })).toThrow(/YOUR_MERCHANT_ID/);
	});
});
