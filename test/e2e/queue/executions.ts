import type { N8nRest } from '../harness';

/** One execution as n8n's public API lists it. */
export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
	finished: boolean;
}

/** Every execution of a workflow, through the public API's pages (the database all processes share). */
export async function executionsOf(rest: N8nRest, workflowId: string): Promise<ExecutionSummary[]> {
	const all: ExecutionSummary[] = [];
	let cursor: string | undefined;
	do {
		const query = new URLSearchParams({ workflowId, limit: '250', includeData: 'false' });
		if (cursor) query.set('cursor', cursor);
		const page = await rest.publicApi<{ data: Array<Record<string, unknown>>; nextCursor?: string | null }>('GET', `/executions?${query.toString()}`);
		if (page.status !== 200) throw new Error(`listing executions: HTTP ${page.status} ${JSON.stringify(page.body).slice(0, 300)}`);
		for (const row of page.body.data) {
			all.push({ id: String(row.id), workflowId: String(row.workflowId), status: String(row.status), finished: row.finished === true });
		}
		cursor = page.body.nextCursor ?? undefined;
	} while (cursor);
	return all;
}

export function countByStatus(executions: ExecutionSummary[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const execution of executions) counts[execution.status] = (counts[execution.status] ?? 0) + 1;
	return counts;
}

const UNFINISHED = new Set(['new', 'running', 'waiting']);

/**
 * Waits until the workflow's executions have all ended and their number has stopped growing (the queue
 * may still hold jobs that have no row yet when the last one ends).
 */
export async function waitForExecutionsToSettle(rest: N8nRest, workflowId: string, timeoutMs = 300_000): Promise<ExecutionSummary[]> {
	const deadline = Date.now() + timeoutMs;
	let previousCount = -1;
	let stableRounds = 0;
	for (;;) {
		const executions = await executionsOf(rest, workflowId);
		const unfinished = executions.filter((execution) => UNFINISHED.has(execution.status)).length;
		stableRounds = unfinished === 0 && executions.length === previousCount ? stableRounds + 1 : 0;
		if (stableRounds >= 2) return executions;
		previousCount = executions.length;
		if (Date.now() > deadline) throw new Error(`executions of ${workflowId} did not settle: ${JSON.stringify(countByStatus(executions))}`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

/** Why an execution failed: the node that failed and n8n's error message, read from the shared database. */
export interface ExecutionFailure {
	id: string;
	node?: string;
	message: string;
}

/**
 * The failures among `executions`, with their errors, so that a scale run that fails says why (the
 * processes' own logs are gone once the cluster stops).
 */
export async function failuresOf(rest: N8nRest, executions: ExecutionSummary[]): Promise<ExecutionFailure[]> {
	const failures: ExecutionFailure[] = [];
	for (const execution of executions.filter((candidate) => candidate.status === 'error' || candidate.status === 'crashed')) {
		const answer = await rest.publicApi<{ data?: { resultData?: { error?: { message?: string; description?: string; node?: { name?: string } }; lastNodeExecuted?: string } } }>(
			'GET',
			`/executions/${execution.id}?includeData=true`,
		);
		const resultData = answer.body?.data?.resultData;
		const error = resultData?.error;
		failures.push({
			id: execution.id,
			node: error?.node?.name ?? resultData?.lastNodeExecuted,
			message: error ? [error.message, error.description].filter(Boolean).join(' — ') : `${execution.status} without an error (HTTP ${answer.status})`,
		});
	}
	return failures;
}
