import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

/** The version n8n gives a node dragged onto the canvas: its default version, else its newest. */
export function defaultVersionOf(description: Pick<INodeTypeDescription, 'version' | 'defaultVersion'>): number {
	if (description.defaultVersion !== undefined) return description.defaultVersion;
	return Array.isArray(description.version) ? Math.max(...description.version) : description.version;
}

const ROOT = join(__dirname, '..', '..');
let packageNodes: INodeType[] | undefined;

/**
 * The package's nodes, from the sources of the files package.json lists. Required by their `.ts` path, loaded
 * on first use: beside each `X.node.ts` lies its codex `X.node.json`, which a plain `require('…/X.node')`
 * would load instead under ts-node (the demo), where `.json` comes before `.ts`.
 */
function loadPackageNodes(): INodeType[] {
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	return manifest.n8n.nodes.map((built) => {
		const source = join(ROOT, built.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(source) as Record<string, unknown>;
		const NodeClass = Object.values(exported).find((value) => typeof value === 'function') as (new () => INodeType) | undefined;
		if (!NodeClass) throw new Error(`${source} exports no node class`);
		return new NodeClass();
	});
}

/**
 * The version a test workflow saves a package node with, by type name (`shopifyOrderTrigger`, with or without
 * the `n8n-nodes-shopify-pos.` prefix): what a user's newly built workflow holds, so tests follow the node.
 */
export function packageNodeVersion(type: string): number {
	packageNodes ??= loadPackageNodes();
	const name = type.replace(/^n8n-nodes-shopify-pos\./, '');
	const node = packageNodes.find((candidate) => candidate.description.name === name);
	if (!node) throw new Error(`No node named "${name}" in the package`);
	return defaultVersionOf(node.description);
}
