import { PackageError } from '../../packageError';
import { ShopifyApiError } from '../errors';
import type { ItemFailure } from './types';

/**
 * One item's failure as the package's error, for a run that stops on it (no Continue On Fail). Its advice
 * says what became of the run's other items, which is what decides whether running again is safe.
 */
export class InventoryItemError extends PackageError {
	readonly code: string;
	readonly remote: boolean;
	readonly advice: string;
	override readonly requestId?: string;
	private readonly status?: number;

	constructor(failure: ItemFailure) {
		super(failure.message);
		this.name = 'InventoryItemError';
		this.code = failure.code;
		this.remote = failure.source === 'shopify';
		const cause = failure.cause instanceof ShopifyApiError ? failure.cause : undefined;
		this.requestId = cause?.requestId;
		this.status = cause?.status;
		this.advice = this.remote
			? "Shopify refused or failed this item. The run's other items that Shopify accepted were applied; running the same input again replays their keys and does not apply them twice."
			: 'Nothing was sent to Shopify for this run. Fix the item, or turn on "Continue On Fail" to apply the other items and get one result per item.';
	}

	override get httpStatus(): number | undefined {
		return this.status;
	}

	/** The advice alone: the message is already the error's headline. */
	override describe(): string {
		return [this.advice, this.requestId ? `Shopify request id: ${this.requestId}` : undefined].filter(Boolean).join('\n');
	}
}
