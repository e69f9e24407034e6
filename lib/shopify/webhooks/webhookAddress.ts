/**
 * Shopify only delivers to public HTTPS addresses. Checked before registering so the shop owner reads what
 * to change in n8n (WEBHOOK_URL) instead of Shopify's terse "Address is invalid". Undefined = acceptable.
 * A local simulator (loopback shop) is exempt: it runs next to n8n and posts over plain HTTP.
 */
export function webhookAddressProblem(uri: string, shopIsLocal: boolean): string | undefined {
	if (shopIsLocal) return undefined;
	let url: URL;
	try {
		url = new URL(uri);
	} catch {
		return `n8n's webhook URL "${uri}" is not a valid URL. Set WEBHOOK_URL on the n8n instance to its public HTTPS address.`;
	}
	if (url.protocol !== 'https:') {
		return (
			`Shopify only delivers webhooks to HTTPS addresses, and this workflow's webhook URL is "${uri}". ` +
			'Serve n8n over HTTPS (a reverse proxy or tunnel with a certificate) and set WEBHOOK_URL to that https:// address, ' +
			'or use the Shopify Order Polling Trigger, which needs no inbound connection.'
		);
	}
	if (isPrivateHost(url.hostname)) {
		return (
			`Shopify cannot reach "${url.hostname}": it is a local or private address, and Shopify delivers from the internet. ` +
			'Set WEBHOOK_URL on the n8n instance to its public HTTPS address (or a tunnel to it), ' +
			'or use the Shopify Order Polling Trigger, which needs no inbound connection.'
		);
	}
	return undefined;
}

function isPrivateHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
	if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
	if (!host.includes('.') && !host.includes(':')) return true;
	if (host === '::1' || host.startsWith('fc') || host.startsWith('fd') || host.startsWith('fe80:')) return true;
	const ipv4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
	if (!ipv4) return false;
	const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
	return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}
