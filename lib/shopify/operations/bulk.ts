/**
 * Bulk operations: Shopify runs one query over the whole store in the background and offers the result
 * as a JSONL file. The query itself is built at run time (bulk queries take no variables), see
 * lib/shopify/orders/bulkOrdersQuery.ts.
 */

/** groupObjects: children come right after their parent, so the file can be joined while streaming. */
export const BULK_QUERY_RUN = `mutation BulkQueryRun($query: String!) {
	bulkOperationRunQuery(query: $query, groupObjects: true) {
		bulkOperation { id status createdAt }
		userErrors { field message code }
	}
}`;

export const BULK_OPERATION_STATUS = `query BulkOperationStatus($id: ID!) {
	bulkOperation(id: $id) {
		id status errorCode createdAt completedAt objectCount rootObjectCount url partialDataUrl
	}
}`;
