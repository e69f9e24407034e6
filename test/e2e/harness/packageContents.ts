import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { packageSourceDir } from './communityPackage';

export const PACKAGE_NAME = 'n8n-nodes-shopify-pos';

export interface PackagedType {
	/** The dist file listed in package.json's `n8n` section. */
	file: string;
	/** The type name as n8n lists it: `n8n-nodes-shopify-pos.<node>` for nodes, the plain name for credentials. */
	typeName: string;
	displayName: string;
	icon?: unknown;
	/** n8n also lists a `<type>Tool` variant of a node that is usable as an AI agent tool. */
	usableAsTool?: boolean;
}

interface N8nSection {
	nodes?: string[];
	credentials?: string[];
}

/** n8n's rule: the file `X.node.js` / `X.credentials.js` exports the class `X`. */
function loadClass(file: string): new () => unknown {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(join(packageSourceDir(), file)) as Record<string, unknown>;
	const className = basename(file).split('.')[0];
	const found = exported[className];
	if (typeof found !== 'function') throw new Error(`${file} does not export the class ${className}, as n8n requires`);
	return found as new () => unknown;
}

/**
 * What the built package declares in package.json's `n8n` section, read from the built files: the node
 * and credential types a user's n8n must list once the package is installed.
 */
export function packagedTypes(): { nodes: PackagedType[]; credentials: PackagedType[] } {
	const manifest = JSON.parse(readFileSync(join(packageSourceDir(), 'package.json'), 'utf8')) as { n8n: N8nSection };
	const nodes = (manifest.n8n.nodes ?? []).map((file) => {
		const instance = new (loadClass(file))() as {
			description?: { name: string; displayName: string; icon?: unknown; usableAsTool?: unknown };
			nodeVersions?: Record<string, { description: { name: string; displayName: string; icon?: unknown; usableAsTool?: unknown } }>;
		};
		const description = instance.description ?? Object.values(instance.nodeVersions ?? {})[0]?.description;
		if (!description) throw new Error(`${file} has no node description`);
		return {
			file,
			typeName: `${PACKAGE_NAME}.${description.name}`,
			displayName: description.displayName,
			icon: description.icon,
			usableAsTool: Boolean(description.usableAsTool),
		};
	});
	const credentials = (manifest.n8n.credentials ?? []).map((file) => {
		const instance = new (loadClass(file))() as { name: string; displayName: string; icon?: unknown };
		return { file, typeName: instance.name, displayName: instance.displayName, icon: instance.icon };
	});
	return { nodes, credentials };
}
