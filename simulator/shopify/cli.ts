/**
 * `npm run simulator [-- --port 8787 --orders 200 --seed 1]`: starts a seeded simulated store and prints
 * how to connect to it. Runs until interrupted.
 */
import { startShopifySimulator } from './index';

function option(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	if (index === -1) return fallback;
	const value = Number(process.argv[index + 1]);
	if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
	return value;
}

async function main(): Promise<void> {
	const port = option('port', 8787);
	const running = await startShopifySimulator({
		port,
		seed: { seed: option('seed', 1), orders: option('orders', 50), products: option('products', 20), locations: option('locations', 2) },
	});
	const lines = [
		'Simulated Shopify store is running.',
		`  Shop (credential "shop"):   ${running.url}`,
		`  Shop domain:                ${running.shopDomain}`,
		`  Admin API access token:     ${running.accessToken}`,
		`  Client ID:                  ${running.clientId}`,
		`  Client secret:              ${running.clientSecret}`,
		`  API versions:               ${running.apiVersions.join(', ')}`,
		`  GraphQL endpoint:           ${running.url}/admin/api/${running.apiVersions[running.apiVersions.length - 1]}/graphql.json`,
		`  Control API:                ${running.url}/_sim/ (see simulator/shopify/README.md)`,
		'Press Ctrl+C to stop.',
	];
	console.log(lines.join('\n'));
	const stop = (): void => {
		void running.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
