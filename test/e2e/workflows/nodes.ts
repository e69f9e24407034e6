import type { WorkflowImport } from '../harness';

/** One node of an n8n workflow export. */
export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
}

export const MANUAL_TRIGGER = "When clicking 'Execute workflow'";

export function manualTrigger(): WorkflowNode {
	return { id: 'manual-trigger', name: MANUAL_TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
}

/** n8n's Edit Fields (Set) node in JSON mode: a fixed item, like the one a Shopify node would produce. */
export function fixedItem(name: string, json: unknown, position: [number, number] = [220, 0]): WorkflowNode {
	return {
		id: `fixed-${name.toLowerCase().replace(/\W+/g, '-')}`,
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position,
		parameters: { mode: 'raw', jsonOutput: JSON.stringify(json, null, 2), options: {} },
	};
}

/** A workflow export that chains the given nodes, each into the next on its first output. */
export function chain(id: string, name: string, nodes: WorkflowNode[]): WorkflowImport {
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, nodes, connections, settings: { executionOrder: 'v1' }, active: false, pinData: {} };
}
