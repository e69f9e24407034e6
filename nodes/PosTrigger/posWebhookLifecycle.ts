import { NodeOperationError, type IHookFunctions } from 'n8n-workflow';
import { configurationProblem } from '../../lib/pos/webhooks/presets';
import { posTriggerSettingsOf, posWebhookSecretsOf } from './posTriggerSettings';

/**
 * POS webhooks are registered in the vendor's dashboard, not by n8n, so there is nothing to create or
 * delete remotely. Publishing still goes through `create`, which refuses a trigger that could verify nothing
 * (no signature key, a short URL token, None without consent) with a message saying what to fix, instead of
 * answering every delivery 401 without a word in the editor.
 */
export const posWebhookLifecycle = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		return false;
	},
	async create(this: IHookFunctions): Promise<boolean> {
		const settings = posTriggerSettingsOf(this);
		const problem = configurationProblem(settings, (await posWebhookSecretsOf(this, settings.preset)).secrets);
		if (problem) throw new NodeOperationError(this.getNode(), problem);
		return true;
	},
	async delete(this: IHookFunctions): Promise<boolean> {
		return true;
	},
};
