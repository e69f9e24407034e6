/** What the Get Orders node lets a shop owner filter on; every field optional, all combined with AND. */
export interface OrderFilters {
	createdSince?: string;
	createdUntil?: string;
	updatedSince?: string;
	updatedUntil?: string;
	processedSince?: string;
	processedUntil?: string;
	/** Shopify's search values: `paid`, `pending`, `authorized`, `partially_paid`, `partially_refunded`, `refunded`, `voided`, `expired`. Any of them. */
	financialStatuses?: string[];
	/** `unshipped`, `shipped`, `partial`, `unfulfilled`, `fulfilled`, `scheduled`, `on_hold`, `request_declined`. Any of them. */
	fulfillmentStatuses?: string[];
	/** Default `any`. */
	status?: 'open' | 'closed' | 'cancelled' | 'any';
	tagsAny?: string[];
	tagsNone?: string[];
	/** Shopify's `sales_channel` value (the channel's handle, e.g. `online_store`). */
	salesChannel?: string;
	/** Default `include`. */
	testOrders?: 'include' | 'exclude' | 'only';
	/** Loop guard: leave out orders a POS created (source_name `pos`), so a POS sale is not pushed back to it. */
	skipPosOrders?: boolean;
	/** Shopify search syntax for anything else; combined with the rest with AND. */
	rawQuery?: string;
}

export type OrderSortKey = 'UPDATED_AT' | 'CREATED_AT';
