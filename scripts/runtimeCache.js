// Where the real n8n runtimes live: outside the checkout, so a fresh clone (CI, a second working copy) reuses
// an install instead of downloading ~3 GB again. N8N_RUNTIME_CACHE overrides it.
'use strict';

const os = require('node:os');
const path = require('node:path');

const RUNTIME_CACHE = process.env.N8N_RUNTIME_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-shopify-pos');

module.exports = { RUNTIME_CACHE };
