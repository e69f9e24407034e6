#!/usr/bin/env node
// `npm start`: the one-command demo (real n8n + Shopify and POS simulators + a template).
const fs = require('node:fs');
const path = require('node:path');

const runner = path.join(__dirname, '..', 'test', 'e2e', 'demo.js');
if (fs.existsSync(runner)) {
	require(runner);
} else {
	console.log(
		[
			'The demo is not part of this version yet.',
			'When it is, `npm start` will: build the package, install n8n 2.41.1 on Node 24 into .cache/ (once),',
			'start the Shopify and POS simulators with a seeded store, create an n8n owner account, import and',
			'publish the generic POS template with working credentials, create a few orders, and print the editor URL.',
			'Today you can run every test with `npm test`.',
		].join('\n'),
	);
}
