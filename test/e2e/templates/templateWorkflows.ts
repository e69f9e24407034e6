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
}

/**
 * What a user does after importing a template: pick their credentials on each node and the Shopify location
 * on Adjust Inventory. Nothing else in the template is changed.
 */
export function wireToSimulators(template: TemplateExport, wiring: SimulatorWiring): WorkflowImport {
	const nodes = template.nodes.map((node) => {
		const wired: TemplateNode = JSON.parse(JSON.stringify(node)) as TemplateNode;
		if (wired.credentials?.shopifyAdminApi) wired.credentials.shopifyAdminApi = { id: wiring.shopifyCredentialId, name: wiring.shopifyCredentialId };
		if (wired.credentials?.posApi) wired.credentials.posApi = { id: wiring.posCredentialId, name: wiring.posCredentialId };
		if (wired.type === 'n8n-nodes-shopify-pos.shopifyAdjustInventory') {
			wired.parameters.location = { __rl: true, mode: 'id', value: wiring.shopifyLocationId };
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
