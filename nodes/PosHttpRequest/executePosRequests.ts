import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { sharedRateLimiter, systemClock } from '../../lib/pos/rateLimiter';
import { sendPosRequest, type PosCallResult } from '../../lib/pos/sendPosRequest';
import { failedJson, successJson } from './outputItems';
import { readItemCall, readNodeSettings, type ItemCall } from './readItemCall';
import { DEFAULT_TIMEOUT_SECONDS } from './optionProperties';
import { signInToPos } from '../shared/posSignIn';

/** Runs `worker` over indexes 0..count-1 with at most `limit` in flight. */
async function forEachConcurrently(count: number, limit: number, worker: (index: number) => Promise<void>): Promise<void> {
	let next = 0;
	const lanes = Array.from({ length: Math.min(limit, count) }, async () => {
		while (next < count) {
			const index = next++;
			await worker(index);
		}
	});
	await Promise.all(lanes);
}

/**
 * Every input item ends on exactly one output: Success (created, duplicate, alreadyExists) or Failed.
 * POS and network failures always go to Failed. Bad parameters stop the workflow before anything is sent,
 * unless "On Error: Continue" is set; then those items go to Failed too.
 */
export async function executePosRequests(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const { credentials, send, redactor, accountKey } = await signInToPos(this);
	const settings = readNodeSettings(this);
	const timeoutMs = ((this.getNodeParameter('options', 0, {}) as { timeoutSeconds?: number }).timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;

	// Read every item first, so a parameter mistake stops the run before any order reaches the POS.
	const calls: Array<ItemCall | { error: NodeOperationError }> = items.map((_item, index) => {
		try {
			return readItemCall(this, index, credentials, timeoutMs);
		} catch (error) {
			const operationError =
				error instanceof NodeOperationError ? error : new NodeOperationError(this.getNode(), redactor.text((error as Error).message), { itemIndex: index });
			operationError.message = redactor.text(operationError.message);
			if (!this.continueOnFail()) throw operationError;
			return { error: operationError };
		}
	});

	const limiter = settings.requestsPerSecond > 0 ? sharedRateLimiter(accountKey, settings.requestsPerSecond) : undefined;
	const results: Array<{ output: 0 | 1; item: INodeExecutionData }> = new Array(items.length);
	await forEachConcurrently(items.length, settings.concurrency, async (index) => {
		const prepared = calls[index];
		if ('error' in prepared) {
			results[index] = { output: 1, item: { json: failedJson(prepared.error.message, undefined, undefined, 0, undefined, redactor), pairedItem: { item: index } } };
			return;
		}
		let result: PosCallResult;
		try {
			result = await sendPosRequest(prepared.call, {
				send,
				clock: systemClock,
				random: Math.random,
				policy: settings.policy,
				limiter,
				onRetry: ({ attempt, waitMs, reason }) =>
					this.logger.warn(redactor.text(`POS HTTP Request: item ${index} attempt ${attempt}: ${reason}; next attempt in ${waitMs} ms`)),
			});
		} catch (error) {
			// Not a POS answer but a fault on our side of the wire: the item still must not vanish.
			result = { outcome: 'failed', reason: `The request could not be sent: ${(error as Error).message}`, attempts: 1, requestsSent: 0, waitedMs: 0 };
		}
		if (result.outcome === 'failed') {
			this.logger.warn(redactor.text(`POS HTTP Request: item ${index} failed: ${result.reason ?? ''}`));
			const json = failedJson(result.reason ?? 'failed', prepared.call.request, result.response, result.attempts, prepared.idempotencyKey, redactor);
			results[index] = { output: 1, item: { json, pairedItem: { item: index } } };
			return;
		}
		results[index] = { output: 0, item: { json: successJson(result, prepared.idempotencyKey, redactor), pairedItem: { item: index } } };
	});
	return [results.filter((result) => result.output === 0).map((result) => result.item), results.filter((result) => result.output === 1).map((result) => result.item)];
}
