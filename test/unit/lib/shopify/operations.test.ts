import * as fs from 'node:fs';
import * as path from 'node:path';
import { Kind, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { SUPPORTED_API_VERSIONS } from '../../../../lib/shopify/apiVersions';
import { adminSchema } from '../../../helpers/adminSchema';

/**
 * Every GraphQL document the package sends, found by reading every module in lib/shopify/operations/
 * (no hand-kept list), validated against Shopify's published Admin schema of every version the
 * credential offers.
 */
const OPERATIONS_DIR = path.join(__dirname, '..', '..', '..', '..', 'lib', 'shopify', 'operations');

interface FoundDocument {
	source: string;
	exportName: string;
	text: string;
	document: DocumentNode;
}

function collectDocuments(): FoundDocument[] {
	const found: FoundDocument[] = [];
	for (const file of fs.readdirSync(OPERATIONS_DIR).filter((f) => f.endsWith('.ts')).sort()) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exports = require(path.join(OPERATIONS_DIR, file)) as Record<string, unknown>;
		for (const [exportName, value] of Object.entries(exports)) {
			if (typeof value !== 'string' || !/^\s*(query|mutation)\b/.test(value)) continue;
			found.push({ source: file, exportName, text: value, document: parse(value) });
		}
	}
	return found;
}

const documents = collectDocuments();

describe('GraphQL documents in lib/shopify/operations', () => {
	it('finds the documents', () => {
		expect(documents.length).toBeGreaterThan(0);
		expect(documents.map((d) => d.exportName)).toContain('SHOP_NAME');
	});

	it('are each one named operation, with names unique across the package', () => {
		const names = documents.map((d) => {
			const operations = d.document.definitions.filter(
				(def): def is OperationDefinitionNode => def.kind === Kind.OPERATION_DEFINITION,
			);
			expect(operations).toHaveLength(1);
			expect(operations[0].name?.value).toBeTruthy();
			return operations[0].name!.value;
		});
		expect(new Set(names).size).toBe(names.length);
	});

	describe.each([...SUPPORTED_API_VERSIONS])('against the Admin API %s schema', (version) => {
		it.each(documents.map((d) => [`${d.source}:${d.exportName}`, d] as const))('%s validates', (_label, found) => {
			const errors = validate(adminSchema(version), found.document).map((e) => e.message);
			expect(errors).toEqual([]);
		});
	});

	it('rejects a field Shopify does not have (the check can fail)', () => {
		const broken = parse('query Broken { shop { name inventedFieldForTest } }');
		const errors = validate(adminSchema('2026-10'), broken);
		expect(errors.map((e) => e.message).join()).toMatch(/inventedFieldForTest/);
	});
});
