import type { Page } from 'playwright-core';

import type { N8nInstance } from './n8nInstance';

/** Signs the owner in on n8n's sign-in page, as a user does, and waits until the editor has let them in. */
export async function signInToEditor(page: Page, n8n: N8nInstance): Promise<void> {
	const owner = n8n.owner!;
	await page.goto(`${n8n.baseUrl}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"], input[type="email"]').first().fill(owner.email);
	await page.locator('input[name="password"], input[type="password"]').first().fill(owner.password);
	await page.locator('[data-test-id="form-submit-button"]').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}
