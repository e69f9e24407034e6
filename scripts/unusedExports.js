#!/usr/bin/env node
// Lists exports of the shipped code (lib/, nodes/, credentials/) that nothing uses: no file of the project
// imports them and their own file does not use them either — dead code that still reads as an API someone
// relies on. (An export only its own file uses, such as the type of an exported function's result, is
// part of that function's contract and is left alone.) The node and credential files that package.json's
// `n8n` section lists are n8n's entry points, so their exports count as used. Part of `npm run lint`;
// exits 1 when it finds any.
//
// An export counts as used when another file imports it by name (`import { x }`, `export { x } from`), takes
// the whole module (`import * as`, `export * from`, `require()`, `import()`), or names it in a type query
// (`typeof import('./x').y`).
'use strict';

const path = require('node:path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..');
const SHIPPED = ['lib', 'nodes', 'credentials'];

function loadProgram(root) {
	const configPath = path.join(root, 'tsconfig.json');
	const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
	const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root);
	return ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
}


/** The .ts sources of the node and credential files package.json lists (`dist/x/y.js` → `x/y.ts`). */
function entryPoints(root) {
	const { n8n } = JSON.parse(ts.sys.readFile(path.join(root, 'package.json')) ?? '{}');
	return new Set([...(n8n?.nodes ?? []), ...(n8n?.credentials ?? [])].map((file) => file.replace(/^dist\//, '').replace(/\.js$/, '.ts')));
}

/** Each (file, export name) another file uses; `*` for a module taken whole. */
function collectUses(program, root) {
	const uses = new Map();
	const use = (from, specifier, name) => {
		const resolved = ts.resolveModuleName(specifier, from.fileName, program.getCompilerOptions(), ts.sys).resolvedModule;
		if (!resolved || resolved.isExternalLibraryImport) return;
		const target = path.resolve(resolved.resolvedFileName);
		if (target === path.resolve(from.fileName)) return;
		if (!uses.has(target)) uses.set(target, new Set());
		uses.get(target).add(name);
	};
	for (const source of program.getSourceFiles()) {
		if (source.isDeclarationFile || !path.resolve(source.fileName).startsWith(root) || source.fileName.includes('node_modules')) continue;
		const visit = (node) => {
			if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
				usesOfDeclaration(node).forEach((name) => use(source, node.moduleSpecifier.text, name));
			} else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])) {
				const callee = node.expression;
				if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) use(source, node.arguments[0].text, '*');
			} else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
				use(source, node.argument.literal.text, node.qualifier ? leftmostName(node.qualifier) : '*');
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	return uses;
}

function leftmostName(entity) {
	return ts.isIdentifier(entity) ? entity.text : leftmostName(entity.left);
}

/** The names an import or export-from declaration takes from its module. */
function usesOfDeclaration(node) {
	if (ts.isExportDeclaration(node)) {
		if (!node.exportClause || ts.isNamespaceExport(node.exportClause)) return ['*'];
		return node.exportClause.elements.map((element) => (element.propertyName ?? element.name).text);
	}
	const clause = node.importClause;
	if (!clause) return [];
	const names = clause.name ? ['default'] : [];
	const bindings = clause.namedBindings;
	if (bindings && ts.isNamespaceImport(bindings)) names.push('*');
	if (bindings && ts.isNamedImports(bindings)) names.push(...bindings.elements.map((element) => (element.propertyName ?? element.name).text));
	return names;
}

/** Symbols an identifier of the file refers to, declarations left out: what the file itself uses. */
function namesUsedInFile(source, checker) {
	const symbols = new Set();
	const visit = (node) => {
		if (ts.isIdentifier(node) && !isDeclarationName(node)) {
			const symbol = checker.getSymbolAtLocation(node);
			if (symbol) symbols.add(symbol);
			const exported = symbol && checker.getExportSymbolOfSymbol(symbol);
			if (exported) symbols.add(exported);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return symbols;
}

function isDeclarationName(identifier) {
	const parent = identifier.parent;
	return (
		parent !== undefined &&
		'name' in parent &&
		parent.name === identifier &&
		(ts.isDeclarationStatement(parent) || ts.isVariableDeclaration(parent) || ts.isExportSpecifier(parent) || ts.isTypeAliasDeclaration(parent) || ts.isEnumMember(parent))
	);
}

/** `file:line name` of each export of root's lib/, nodes/ and credentials/ that nothing uses, sorted. */
function unusedExports(root = ROOT) {
	const relative = (file) => path.relative(root, file).split(path.sep).join('/');
	const isShipped = (file) => SHIPPED.some((dir) => relative(file).startsWith(`${dir}/`));
	const program = loadProgram(root);
	const checker = program.getTypeChecker();
	const entries = entryPoints(root);
	const uses = collectUses(program, root);
	const unused = [];
	for (const source of program.getSourceFiles()) {
		if (source.isDeclarationFile || !isShipped(source.fileName) || entries.has(relative(source.fileName))) continue;
		const moduleSymbol = checker.getSymbolAtLocation(source);
		if (!moduleSymbol) continue;
		const used = uses.get(path.resolve(source.fileName)) ?? new Set();
		if (used.has('*')) continue;
		const localUses = namesUsedInFile(source, checker);
		for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
			if (used.has(symbol.name) || localUses.has(symbol)) continue;
			const declaration = symbol.declarations?.[0];
			const declaredIn = declaration?.getSourceFile();
			if (declaredIn === source) {
				unused.push(`${relative(source.fileName)}:${source.getLineAndCharacterOfPosition(declaration.getStart()).line + 1} ${symbol.name}`);
			} else {
				unused.push(`${relative(source.fileName)} ${symbol.name}${declaredIn ? ` (re-exported from ${relative(declaredIn.fileName)})` : ''}`);
			}
		}
	}
	return unused.sort();
}

if (require.main === module) {
	const unused = unusedExports();
	if (unused.length === 0) {
		console.log('unused exports: none');
	} else {
		console.error(`Exports nothing uses, neither another file nor their own (remove them):\n${unused.map((line) => `  ${line}`).join('\n')}`);
		process.exitCode = 1;
	}
}

module.exports = { unusedExports };
