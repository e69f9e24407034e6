import { PackageError } from '../../packageError';
/** A bulk operation Shopify could not start or finish, with what the shop owner can do about it. */
export class BulkOperationError extends PackageError {
	readonly remote = true;

	constructor(
		message: string,
		/** OPERATION_IN_PROGRESS, LIMIT_REACHED, INVALID, FAILED, PARTIAL_DATA, CANCELED, EXPIRED, TIMEOUT… */
		readonly code: string,
		readonly advice: string,
		readonly operationId?: string,
	) {
		super(message);
		this.name = 'BulkOperationError';
	}

	override describe(): string {
		return [this.message, this.advice, this.operationId ? `Bulk operation: ${this.operationId}` : undefined]
			.filter(Boolean)
			.join('\n');
	}
}
