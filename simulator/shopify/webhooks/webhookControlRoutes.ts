import { sendJson } from '../http/jsonResponse';
import type { ShopifySimulator } from '../simulator';
import type { WebhookChaos, WebhookService, WebhookSettings } from './webhookService';

/** `/_sim/webhooks/…`: inspect subscriptions and deliveries, tune retries, ask for chaos, wait for quiet. */
export function mountWebhookControlRoutes(simulator: ShopifySimulator, webhooks: WebhookService): void {
	simulator.addRoute(async (request, response, url, body) => {
		if (!url.pathname.startsWith('/_sim/webhooks')) return false;
		const path = url.pathname.slice('/_sim/webhooks'.length);
		const method = request.method ?? 'GET';
		const input = body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
		if (method === 'GET' && path === '/subscriptions') sendJson(response, 200, [...webhooks.subscriptions.values()]);
		else if (method === 'GET' && path === '/removed') sendJson(response, 200, webhooks.removedSubscriptions);
		else if (method === 'GET' && path === '/deliveries') sendJson(response, 200, webhooks.deliveries);
		else if (method === 'PUT' && path === '/settings') {
			webhooks.settings = { ...webhooks.settings, ...(input as Partial<WebhookSettings>) };
			sendJson(response, 200, webhooks.settings);
		} else if (method === 'POST' && path === '/chaos') {
			webhooks.chaos = { ...webhooks.chaos, ...(input as Partial<WebhookChaos>) };
			sendJson(response, 200, webhooks.chaos);
		} else if (method === 'POST' && path === '/release') sendJson(response, 200, { released: webhooks.releaseHeld() });
		else if (method === 'POST' && path === '/settle') {
			const settled = await webhooks.settle(Number(input.timeoutMs ?? 10000));
			sendJson(response, 200, { settled, deliveries: webhooks.deliveries });
		} else return false;
		return true;
	});
}
