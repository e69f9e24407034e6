import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { buildPosRequest } from '../../lib/pos/buildRequest';
import { NO_DUPLICATES, posErrorMessage } from '../../lib/pos/classifyResponse';
import type { PosCredentials } from '../../lib/pos/credentials';
import type { InventoryVendor, VendorSettings } from '../../lib/pos/inventory/inventoryVendor';
import type { PosJsonCall, PosJsonResult, PosJsonTransport } from '../../lib/pos/inventory/posJsonTransport';
import { sharedRateLimiter, systemClock } from '../../lib/pos/rateLimiter';
import { sendPosRequest } from '../../lib/pos/sendPosRequest';
import { readNodeSettings } from '../PosHttpRequest/readItemCall';
import type { Redactor } from '../../lib/http/redact';
import { signInToPos } from '../shared/posSignIn';
import { readVendorSettings } from './vendorSettings';
import { stockWriteRecord } from './stockWriteRecord';
import type { StockWriteRecord } from '../../lib/pos/inventory/absoluteStockWrite';

/** Everything an operation needs to talk to the POS, built once per execution. */
export interface PosConnection {
	transport: PosJsonTransport;
	redactor: Redactor;
	credentials: PosCredentials;
	/** Identifies the account (a hash, never a secret in clear), for the SKU cache's scope. */
	secret: string;
	/** HTTP requests sent so far in this execution, retries included. */
	requestsSent(): number;
	/** The vendor's own settings from the node (Lightspeed X's register, user, payment type, tax). */
	settings: VendorSettings;
	/** Which events absolute-count writes applied at a location, and the items they hold (Loyverse). */
	writeRecord(locationId: string): StockWriteRecord;
}

function parse(text: string | undefined): unknown {
	if (text === undefined || text.trim() === '') return null;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/**
 * The vendor code's transport on the package's POS request policy: the credential's auth and fixed
 * headers, retries with backoff or Retry-After, the per-credential rate limit, and the node's options.
 */
export async function connectToPos(context: IExecuteFunctions, nodeName: string, vendor: InventoryVendor): Promise<PosConnection> {
	const { credentials, send, redactor, accountKey } = await signInToPos(context);
	const settings = readNodeSettings(context);
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const timeoutMs = (typeof options.timeoutSeconds === 'number' ? options.timeoutSeconds : 30) * 1000;
	const limiter = settings.requestsPerSecond > 0 ? sharedRateLimiter(accountKey, settings.requestsPerSecond) : undefined;
	let sent = 0;
	const transport = async (call: PosJsonCall): Promise<PosJsonResult> => {
		const request = buildPosRequest(credentials, { method: call.method, path: call.path, query: call.query, body: call.body, timeoutMs });
		const result = await sendPosRequest(
			{ request, safeToRepeat: call.safeToRepeat, duplicate: NO_DUPLICATES },
			{
				send,
				clock: systemClock,
				random: Math.random,
				policy: settings.policy,
				limiter,
				onRetry: ({ attempt, waitMs, reason }) => context.logger.warn(redactor.text(`${nodeName}: ${call.method} ${call.path} attempt ${attempt}: ${reason}; next attempt in ${waitMs} ms`)),
			},
		);
		sent += result.requestsSent;
		if (result.outcome === 'failed') {
			const reason = redactor.text(result.reason ?? (result.response ? posErrorMessage(result.response) : 'failed'));
			return { ok: false, reason, status: result.response?.status ?? null, body: parse(result.response ? redactor.text(result.response.body) : undefined), call };
		}
		return { ok: true, status: result.response?.status ?? 200, body: parse(result.response?.body) };
	};
	return {
		transport,
		redactor,
		credentials,
		secret: accountKey,
		requestsSent: () => sent,
		settings: readVendorSettings(context, vendor),
		writeRecord: (locationId) => stockWriteRecord(context.logger, { accountKey, vendorId: vendor.id, locationId }),
	};
}
