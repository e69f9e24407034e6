import type { WorkflowImport } from '../harness';
import { placeholdersIn, wireToSimulators, type TemplateExport } from './templateWorkflows';

/** The demo POS's location: what a user would put for `YOUR_POS_LOCATION_ID`. */
export const DEMO_POS_LOCATION = 'shop-floor';

/**
 * The generic REST template as a user leaves it after following its sticky notes: credentials picked, the
 * Shopify location chosen from the list, every `YOUR_…` value replaced. Refuses to hand over a workflow that
 * still holds a placeholder, so the demo never shows one.
 */
export function demoTemplateWorkflow(
	template: TemplateExport,
	ids: { workflowId: string; shopifyCredentialId: string; posCredentialId: string },
	shopifyLocation: { id: string; name: string },
): WorkflowImport {
	const workflow = wireToSimulators(template, {
		...ids,
		shopifyLocationId: shopifyLocation.id,
		shopifyLocationName: shopifyLocation.name,
		values: { YOUR_POS_LOCATION_ID: DEMO_POS_LOCATION },
	});
	const left = placeholdersIn(workflow as unknown as TemplateExport);
	if (left.length > 0) throw new Error(`the demo leaves ${left.join(', ')} in "${template.name}": give it a value in demoTemplateWorkflow`);
	return workflow;
}
