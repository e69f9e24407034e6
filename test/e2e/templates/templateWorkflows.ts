import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CredentialImport, WorkflowImport } from '../harness';
import { REPO_ROOT } from '../harness';

/** A template file as shipped in templates/: an n8n workflow export without an id. */
export interface TemplateExport {
	name: string;
	nodes: TemplateNode[];
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface TemplateNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
}

export function readTemplate(file: string): TemplateExport {
	return JSON.parse(readFileSync(join(REPO_ROOT, 'templates', file), 'utf8')) as TemplateExport;
}

export function nodeOfType(template: TemplateExport, type: string): TemplateNode {
	const node = template.nodes.find((candidate) => candidate.type === type);
	if (!node) throw new Error(`template "${template.name}" has no ${type} node`);
	return node;
}

export interface SimulatorWiring {
	workflowId: string;
	shopifyCredentialId: string;
	posCredentialId: string;
	/** The Shopify location the template's Adjust Inventory node writes to (the template leaves it for the user to pick). */
	shopifyLocationId: string;
	/** Its name, as the location list shows it (then the node shows the name, not the ID, as after a pick). */
	shopifyLocationName?: string;
	/** The template's `YOUR_…` values and what the user puts in their place. */
	values?: Record<string, string>;
}

/** Every `YOUR_…` placeholder a template still holds (in parameters), for checks that none is left. */
export function placeholdersIn(workflow: { nodes: Array<{ parameters: Record<string, unknown> }> }): string[] {
	return [...new Set(workflow.nodes.flatMap((node) => JSON.stringify(node.parameters).match(/YOUR_[A-Z0-9_]+/g) ?? []))];
}

/**
 * What a user does after importing a template: pick their credentials on each node and the Shopify location
 * on Adjust Inventory, and (where given) replace the `YOUR_…` values. Nothing else in the template is changed.
 */
export function wireToSimulators(template: TemplateExport, wiring: SimulatorWiring): WorkflowImport {
	const nodes = template.nodes.map((node) => {
		let text = JSON.stringify(node);
		for (const [placeholder, value] of Object.entries(wiring.values ?? {})) text = text.split(placeholder).join(value);
		const wired = JSON.parse(text) as TemplateNode;
		if (wired.credentials?.shopifyAdminApi) wired.credentials.shopifyAdminApi = { id: wiring.shopifyCredentialId, name: wiring.shopifyCredentialId };
		if (wired.credentials?.posApi) wired.credentials.posApi = { id: wiring.posCredentialId, name: wiring.posCredentialId };
		if (wired.type === 'n8n-nodes-shopify-pos.shopifyAdjustInventory') {
			wired.parameters.location = wiring.shopifyLocationName
				? { __rl: true, mode: 'list', value: wiring.shopifyLocationId, cachedResultName: wiring.shopifyLocationName }
				: { __rl: true, mode: 'id', value: wiring.shopifyLocationId };
		}
		return wired;
	});
	return { ...template, id: wiring.workflowId, nodes, active: false };
}

export function shopifyCredentialImport(id: string, shop: { url: string; accessToken: string; clientSecret: string }): CredentialImport {
	return {
		id,
		name: id,
		type: 'shopifyAdminApi',
		data: { shop: shop.url, apiVersion: '2026-10', authentication: 'accessToken', accessToken: shop.accessToken, webhookSecret: shop.clientSecret },
	};
}

/** `testPath`: the vendor's cheap GET that templates/README.md names for the credential's Test button. */
export function posCredentialImport(id: string, baseUrl: string, token: string, extraHeaders: string, testPath: string): CredentialImport {
	return { id, name: id, type: 'posApi', data: { baseUrl, authType: 'bearer', token, extraHeaders, testPath } };
}
