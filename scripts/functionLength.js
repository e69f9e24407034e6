#!/usr/bin/env node
// Lists functions of the shipped code (lib/, nodes/, credentials/) longer than 60 lines, counted from the
// line the function starts on to the line of its closing brace. A function that no longer fits on a screen
// does several things: give each its own name. Part of `npm run lint`; exits 1 when it finds any.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..');
const SHIPPED = ['lib', 'nodes', 'credentials'];
const MAX_LINES = 60;

function sources(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sources(full);
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
	});
}

function isFunction(node) {
	return ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isConstructorDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node);
}

function longFunctionsIn(root, file) {
	const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
	const found = [];
	const visit = (node) => {
		if (isFunction(node) && node.body) {
			const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
			const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
			const lines = last - first + 1;
			const name = node.name ? node.name.getText(source) : '(anonymous)';
			if (lines > MAX_LINES) found.push(`${path.relative(root, file)}:${first + 1} ${name}: ${lines} lines`);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

/** Every function over MAX_LINES lines in the shipped folders under `root`, as `file:line name: n lines`. */
function longFunctions(root) {
	return SHIPPED.filter((dir) => fs.existsSync(path.join(root, dir)))
		.flatMap((dir) => sources(path.join(root, dir)))
		.flatMap((file) => longFunctionsIn(root, file));
}

if (require.main === module) {
	const found = longFunctions(ROOT);
	if (found.length > 0) {
		console.error(`functions over ${MAX_LINES} lines (split them into named parts):\n${found.map((line) => `  ${line}`).join('\n')}`);
		process.exit(1);
	}
	console.log(`functions over ${MAX_LINES} lines: none`);
}

module.exports = { longFunctions, MAX_LINES };
