import type { N8nRest } from '../../test/e2e/harness';

export interface ExecutionTally {
	total: number;
	/** Status → count (success, error, running, waiting…). */
	byStatus: Record<string, number>;
}

interface ExecutionSummary {
	id: string;
	status?: string;
	finished?: boolean;
	data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>> } };
}

interface ExecutionPage {
	data: ExecutionSummary[];
	nextCursor?: string | null;
}

/** Every execution of a workflow through n8n's public API, page by page (following nextCursor). */
async function forEachExecution(rest: N8nRest, workflowId: string, includeData: boolean, visit: (execution: ExecutionSummary) => void): Promise<void> {
	let cursor: string | undefined;
	for (;;) {
		const query = new URLSearchParams({ workflowId, limit: includeData ? '100' : '250', includeData: String(includeData) });
		if (cursor) query.set('cursor', cursor);
		let page = await rest.publicApi<ExecutionPage>('GET', `/executions?${query.toString()}`);
		// n8n answers 503 "Database is not ready" while SQLite is busy with a burst of executions: ask again.
		for (let attempt = 1; page.status === 503 && attempt <= 20; attempt++) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			page = await rest.publicApi<ExecutionPage>('GET', `/executions?${query.toString()}`);
		}
		if (page.status !== 200) throw new Error(`GET /api/v1/executions: HTTP ${page.status} ${JSON.stringify(page.body).slice(0, 300)}`);
		for (const execution of page.body.data) visit(execution);
		if (!page.body.nextCursor) return;
		cursor = page.body.nextCursor;
	}
}

export async function tallyExecutions(rest: N8nRest, workflowId: string): Promise<ExecutionTally> {
	const byStatus: Record<string, number> = {};
	let total = 0;
	await forEachExecution(rest, workflowId, false, (execution) => {
		const status = execution.status ?? (execution.finished ? 'success' : 'unknown');
		byStatus[status] = (byStatus[status] ?? 0) + 1;
		total++;
	});
	return { total, byStatus };
}

/**
 * How many executions each delivery key started: the key is read from the first item the trigger node
 * emitted (`keyOf`); executions without one count under ''.
 */
export async function executionsPerKey(
	rest: N8nRest,
	workflowId: string,
	triggerNodeName: string,
	keyOf: (json: Record<string, unknown>) => string | undefined,
): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	await forEachExecution(rest, workflowId, true, (execution) => {
		const json = execution.data?.resultData?.runData?.[triggerNodeName]?.[0]?.data?.main?.[0]?.[0]?.json;
		const key = (json && keyOf(json)) ?? '';
		counts.set(key, (counts.get(key) ?? 0) + 1);
	});
	return counts;
}

const UNFINISHED = new Set(['new', 'running', 'waiting', 'unknown']);

/**
 * Waits until the workflow has at least `expected` executions and none is still running, or until nothing
 * has changed for `quietMs` (an execution that never came), or `timeoutMs` passed. Returns the last tally.
 */
export async function waitForExecutions(
	rest: N8nRest,
	workflowId: string,
	expected: number,
	{ quietMs = 10_000, timeoutMs = 120_000 } = {},
): Promise<ExecutionTally> {
	const deadline = Date.now() + timeoutMs;
	let last = await tallyExecutions(rest, workflowId);
	let lastChange = Date.now();
	for (;;) {
		const unfinished = Object.entries(last.byStatus).reduce((sum, [status, count]) => sum + (UNFINISHED.has(status) ? count : 0), 0);
		if (last.total >= expected && unfinished === 0) return last;
		if (Date.now() - lastChange > quietMs || Date.now() > deadline) return last;
		await new Promise((resolve) => setTimeout(resolve, 500));
		const next = await tallyExecutions(rest, workflowId);
		if (JSON.stringify(next) !== JSON.stringify(last)) lastChange = Date.now();
		last = next;
	}
}
