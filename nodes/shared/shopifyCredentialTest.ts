import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';
import { nodeHttpSend } from '../../lib/http/nodeHttpSend';
import { checkShopifyConnection } from '../../lib/shopify/connectionCheck';
import { readShopifyCredential, shopifyAuthOf } from './shopifyClient';

/**
 * The `shopifyAdminApi` credential test, wired into every Shopify node as
 * `methods.credentialTest.shopifyAdminApiConnectionTest` (`testedBy`). A declarative test cannot do the
 * client-credentials exchange nor tell a missing scope from a wrong token, so the test runs our own check.
 * n8n gives credential tests only its deprecated request helper, so this one sends with node:http.
 */
export async function shopifyAdminApiConnectionTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const fields = readShopifyCredential(credential.data ?? {});
	const result = await checkShopifyConnection({
		shop: fields.shop,
		apiVersion: fields.apiVersion,
		credentials: shopifyAuthOf(fields),
		send: nodeHttpSend,
	});
	return result.ok ? { status: 'OK', message: result.message } : { status: 'Error', message: result.message };
}
