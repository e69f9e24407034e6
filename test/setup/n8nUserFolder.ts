import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Nodes run in-process here keep files in n8n's folder (the Order Trigger's memory): each test file gets a
 * fresh one, never the user's `~/.n8n`.
 */
const folder = mkdtempSync(join(tmpdir(), 'n8n-user-folder-'));
process.env.N8N_USER_FOLDER = folder;
afterAll(() => rmSync(folder, { recursive: true, force: true }));
