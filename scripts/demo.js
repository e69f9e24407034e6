#!/usr/bin/env node
// `npm start`: the one-command demo (real n8n + Shopify and POS simulators + workflows of the package's nodes).
// Plain JavaScript that registers ts-node, so a fresh clone needs nothing but `npm install` first.
'use strict';

const path = require('node:path');

const root = path.join(__dirname, '..');
require('ts-node').register({ transpileOnly: true, project: path.join(root, 'tsconfig.json') });
const { runDemo } = require(path.join(root, 'test', 'e2e', 'demo.ts'));

runDemo().catch((error) => {
	console.error(error);
	process.exit(1);
});
